import { describe, expect, it } from 'vitest';
import { parseCommand, splitWords } from '../../src/commands/parse-command.js';

describe('parseCommand', () => {
  it('parses latest with topic, count and public in any order', () => {
    expect(parseCommand('latest')).toEqual({ name: 'latest', topicWords: [], count: null, public: false });
    expect(parseCommand('latest ai 10 public')).toEqual({ name: 'latest', topicWords: ['ai'], count: 10, public: true });
    expect(parseCommand('LATEST public 3 us state law')).toEqual({ name: 'latest', topicWords: ['us', 'state', 'law'], count: 3, public: true });
    expect(parseCommand('latest ai -2')).toMatchObject({ count: -2 });
    expect(parseCommand('latest 3 4')).toMatchObject({ name: 'invalid', command: 'latest', example: 'latest ai 10' });
  });

  it('parses search, keeping the words', () => {
    expect(parseCommand('search  biometric   data')).toEqual({ name: 'search', words: 'biometric data', regionWords: [] });
    expect(parseCommand('search')).toMatchObject({ name: 'invalid', command: 'search', problem: 'the search words are missing' });
  });

  it('parses subscribe and unsubscribe (commas allowed, all)', () => {
    expect(parseCommand('subscribe ai, gdpr')).toEqual({ name: 'subscribe', topicWords: ['ai', 'gdpr'] });
    expect(parseCommand('subscribe')).toEqual({ name: 'subscribe', topicWords: [] });
    expect(parseCommand('unsubscribe ALL')).toEqual({ name: 'unsubscribe', topicWords: 'all' });
    expect(parseCommand('unsubscribe gdpr')).toEqual({ name: 'unsubscribe', topicWords: ['gdpr'] });
    expect(parseCommand('unsubscribe')).toMatchObject({ name: 'invalid', command: 'unsubscribe' });
  });

  it('parses digest, why and the argument-less commands', () => {
    expect(parseCommand('digest weekly mon 09:00')).toMatchObject({ name: 'digest', request: { action: 'weekly', weekday: 1 } });
    expect(parseCommand('digest weekly xyz 09:00')).toMatchObject({ name: 'invalid', command: 'digest', example: 'digest weekly mon 09:00 America/New_York' });
    expect(parseCommand('why https://a.example/x')).toEqual({ name: 'why', target: 'https://a.example/x' });
    expect(parseCommand('why')).toMatchObject({ name: 'invalid', command: 'why' });
    expect(parseCommand('/privacy why https://a.example/x,y?a=1&amp;b=2')).toEqual({ name: 'why', target: 'https://a.example/x,y?a=1&b=2' });
    for (const name of ['help', 'topics', 'subscriptions', 'feeds']) expect(parseCommand(name)).toEqual({ name });
  });

  it('treats empty input as help and unknown words as unknown with a suggestion', () => {
    expect(parseCommand('   ')).toEqual({ name: 'help' });
    expect(parseCommand('/privacy help')).toEqual({ name: 'help' });
    expect(parseCommand('lates ai')).toEqual({ name: 'unknown', word: 'lates', suggestion: 'latest', rest: ['ai'] });
    expect(parseCommand('weather')).toMatchObject({ name: 'unknown', suggestion: null });
  });

  it('undoes Slack\'s escaping of &, < and >', () => {
    expect(parseCommand('latest Data breaches &amp; leaks')).toMatchObject({ topicWords: ['Data', 'breaches', '&', 'leaks'] });
    expect(parseCommand('search AT&amp;T &lt;b&gt;')).toEqual({ name: 'search', words: 'AT&T <b>', regionWords: [] });
  });

  it('splits on whitespace and commas', () => {
    expect(splitWords(' a,b\tc\nd ')).toEqual(['a', 'b', 'c', 'd']);
  });
});

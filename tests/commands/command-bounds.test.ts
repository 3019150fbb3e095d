import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closestWords, editDistance, editDistanceWork } from '../../src/commands/edit-distance.js';
import { COMMAND_NAMES, MAX_COMMAND_CHARS, parseCommand } from '../../src/commands/parse-command.js';
import { resolveTopic, resolveTopicList } from '../../src/commands/topic-resolver.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { createCommandHarness, readable } from './command-harness.js';

type Harness = Awaited<ReturnType<typeof createCommandHarness>>;

describe('command text is bounded', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createCommandHarness();
  });
  afterEach(async () => h.store.close());

  it('answers an overlong command with the limit instead of running it', async () => {
    const text = `subscribe ${'gdpr '.repeat(8_000)}`;
    expect(parseCommand(text)).toEqual({ name: 'too_long', length: text.length, limit: MAX_COMMAND_CHARS });
    const reply = await h.run(text);
    expect(reply.kind).toBe('error');
    expect(readable(reply)).toContain(`limit is ${MAX_COMMAND_CHARS.toLocaleString('en-US')} characters`);
    expect(readable(reply)).toContain('40,010');
    expect(await h.store.subscriptions.get(h.channel)).toBeNull();
  });

  it('still runs a command at the limit', async () => {
    const text = `subscribe gdpr ${'x'.repeat(MAX_COMMAND_CHARS - 15)}`;
    expect(text).toHaveLength(MAX_COMMAND_CHARS);
    expect(parseCommand(text).name).toBe('subscribe');
  });
});

describe('near-miss matching of long words', () => {
  const topics = defaultTopics();
  // Edit distance is quadratic: a 900,000-character word against every topic name took minutes.
  const huge = 'q'.repeat(900_000);

  it('does not run edit distance for a huge word', () => {
    const before = editDistanceWork.cells;
    expect(resolveTopic(huge, topics)).toEqual({ kind: 'unknown', typed: huge, suggestions: [] });
    expect(closestWords(huge, COMMAND_NAMES)).toEqual([]);
    expect(parseCommand(`${huge.slice(0, 2000)}`)).toMatchObject({ name: 'unknown', suggestion: null });
    expect(editDistanceWork.cells).toBe(before);
  });

  it('keeps near misses for ordinary words', () => {
    expect(resolveTopic('gpdr', topics)).toMatchObject({ kind: 'near', topic: { id: 'gdpr' } });
    expect(closestWords('subscibe', COMMAND_NAMES)).toEqual(['subscribe']);
    expect(editDistance('gdpr', 'gpdr')).toBe(1);
  });

  it('resolves a command-length list of words with edit distance only on words of similar length', () => {
    // 1,400 words: each starts phrases of up to five words, checked only for exact names
    // (near-miss matching of every phrase against every name computed about 10^8 table cells).
    const words = Array.from({ length: 1400 }, (_, i) => `w${i}`);
    const before = editDistanceWork.cells;
    const result = resolveTopicList(words, topics);
    expect(editDistanceWork.cells - before).toBeLessThan(words.length * 500);
    expect(result.resolved).toEqual([]);
    expect(result.unknown).toHaveLength(1400);
  });
});

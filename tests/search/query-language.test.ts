import { describe, expect, it } from 'vitest';
import { parseQuery, type ParsedQuery } from '../../src/search/parse-query.js';
import { createQueryIndex, matchesQuery, toMatchText } from '../../src/search/match-query.js';

function parsed(text: string): ParsedQuery {
  const query = parseQuery(text);
  if ('problem' in query) throw new Error(query.problem);
  return query;
}

const item = (title: string, summary = '') => toMatchText({ title, summary });

describe('query language', () => {
  it('parses words, phrases, exclusions and OR into a canonical text', () => {
    expect(parsed('Clearview  AI').text).toBe('clearview ai');
    expect(parsed('"Facial   Recognition" -POLICE').text).toBe('"facial recognition" -police');
    expect(parsed('meta OR "tik tok" -ban').groups).toEqual([
      { include: [{ tokens: ['meta'] }], exclude: [] },
      { include: [{ tokens: ['tik', 'tok'] }], exclude: [{ tokens: ['ban'] }] },
    ]);
    // Accents, case and punctuation fold away; a hyphenated word is a phrase.
    expect(parsed('Café e-mail “smart phone”').text).toBe('cafe "e mail" "smart phone"');
    // Lower-case "or" is a word, not an operator; database syntax is plain text.
    expect(parsed('this or that').text).toBe('this or that');
    expect(parsed('title:biometric NEAR(a b)*').text).toBe('"title biometric" "near a" b');
  });

  it('names what is wrong with unusable queries', () => {
    expect(parseQuery('"facial recognition')).toEqual({ problem: 'the quote before "facial recognition" is never closed' });
    expect(parseQuery('')).toEqual({ problem: 'the query needs at least one word (letters or digits)' });
    expect(parseQuery('-police')).toEqual({ problem: '`-police` only narrows other words: add a word to look for' });
    expect(parseQuery('OR meta')).toEqual({ problem: '`OR` needs words on both sides' });
    expect(parseQuery('a'.repeat(201))).toMatchObject({ problem: expect.stringMatching(/too long/) });
  });

  it('matches whole words and phrases in order, folding case, accents and a plural -s', () => {
    expect(matchesQuery(parsed('clearview'), item('Clearview AI fined'))).toBe(true);
    expect(matchesQuery(parsed('clear'), item('Clearview AI fined'))).toBe(false);
    expect(matchesQuery(parsed('fine'), item('Clearview AI fines'))).toBe(true);
    expect(matchesQuery(parsed('"facial recognition"'), item('New facial recognition rules'))).toBe(true);
    expect(matchesQuery(parsed('"recognition facial"'), item('New facial recognition rules'))).toBe(false);
    expect(matchesQuery(parsed('naive'), item('A naïve approach'))).toBe(true);
    expect(matchesQuery(parsed('clearview -police'), item('Clearview', 'Used by police forces'))).toBe(false);
    expect(matchesQuery(parsed('meta OR tiktok'), item('TikTok fined'))).toBe(true);
    expect(matchesQuery(parsed('meta ban OR tiktok'), item('Meta fined'))).toBe(false);
  });

  it('an index finds every query an item matches, each checked once however many share it', () => {
    const index = createQueryIndex([
      { query: parsed('clearview'), value: 'C1' },
      { query: parsed('clearview'), value: 'C2' },
      { query: parsed('"facial recognition" -police'), value: 'C3' },
      { query: parsed('meta OR clearview ban'), value: 'C4' },
    ]);
    expect(index.size).toBe(3);
    expect(index.match(item('Clearview facial recognition ban')).sort()).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(index.match(item('Police facial recognition')).sort()).toEqual([]);
    expect(index.match(item('Meta news')).sort()).toEqual(['C4']);
  });
});

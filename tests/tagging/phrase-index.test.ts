import { describe, expect, it } from 'vitest';
import { expandPhrase } from '../../src/tagging/expand-phrase.js';
import { createPhraseIndex, type PhraseHits } from '../../src/tagging/phrase-index.js';

function matches(phrases: string[], text: string): string[] {
  const index = createPhraseIndex();
  for (const p of phrases) index.add(p);
  const hits: PhraseHits = [];
  index.findAll(text, hits);
  const out: string[] = [];
  for (let h = 0; h < hits.length; h += 3) out.push(text.slice(hits[h + 1], hits[h + 2]));
  return out;
}

describe('phrase matching', () => {
  it('expands {a,b} alternatives', () => {
    expect(expandPhrase('hack{,ed,ers}')).toEqual(['hack', 'hacked', 'hackers']);
    expect(expandPhrase('{data,privacy} breach{,es}')).toEqual(['data breach', 'data breaches', 'privacy breach', 'privacy breaches']);
  });

  it('matches whole words only', () => {
    expect(matches(['AI'], 'Shanghai, Dubai, Thailand, paint and mail')).toEqual([]);
    expect(matches(['data'], 'database metadata data')).toEqual(['data']);
  });

  it('matches acronyms by case and other words in any case', () => {
    expect(matches(['AI', 'ICO'], 'AI rules; Otter.ai; the ICO; an ico sale')).toEqual(['AI', 'ICO']);
    expect(matches(['data breach'], 'DATA BREACH and Data Breach')).toEqual(['DATA BREACH', 'Data Breach']);
    expect(matches(['=Act'], 'the Act will act')).toEqual(['Act']);
  });

  it('treats punctuation, hyphens and apostrophes as word separators on both sides', () => {
    expect(matches(['end-to-end encryption'], 'end to end encryption; end-to-end encryption')).toHaveLength(2);
    expect(matches(['U.S.'], 'the U.S. and the US')).toEqual(['U.S']);
    expect(matches(["children's data"], 'children’s data')).toEqual(['children’s data']);
  });

  it('finds overlapping phrases', () => {
    expect(matches(['GDPR', 'GDPR breaches', 'breaches'], 'GDPR breaches')).toEqual(['GDPR', 'GDPR breaches', 'breaches']);
  });

  it('keeps offsets right when lowercasing changes length', () => {
    expect(matches(['privacy'], 'İstanbul privacy law')).toEqual(['privacy']);
  });
});

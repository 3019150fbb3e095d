import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgedFields } from '../../src/tagging/judged-fields.js';
import { parseLabelledItems } from '../../src/tagging/labelled-items.js';
import { createTagger } from '../../src/tagging/tagger.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';

const tagger = createTagger(defaultTopics());
const files = ['tagging-dev.jsonl', 'tagging-dev-2-train.jsonl'];

// Words that explain nothing on their own; a reader needs the phrase around them.
const BARE = /^(data|information|records|users?|customers?|people|personal|members|consumers|online|apps?|platforms?|location|market)$/i;

/** True when `phrase` occurs in `text` (ignoring case) starting and ending on word boundaries. */
function occursAsWords(text: string, phrase: string): boolean {
  const lower = text.toLowerCase();
  const wanted = phrase.toLowerCase();
  const word = /[\p{L}\p{N}]/u;
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const before = at === 0 ? '' : lower[at - 1]!;
    const after = lower[at + wanted.length] ?? '';
    const startsWord = !word.test(wanted[0]!) || !word.test(before);
    const endsWord = !word.test(wanted[wanted.length - 1]!) || !word.test(after);
    if (startsWord && endsWord) return true;
  }
  return false;
}

describe.each(files)('explanations on %s are the reader’s words', (file) => {
  const parsed = parseLabelledItems(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);

  it('names, for every topic and jurisdiction, whole words of the text and never a bare generic word', () => {
    let explained = 0;
    for (const item of parsed.items) {
      const result = tagger.tag(item);
      const text = judgedFields(item).join('\n');
      expect(Object.keys(result.jurisdictionWhy)).toEqual(result.jurisdictions);
      for (const [label, phrases] of [...Object.entries(result.why), ...Object.entries(result.jurisdictionWhy)]) {
        expect(phrases.length, `${item.id} ${label}`).toBeGreaterThan(0);
        for (const phrase of phrases) {
          explained++;
          expect(occursAsWords(text, phrase), `${item.id} ${label}: "${phrase}" is not whole words of the text`).toBe(true);
          expect(BARE.test(phrase), `${item.id} ${label}: bare "${phrase}"`).toBe(false);
          expect(phrase.length, `${item.id} ${label}: "${phrase}"`).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(explained).toBeGreaterThan(300);
  });
});

describe('explanations join touching matches into the phrase the reader sees', () => {
  it('shows "selling location data", not "selling", "location data" and "data"', () => {
    const result = tagger.tag({ title: 'Regulator fines app maker for selling location data' });
    expect(result.why['data-brokers']).toEqual(['selling location data']);
  });

  it('keeps the last dot of an abbreviation: "U.S.", not "U.S"', () => {
    expect(tagger.tag({ title: 'U.S. regulator fines data broker' }).jurisdictionWhy.us).toEqual(['U.S.']);
  });
});

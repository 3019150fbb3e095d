import { describe, expect, it } from 'vitest';
import { ITEM_TEXT_LIMITS } from '../../src/core/item-limits.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { truncateAtWord } from '../../src/text/plain-text.js';
import { fitEscaped } from '../../adapters/slack/escape-text.js';

const NOW = new Date('2026-01-05T09:00:00Z');
const rss = (body: string) => `<rss version="2.0"><channel><title>T</title>${body}</channel></rss>`;
const items = (text: string) => {
  const result = parseFeed(text, 'https://example.org/feed.xml', { now: NOW });
  if (result.status !== 'ok') throw new Error(result.message);
  return result.items;
};
const words = (chars: number) => {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const word = `privacy${i % 97}`;
    parts.push(word);
    n += word.length + 1;
  }
  return parts.join(' ').slice(0, chars);
};

describe('feed text is bounded at normalisation', () => {
  it('cuts a 200,000-character title, description and link to their caps at a word boundary', () => {
    const title = words(200_000);
    const description = words(300_000);
    const [item] = items(rss(`<item><title>${title}</title><description>${description}</description><link>https://example.org/${'p'.repeat(3000)}</link><guid>g1</guid></item>`));
    expect(item!.title.length).toBeLessThanOrEqual(ITEM_TEXT_LIMITS.title);
    expect(item!.title.length).toBeGreaterThan(ITEM_TEXT_LIMITS.title - 20);
    expect(item!.title.endsWith('…')).toBe(true);
    // Never inside a word: what is kept is whole words of the original.
    const kept = item!.title.slice(0, -1);
    expect(title.startsWith(kept) && title[kept.length] === ' ').toBe(true);
    expect(item!.description.length).toBeLessThanOrEqual(ITEM_TEXT_LIMITS.summary);
    expect(description.startsWith(item!.description.slice(0, -1))).toBe(true);
    // A link cut short would point somewhere else: an overlong link is dropped.
    expect(item!.url).toBeNull();
  });

  it('keeps text within the caps unchanged', () => {
    const [item] = items(rss('<item><title>Regulator fines retailer</title><description>Short.</description><link>https://example.org/a</link></item>'));
    expect(item).toMatchObject({ title: 'Regulator fines retailer', description: 'Short.', url: 'https://example.org/a' });
  });

  it('gives an item with an overlong guid a bounded key, the same on every poll', () => {
    const guid = 'g'.repeat(100_000);
    const doc = rss(`<item><title>A</title><guid>${guid}</guid></item>`);
    const [first] = items(doc);
    expect(first!.key.length).toBeLessThanOrEqual(ITEM_TEXT_LIMITS.url);
    expect(items(doc)[0]!.key).toBe(first!.key);
    expect(items(rss(`<item><title>A</title><guid>${guid}h</guid></item>`))[0]!.key).not.toBe(first!.key);
  });
});

describe('truncation reads only what it keeps', () => {
  it('cuts a 1,000,000-character text a hundred times (a list of feed items) without segmenting all of it', () => {
    // Segmenting the whole input each time would take minutes here.
    const text = words(1_000_000);
    for (let i = 0; i < 100; i++) expect(truncateAtWord(text, 300).length).toBeLessThanOrEqual(300);
    expect(truncateAtWord(text, 300)).toBe(`${text.slice(0, text.lastIndexOf(' ', 298))}…`);
  });

  it('fits escaped text in one pass, not one truncation per character of overflow', () => {
    // 1,750 letters and 250 `&` escape to exactly 3,000 characters: shrinking the budget one
    // character at a time would re-cut the 1,000,000-character text about a thousand times.
    const head = 'a'.repeat(1750) + '&'.repeat(250);
    const fitted = fitEscaped(`${head} ${'b'.repeat(1_000_000)}`, 3000);
    expect(fitted.length).toBeLessThanOrEqual(3000);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitted.length).toBeGreaterThan(2900);
  });

  it('fits escaped text exactly at the limit and leaves short text alone', () => {
    expect(fitEscaped('a & b', 9)).toBe('a &amp; b');
    expect(fitEscaped('a & b', 8)).toBe('a &amp;…');
    expect(fitEscaped('<<<<', 6).length).toBeLessThanOrEqual(6);
    expect(fitEscaped('word '.repeat(100), 50)).toBe(`${'word '.repeat(9).trim()}…`);
  });
});

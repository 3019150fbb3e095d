/**
 * Feed text and links before they reach chat: bidirectional controls (which can make a headline
 * read differently from what it says, "Trojan Source") are stripped, and links carrying
 * credentials (`https://user:pass@host`) are dropped, both by the normaliser through src/text.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { toHttpUrl } from '../../src/text/http-url.js';
import { toPlainText } from '../../src/text/plain-text.js';

const NOW = new Date('2026-01-05T09:00:00Z');
const itemsOf = (body: string) => {
  const result = parseFeed(`<rss version="2.0"><channel><title>T\u202E</title>${body}</channel></rss>`, 'https://example.org/feed.xml', { now: NOW });
  if (result.status !== 'ok') throw new Error(result.message);
  return result.items;
};

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

describe('bidirectional controls', () => {
  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s is stripped from plain text', (_name, control) => {
    expect(toPlainText(`Fine ${control}for${control} children`)).toBe('Fine for children');
    expect(toPlainText(`<p>Fine &#x${control.codePointAt(0)!.toString(16)};x</p>`)).toBe('Fine x');
  });

  it('keeps Arabic and Hebrew text itself', () => {
    expect(toPlainText('خصوصية \u202Eprivacy פרטיות')).toBe('خصوصية privacy פרטיות');
  });

  it('no title, description or author from a feed keeps one', () => {
    const [item] = itemsOf(
      '<item><title>Regulator fines \u202Eecafbook\u202C</title><description>a\u2066b\u2069c\u200F</description><author>A\u202Bb\u061C</author><link>https://example.org/1</link></item>',
    );
    expect(item?.title).toBe('Regulator fines ecafbook');
    expect(item?.description).toBe('abc');
    expect(item?.author).toBe('Ab');
    expect(JSON.stringify(item)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });
});

describe('links with credentials', () => {
  it('are refused by the link rule', () => {
    expect(toHttpUrl('https://user:pass@example.org/x')).toBeNull();
    expect(toHttpUrl('https://token@example.org/x')).toBeNull();
    expect(toHttpUrl('https://example.org/x')?.href).toBe('https://example.org/x');
  });

  it('are dropped from items, also when a relative link resolves against a base that carries them', () => {
    const items = itemsOf(
      '<item><title>One</title><link>https://admin:hunter2@intranet.example/1</link></item>' +
        '<item xml:base="https://u:p@example.org/"><title>Two</title><link>/2</link></item>' +
        '<item><title>Three</title><link>https://example.org/3</link></item>',
    );
    expect(items.map((i) => i.url)).toEqual([null, null, 'https://example.org/3']);
    expect(JSON.stringify(items)).not.toContain('hunter2');
  });
});

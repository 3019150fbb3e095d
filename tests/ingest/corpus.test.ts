import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/ingest/http/decode-charset.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { FIXTURES, fixture } from './feed-server.js';

const files = readdirSync(FIXTURES).filter((f) => f !== 'SOURCES.md').sort();

// Files that are not feeds or cannot be recovered: the typed error each must give.
const EXPECTED_ERRORS: Record<string, string> = {
  'rss-parser__unrecognized.rss': 'not_a_feed',
  'feedparser__rss_incomplete_cdata.xml': 'parse_error',
};
// Well-formed (or recovered) documents that hold no entries: ok with zero items.
const EMPTY_FEEDS = new Set([
  'feed-rs__rss_2.0_invalid_1.xml',
  'feedparser__undeclared_namespace.xml',
  'feedparser__utf-16le-bom.xml',
  'miniflux__windows-1252-incorrect-prolog.xml',
  'rss-parser__incomplete-fields.atom',
]);
const ITEM_COUNTS: Record<string, number> = {
  'rss-parser__guardian.rss': 55,
  'rss-parser__heise.atom': 15,
  'miniflux__encoding_WINDOWS-1251.xml': 50,
  'miniflux__large_atom.xml': 25,
  'rss-parser__many-links.rss': 25,
  'rss-parser__uolNoticias.rss': 15,
  'rss-parser__craigslist.rss': 25,
  'feed-rs__atom_mediarss_reddit_1.xml': 25,
  'feed-rs__jsonfeed_elastic_1.1.json': 3,
  'feed-rs__rss_2.0_relurl_1.xml': 2,
  'feedparser__rss_item_link_corrupted_ampersands.xml': 1,
};

describe('whole corpus (R23)', () => {
  it('has all 40 files', () => expect(files).toHaveLength(40));

  for (const file of files) {
    it(`${file}: items or a typed error within 1 s, clean keys and text`, () => {
      const started = performance.now();
      const result = parseFeed(decodeBody(fixture(file)).text, 'https://example.org/feed.xml', { now: new Date('2026-01-05T09:00:00Z') });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(JSON.stringify(result)).not.toContain('\uFFFD');
      if (EXPECTED_ERRORS[file]) {
        expect(result).toMatchObject({ status: 'error', kind: EXPECTED_ERRORS[file] });
        return;
      }
      expect(result.status).toBe('ok');
      if (result.status !== 'ok') return;
      if (EMPTY_FEEDS.has(file)) expect(result.items).toHaveLength(0);
      else expect(result.items.length).toBeGreaterThan(0);
      if (ITEM_COUNTS[file] !== undefined) expect(result.items).toHaveLength(ITEM_COUNTS[file]!);
      const keys = result.items.map((i) => i.key);
      expect(keys.every((k) => k.trim().length > 0)).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
      for (const item of result.items) {
        if (item.url !== null) expect(item.url).toMatch(/^https?:\/\//);
        expect(item.title).not.toMatch(/<[a-z]|&(amp|lt|gt|#\d+);/i);
        expect(item.description).not.toMatch(/<\/?(p|div|a|br|img)\b/i);
        if (item.publishedAt) expect(Number.isNaN(item.publishedAt.getTime())).toBe(false);
      }
    });
  }
});

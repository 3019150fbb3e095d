import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/ingest/http/decode-charset.js';
import { disambiguateKeys, itemKey } from '../../src/ingest/normalize/item-key.js';
import { parseFeedDate } from '../../src/ingest/normalize/parse-date.js';
import { canonicalLink, stripTracking } from '../../src/ingest/normalize/resolve-url.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { fixture } from './feed-server.js';

const NOW = new Date('2026-01-05T09:00:00Z');
const items = (text: string) => {
  const result = parseFeed(text, 'https://example.org/feed.xml', { now: NOW });
  if (result.status !== 'ok') throw new Error(result.message);
  return result.items;
};
const rss = (body: string) => `<rss version="2.0"><channel><title>T</title>${body}</channel></rss>`;

describe('dates never throw (R18)', () => {
  it.each([
    ['Sun, 03 May 2020 21:56:15 -0000', '2020-05-03T21:56:15.000Z'],
    ['Wed, 02 Oct 2002 13:00:00 EST', '2002-10-02T18:00:00.000Z'],
    ['2 Oct 2002 13:00 GMT', '2002-10-02T13:00:00.000Z'],
    ['2022-04-27T09:26:27+02:00', '2022-04-27T07:26:27.000Z'],
    ['2022-04-27T09:26:27.123Z', '2022-04-27T09:26:27.123Z'],
    ['2022-04-21T00:00:00', '2022-04-21T00:00:00.000Z'], // ISO without zone: UTC
    ['2022-04-21 10:00', '2022-04-21T10:00:00.000Z'],
    ['2022-12-17', '2022-12-17T00:00:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'], // localised (uolNoticias)
    ['Mi, 5 Mär 2025 10:00:00 +0100', '2025-03-05T09:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(parseFeedDate(input, NOW)?.toISOString()).toBe(expected);
  });

  it.each(['', 'garbage', 'Someday, 99 Foo 20x', '32/13/2020', 'Thu, 01 Jan 1970 00:00:00 GMT', 'x'.repeat(500)])('unparsable %j is null', (input) => {
    expect(parseFeedDate(input, NOW)).toBeNull();
  });

  it('clamps dates more than a day in the future to now, keeps near-future ones', () => {
    expect(parseFeedDate('Mon, 01 Jan 2099 00:00:00 GMT', NOW)).toEqual(NOW);
    expect(parseFeedDate('2026-01-05T20:00:00Z', NOW)?.toISOString()).toBe('2026-01-05T20:00:00.000Z');
  });

  it('an Atom entry with a broken date parses with publishedAt null', () => {
    const doc = '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>A</title><updated>not a date</updated></entry></feed>';
    expect(items(doc)[0]!.publishedAt).toBeNull();
  });
});

describe('identity keys (R19)', () => {
  it('prefers guid over a non-unique link (kernel.org)', () => {
    const [item] = items(decodeBody(fixture('feed-rs__rss_2.0_kdist.xml')).text);
    expect(item!.key).toBe('kernel.org,mainline,5.7-rc4,2020-05-03');
    expect(item!.url).toBe('http://www.kernel.org/');
  });

  it('uses atom:id and JSON id', () => {
    expect(items(decodeBody(fixture('feed-rs__atom_mediarss_youtube_1.xml')).text)[0]!.key).toBe('yt:video:0A1ouV7iD8o');
  });

  it('falls back to the canonical link without tracking parameters', () => {
    const doc = rss('<item><title>A</title><link>https://ex.example/a?id=5&amp;utm_source=rss&amp;utm_medium=feed&amp;fbclid=zz#comments</link></item>');
    const [item] = items(doc);
    expect(item!.key).toBe('https://ex.example/a?id=5');
    expect(item!.url).toBe('https://ex.example/a?id=5#comments');
  });

  it('falls back to a hash of title and content when there is neither guid nor link', () => {
    const [item] = items(decodeBody(fixture('feed-rs__rss_0.91_missing_id.xml')).text);
    expect(item!.key).toMatch(/^sha256:[0-9a-f]{16}$/);
    const again = items(decodeBody(fixture('feed-rs__rss_0.91_missing_id.xml')).text);
    expect(again[0]!.key).toBe(item!.key);
    expect(itemKey(null, null, 'A', 'x')).not.toBe(itemKey(null, null, 'B', 'x'));
  });

  it('disambiguates guids repeated within one document, on every occurrence', () => {
    const doc = rss(['One', 'Two', 'Three'].map((t) => `<item><title>${t}</title><guid>https://site.example/</guid><link>https://site.example/${t}</link></item>`).join(''));
    const keys = items(doc).map((i) => i.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((k) => k.startsWith('https://site.example/#'))).toBe(true);
    // A new item on top must not inherit an old key.
    const newer = rss(['Zero', 'One', 'Two'].map((t) => `<item><title>${t}</title><guid>https://site.example/</guid><link>https://site.example/${t}</link></item>`).join(''));
    expect(items(newer).map((i) => i.key).slice(1)).toEqual(keys.slice(0, 2));
  });

  it('drops exact duplicates within one document', () => {
    const item = '<item><title>A</title><guid>g</guid></item>';
    expect(items(rss(item + item))).toHaveLength(1);
    expect(disambiguateKeys([{ key: 'k', title: 'a', url: null, description: '', content: '' }])[0]!.key).toBe('k');
  });

  it('tracking parameters are removed from links, other parameters kept', () => {
    expect(stripTracking('https://a.example/?b=1&utm_campaign=x&gclid=2&mc_cid=3')).toBe('https://a.example/?b=1');
    expect(canonicalLink('https://a.example/p#frag')).toBe('https://a.example/p');
  });
});

describe('cutting text for chat (R22)', () => {
  it('cuts at a word boundary and never inside a grapheme cluster', async () => {
    const { truncateAtWord } = await import('../../src/text/plain-text.js');
    expect(truncateAtWord('Regulator fines company over biometric data', 20)).toBe('Regulator fines…');
    const family = '👨‍👩‍👧‍👦';
    const cut = truncateAtWord(`${family}${family}${family}`, 13);
    expect(cut.endsWith('…')).toBe(true);
    expect([...new Intl.Segmenter().segment(cut.slice(0, -1))].every((s) => s.segment === family)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/ingest/http/decode-charset.js';
import { parseFeed, type ParsedFeed, type ParseResult } from '../../src/ingest/parse/parse-feed.js';
import { fixture } from './feed-server.js';

const NOW = new Date('2026-01-05T09:00:00Z');
const parse = (text: string, base = 'https://example.org/feed.xml'): ParseResult => parseFeed(text, base, { now: NOW });
const ok = (result: ParseResult): ParsedFeed => {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.kind}: ${result.message}`);
  return result;
};
const fromFixture = (name: string) => decodeBody(fixture(name)).text;
const rss = (items: string, channel = '') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${channel}${items}</channel></rss>`;

describe('junk, BOM and control characters (R14)', () => {
  it('ignores junk before the root element (feedparser comment headers, whitespace, text)', () => {
    expect(ok(parse(`\n\n  garbage text\n${rss('<item><title>A</title><guid>1</guid></item>')}`)).items).toHaveLength(1);
    expect(ok(parse(fromFixture('feedparser__entry_content_script_cdata.xml'))).items).toHaveLength(1);
  });

  it('a leading BOM and illegal control characters do not fail the feed', () => {
    const feed = ok(parse(`\uFEFF${rss('<item><title>A\u0001B\u000Bc</title><guid>1</guid></item>')}`));
    expect(feed.items[0]!.title).toBe('ABc');
  });
});

describe('malformed XML (R15)', () => {
  it('an undefined &nbsp; entity keeps the feed (dbengines)', () => {
    const feed = ok(parse(fromFixture('feed-rs__rss_2.0_dbengines.xml')));
    expect(feed.items[0]!.title).toMatch(/Snowflake is the DBMS of the Year 2022/);
  });

  it('a document cut off at "</rss" recovers its items', () => {
    const feed = ok(parse(fromFixture('feedparser__rss_item_link_corrupted_ampersands.xml')));
    expect(feed.items[0]!.url).toBe('http://link/get?a=1&b=2');
  });

  it('truncated CDATA gives a typed parse error quickly', () => {
    const started = performance.now();
    expect(parse(fromFixture('feedparser__rss_incomplete_cdata.xml'))).toMatchObject({ status: 'error', kind: 'parse_error' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('unclosed tags and the truncated Reuters response do not throw', () => {
    // Unescaped HTML with a void tag inside an item: the item is recovered.
    expect(ok(parse(rss('<item><guid>x</guid><title>A</title><description>one<br>two</description></item>'))).items[0]!.title).toBe('A');
    // A tag never closed at all: a typed error for this feed, not an exception.
    const broken = parse('<rss version="2.0"><channel><title>T</title><item><title>A<guid>x</guid></item></channel></rss>');
    expect(broken.status === 'ok' || broken.kind === 'parse_error').toBe(true);
    expect(ok(parse(fromFixture('feed-rs__rss_2.0_invalid_1.xml'))).title).toBe('Reuters: Most Read Articles');
  });

  it('an undeclared namespace prefix is tolerated', () => {
    expect(ok(parse(rss('<item><itunes:subtitle>x</itunes:subtitle><title>A</title><guid>1</guid></item>'))).items[0]!.title).toBe('A');
  });

  it('not XML at all is a typed error, never an exception', () => {
    expect(parse('Hello, world').status).toBe('error');
    expect(parse('{"not": "a feed"}')).toMatchObject({ status: 'error', kind: 'not_a_feed' });
    expect(parse('{broken json')).toMatchObject({ status: 'error', kind: 'parse_error' });
    expect(parse('   ')).toMatchObject({ status: 'error', kind: 'empty' });
  });
});

describe('entities and DTDs (R16)', () => {
  it('a billion-laughs payload finishes fast without expanding', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [${lol}]><rss version="2.0"><channel><title>T</title><item><title>&lol9;</title><guid>1</guid></item></channel></rss>`;
    const started = performance.now();
    const result = parse(doc);
    expect(performance.now() - started).toBeLessThan(500);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it('a million numeric character references (CVE-2026-33036 shape) stay bounded', () => {
    const doc = rss(`<item><title>x</title><guid>1</guid><description>${'&#65;'.repeat(200_000)}</description></item>`);
    const started = performance.now();
    const feed = ok(parse(doc));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(feed.items[0]!.description.length).toBeLessThanOrEqual(200_000);
  });

  it('external entities are dropped with the DOCTYPE, never resolved', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd" [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>T</title><item><title>a &xxe; b</title><guid>1</guid></item></channel></rss>`;
    const title = ok(parse(doc)).items[0]!.title;
    expect(title).not.toContain('root:');
    expect(title).toMatch(/^a .*b$/);
  });
});

describe('format by content (R17)', () => {
  it.each([
    ['feed-rs__rss_0.91_encoding_1.xml', 'rss'],
    ['rss-parser__guardian.rss', 'rss'],
    ['feed-rs__rss_1.0_debian.xml', 'rdf'],
    ['feedparser__entry_content_script_cdata.xml', 'atom'], // Atom 0.3
    ['rss-parser__heise.atom', 'atom'],
    ['feed-rs__jsonfeed_elastic_1.1.json', 'json'],
  ])('%s is %s', (file, format) => {
    expect(ok(parse(fromFixture(file))).format).toBe(format);
  });

  it('JSON Feed 1.0 with numeric ids and author objects', () => {
    const doc = JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'J', items: [{ id: 7, url: '/p/7', title: 'Seven', content_text: 'text', author: { name: 'Ann' } }] });
    const item = ok(parse(doc, 'https://j.example/feed.json')).items[0]!;
    expect(item).toMatchObject({ key: '7', url: 'https://j.example/p/7', title: 'Seven', author: 'Ann' });
  });

  it('an HTML page is not_a_feed and names the alternate feed URL', () => {
    const html = '<!DOCTYPE html><html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>';
    expect(parse(html, 'https://blog.example/about')).toMatchObject({ status: 'error', kind: 'not_a_feed', alternateUrl: 'https://blog.example/atom.xml' });
    expect(parse(fromFixture('rss-parser__unrecognized.rss'))).toMatchObject({ status: 'error', kind: 'not_a_feed', alternateUrl: null });
  });
});

describe('absolute http(s) URLs (R21)', () => {
  it('resolves against item xml:base', () => {
    const doc = `<rss version="2.0"><channel><title>T</title><item xml:base="https://base.example/dir/"><title>A</title><link>page.html</link></item></channel></rss>`;
    expect(ok(parse(doc)).items[0]!.url).toBe('https://base.example/dir/page.html');
  });

  it('resolves against the channel link, then the final feed URL', () => {
    const withChannel = rss('<item><title>A</title><link>/a</link></item>', '<link>https://site.example/blog/</link>');
    expect(ok(parse(withChannel)).items[0]!.url).toBe('https://site.example/a');
    const without = rss('<item><title>A</title><link>a.html</link></item>');
    expect(ok(parse(without, 'https://feeds.example/x/feed.xml')).items[0]!.url).toBe('https://feeds.example/x/a.html');
  });

  it('resolves Atom links against feed-level xml:base', () => {
    const doc = '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/root/"><title>T</title><entry><id>e1</id><title>E</title><link href="post"/></entry></feed>';
    expect(ok(parse(doc)).items[0]!.url).toBe('https://atom.example/root/post');
  });

  it('only http and https survive', () => {
    const doc = rss(['javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/f', 'mailto:a@b.c'].map((l, i) => `<item><title>${i}</title><guid>${i}</guid><link>${l}</link></item>`).join(''));
    expect(ok(parse(doc)).items.map((i) => i.url)).toEqual([null, null, null, null]);
  });

  it('relurl fixture links are absolute', () => {
    expect(ok(parse(fromFixture('feed-rs__rss_2.0_relurl_1.xml'))).items[1]!.url).toBe('https://insanity.industries/post/pacman-tracking-leftover-packages/');
  });
});

describe('text for chat (R22)', () => {
  it('unwraps CDATA, decodes double-escaped entities, strips tags, collapses whitespace', () => {
    const doc = rss('<item><guid>1</guid><title><![CDATA[It&amp;#8217;s   <b>bold</b>]]></title><description>&lt;p&gt;One&lt;/p&gt;\n\n  &lt;p&gt;Two&lt;/p&gt;</description></item>');
    const item = ok(parse(doc)).items[0]!;
    expect(item.title).toBe('It’s bold');
    expect(item.description).toBe('One Two');
  });

  it('drops WordPress and "Continue reading" boilerplate', () => {
    const doc = rss('<item><guid>1</guid><title>A</title><description><![CDATA[<p>Real text.</p><p>The post <a href="x">A</a> appeared first on <a href="y">Blog</a>.</p>]]></description></item><item><guid>2</guid><title>B</title><description>Summary here. Continue reading →</description></item>');
    expect(ok(parse(doc)).items.map((i) => i.description)).toEqual(['Real text.', 'Summary here.']);
  });

  it('drops script content (feedparser sanitize fixture)', () => {
    const item = ok(parse(fromFixture('feedparser__entry_content_script_cdata.xml'))).items[0]!;
    expect(item.content).toBe('safe description');
  });
});

describe('boilerplate edge cases (R22)', () => {
  it('cuts at the right place when lower-casing changes the length (Turkish İ)', async () => {
    const { stripBoilerplate } = await import('../../src/ingest/normalize/strip-boilerplate.js');
    expect(stripBoilerplate('İİİ İstanbul haberleri. Read more »')).toBe('İİİ İstanbul haberleri.');
  });

  it('removes a trailing […] and keeps "read more" that is not at the end', () => {
    const doc = rss('<item><guid>1</guid><title>A</title><description>Start of the story […]</description></item><item><guid>2</guid><title>B</title><description>Read more about consent. Then the rest of a long story follows here.</description></item>');
    const texts = parseFeed(doc, 'https://example.org/', { now: NOW });
    expect(texts.status === 'ok' && texts.items.map((i) => i.description)).toEqual(['Start of the story', 'Read more about consent. Then the rest of a long story follows here.']);
  });
});

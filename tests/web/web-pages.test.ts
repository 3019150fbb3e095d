import { parseFeed as feedsmithParse } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { STORIES_PER_PAGE } from '../../src/web/home-page.js';
import { HOSTILE, NOW, PRIVATE_MARKERS, startWebFixture, type WebFixture } from './web-fixture.js';

/** Every page and feed the web module serves, for the walks below. */
async function allRoutes(fixture: WebFixture): Promise<string[]> {
  const storyIds = [...new Set([...fixture.items, fixture.hostile].map((item) => item.storyId ?? item.id))];
  const topics = fixture.context.topics.map((topic) => topic.id);
  return [
    '/',
    '/?q=breach',
    '/?q=fine&topic=enforcement',
    ...topics.map((topic) => `/?topic=${topic}`),
    ...storyIds.map((id) => `/stories/${id}`),
    '/sources',
    '/topics',
    '/feeds/all.xml',
    '/feeds/all.json',
    ...topics.flatMap((topic) => [`/feeds/${topic}.xml`, `/feeds/${topic}.json`]),
    '/stories/999999',
    '/feeds/nope.xml',
    '/?topic=nope',
  ];
}

describe('web pages', () => {
  let fixture: WebFixture;
  beforeAll(async () => {
    fixture = await startWebFixture();
  });
  afterAll(() => fixture.close());
  const get = (path: string) => fetch(fixture.base + path);

  it('never shows channels, workspaces, subscriptions, user ids, tokens or feed keys on any route', async () => {
    const routes = await allRoutes(fixture);
    expect(routes.length).toBeGreaterThan(40);
    for (const path of routes) {
      const response = await get(path);
      const headerLines: string[] = [];
      response.headers.forEach((value, name) => headerLines.push(`${name}: ${value}`));
      const text = `${headerLines.join('\n')}\n${await response.text()}`;
      for (const marker of PRIVATE_MARKERS) expect(text, `${path} shows ${marker}`).not.toContain(marker);
    }
  });

  it('escapes feed text everywhere, sends only http(s) links, and carries the security headers', async () => {
    for (const path of await allRoutes(fixture)) {
      const response = await get(path);
      const body = await response.text();
      expect(body, path).not.toContain('<script');
      expect(body, path).not.toContain('<img');
      expect(body.toLowerCase(), path).not.toContain('javascript:');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      for (const [, href] of body.matchAll(/href="([^"]*)"/g)) expect(href, path).toMatch(/^(?:\/|#|https?:\/\/)/);
    }
    const story = await (await get(`/stories/${fixture.hostile.id}`)).text();
    expect(story).toContain('GDPR fine &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(story).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('/ lists the newest stories with sources, date, topics and summary, one card per story', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = await response.text();
    const breach = fixture.items.find((item) => item.title.startsWith('Hospital network'))!;
    expect(body.match(new RegExp(`href="/stories/${breach.id}"`, 'g'))).toHaveLength(1);
    const card = body.slice(body.indexOf(`/stories/${breach.id}`));
    expect(card.slice(0, 600)).toContain('+1 source');
    expect(card.slice(0, 900)).toContain('Data breaches &amp; leaks');
    expect(card.slice(0, 900)).toContain('<time datetime="');
    const headlines = [...body.matchAll(/<h2><a href="\/stories\/(\d+)">/g)].map((match) => Number(match[1]));
    expect(headlines[0]).toBe(fixture.hostile.id);
  });

  it('filters by topic with feed links (Link header too), searches, and rejects unknown topics and bad cursors', async () => {
    const ai = await get('/?topic=ai');
    expect(ai.headers.get('link')).toContain('</feeds/ai.xml>; rel="alternate"');
    const body = await ai.text();
    expect(body).toContain('href="/feeds/ai.json"');
    const ids = [...body.matchAll(/<h2><a href="\/stories\/(\d+)">/g)].map((match) => Number(match[1]));
    const aiStories = new Set(fixture.items.filter((item) => item.topics.includes('ai')).map((item) => item.storyId ?? item.id));
    expect(ids.length).toBe(aiStories.size);
    expect(new Set(ids)).toEqual(aiStories);
    const search = await (await get('/?q=facial+recognition')).text();
    expect(search).toContain('Police use of facial recognition');
    expect(search).not.toContain('Hospital network');
    expect((await get('/?topic=nope')).status).toBe(404);
    expect((await get('/?before=1;DROP')).status).toBe(404);
    expect((await get('/stories/abc')).status).toBe(404);
  });

  it('pages through many stories without repeating one', async () => {
    const extra = Array.from({ length: 30 }, (_, n) => ({ key: `bulk-${n}`, url: `https://bulk.example/${n}`, title: `Bulk privacy item ${n}`, description: '', content: '', publishedAt: null, summary: 'Bulk.', topics: ['ai'], why: { ai: ['AI'] } }));
    await fixture.store.items.insertNew('demo-blog', extra, new Date(NOW.getTime() - 30_000));
    const seen: string[] = [];
    let path: string | undefined = '/';
    for (let pages = 0; path && pages < 10; pages++) {
      const body = await (await get(path)).text();
      const ids = [...body.matchAll(/<h2><a href="\/stories\/(\d+)">/g)].map((match) => match[1]!);
      expect(ids.length).toBeLessThanOrEqual(STORIES_PER_PAGE);
      seen.push(...ids);
      path = /<a href="([^"]+)" rel="next">/.exec(body)?.[1]?.replace(/&amp;/g, '&');
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await fixture.store.items.count()) - 1);
  });

  it('/stories/<id> shows every item with source and date, and the phrases behind each topic', async () => {
    const breach = fixture.items.find((item) => item.title.startsWith('Hospital network'))!;
    const body = await (await get(`/stories/${breach.id}`)).text();
    const members = await fixture.store.items.byStory(breach.id);
    expect(members).toHaveLength(2);
    for (const member of members) {
      expect(body).toContain(`href="${member.url}"`);
      expect(body).toContain(member.source);
      for (const phrase of Object.values(member.why).flat()) expect(body).toContain(`“${phrase}”`);
    }
    expect(body).toContain('Why these items are one story');
  });

  it('/sources lists every feed, failing first, with last error, 30-day counts and only the feed host', async () => {
    const body = await (await get('/sources')).text();
    const names = [...body.matchAll(/<th scope="row">([^<]+)</g)].map((match) => match[1]);
    expect(names.slice(0, 2).sort()).toEqual(['Alerts', 'Demo Privacy Wire']);
    expect(names).toHaveLength(5);
    expect(body).toContain('http_5xx</strong>: HTTP 503');
    expect(body).toContain('https://alerts.example/…');
    const counts = await fixture.store.web.feedItemCounts(new Date(NOW.getTime() - 30 * 86_400_000));
    const regulator = body.slice(body.indexOf('Demo Data Protection Authority'));
    expect(regulator).toMatch(new RegExp(`<td class="num" data-label="Items, 30 days">${counts['demo-regulator'] ?? 0}</td>`));
  });

  it('/topics has a chart per topic whose text alternative gives the weekly counts', async () => {
    const body = await (await get('/topics')).text();
    expect(body.match(/<svg class="chart"/g)).toHaveLength(fixture.context.topics.length);
    const weeks = Array.from({ length: 12 }, (_, week) =>
      [...fixture.items, fixture.hostile].filter((item) => {
        const age = NOW.getTime() + 1 - item.firstSeenAt.getTime();
        return item.topics.includes('breach') && age > (11 - week) * 7 * 86_400_000 && age <= (12 - week) * 7 * 86_400_000;
      }).length,
    );
    expect(weeks.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(body).toContain(`Data breaches &amp; leaks, items per week over the last 12 weeks, oldest first: ${weeks.join(', ')}.`);
  });

  it('feeds out are valid RSS 2.0 and JSON Feed 1.1 holding only the topic, with http(s) links and topics', async () => {
    const rss = await get('/feeds/ai.xml');
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const text = await rss.text();
    const parsed = parseFeed(text, fixture.base);
    if (parsed.status !== 'ok') throw new Error(parsed.message);
    expect(parsed.format).toBe('rss');
    const channel = feedsmithParse(text);
    expect(channel.format).toBe('rss');
    const feed = channel.feed as { title?: string; link?: string; description?: string; items?: { title?: string; link?: string; guid?: unknown; categories?: unknown[] }[] };
    expect(feed.title).toBe('Privacy Radar: AI & automated decisions');
    expect(feed.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?topic=ai$/);
    expect(feed.description).toBeTruthy();
    const expected = (await fixture.store.items.latest({ topic: 'ai', limit: 50 })).map((item) => item.url);
    expect(parsed.items.map((item) => item.url)).toEqual(expected);
    expect(parsed.items.length).toBeGreaterThan(0);
    for (const item of feed.items ?? []) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https?:\/\//);
      expect(item.categories?.length).toBeGreaterThan(0);
    }

    const json = await get('/feeds/ai.json');
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const doc = JSON.parse(await json.clone().text()) as { version: string; title: string; items: { id: string; url: string; tags: string[]; content_text: string }[] };
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect(doc.items.map((item) => item.url)).toEqual(expected);
    for (const item of doc.items) expect(item.tags).toContain('AI & automated decisions');
    const viaParser = parseFeed(await json.text(), fixture.base);
    expect(viaParser.status === 'ok' && viaParser.items.length).toBe(expected.length);
  });

  it('/feeds/all.xml carries hostile text escaped twice in descriptions and links it to its story page', async () => {
    const text = await (await get('/feeds/all.xml')).text();
    expect(text).toContain('<description>&amp;lt;img src=x onerror=alert(2)&amp;gt; data protection</description>');
    expect(text).toContain(`<link>${fixture.base}/stories/${fixture.hostile.id}</link>`);
    expect(text).toContain('<title>GDPR fine &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; &amp;quot;quotes&amp;quot;</title>');
    const parsed = parseFeed(text, fixture.base);
    expect(parsed.status === 'ok' && parsed.items.some((item) => item.title.startsWith('GDPR fine'))).toBe(true);
    const json = JSON.parse(await (await get('/feeds/all.json')).text()) as { items: { title: string; content_text: string }[] };
    expect(json.items.find((item) => item.title.startsWith('GDPR fine'))).toMatchObject({ title: HOSTILE.title, content_text: HOSTILE.summary });
    const first = await get('/feeds/all.xml');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(`${fixture.base}/feeds/all.xml`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${fixture.base}/feeds/ai.xml`, { headers: { 'if-none-match': etag } })).status).toBe(200);
    expect((await get('/feeds/nope.xml')).status).toBe(404);
    expect((await get('/feeds/../../etc.xml')).status).toBe(404);
  });

  it('/ stays under 100 KB with its stylesheet', async () => {
    const page = await (await get('/')).arrayBuffer();
    const css = await (await get('/assets/radar.css')).arrayBuffer();
    expect(page.byteLength + css.byteLength).toBeLessThan(100 * 1024);
  });
});

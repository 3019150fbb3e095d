import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/core/logger.js';
import { createPoller } from '../../src/ingest/poller.js';
import { FIXTURES, fixture, rssFeed } from './feed-server.js';
import { createHarness, TEST_FETCH, usePollerFixtures, type Harness } from './poller-harness.js';

const env = usePollerFixtures();

async function harness(feeds: Array<{ id: string; path: string; interval?: number }>, dbPath?: string): Promise<Harness> {
  const h = await createHarness(feeds.map((f) => ({ id: f.id, url: env.server.url(f.path), interval: f.interval })), { dbPath });
  env.harnesses.push(h);
  return h;
}

const requestsTo = (path: string) => env.server.requests.filter((r) => r.path === path);

describe('polling twice (R1, R20)', () => {
  it('the second poll sends validators for every feed that gave them and stores 0 new items', async () => {
    const corpus = ['rss-parser__guardian.rss', 'rss-parser__heise.atom', 'miniflux__encoding_WINDOWS-1251.xml', 'feed-rs__jsonfeed_elastic_1.1.json'];
    corpus.forEach((file, i) => env.server.serveStatic(`/twice-${i}`, fixture(file)));
    const h = await harness(corpus.map((_, i) => ({ id: `twice-${i}`, path: `/twice-${i}` })));
    const first = await h.poller.pollOnce();
    expect(first.feeds.map((f) => f.error?.message ?? f.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(first.newItems).toBe(55 + 15 + 50 + 3);
    expect(await h.posted()).toEqual([]); // a new feed's first poll records its backlog without posting
    const second = await h.poller.pollOnce();
    expect(second.newItems).toBe(0);
    expect(second.feeds.map((f) => f.status)).toEqual(['not_modified', 'not_modified', 'not_modified', 'not_modified']);
    for (let i = 0; i < corpus.length; i++) {
      const last = requestsTo(`/twice-${i}`).at(-1)!;
      expect(last.headers['if-none-match']).toBeTruthy();
      expect(last.headers['if-modified-since']).toBe('Mon, 05 Jan 2026 08:00:00 GMT');
    }
    expect(await h.posted()).toEqual([]);
  });

  it('the whole corpus twice: every feed that gave validators gets them back, 0 new items', async () => {
    const files = readdirSync(FIXTURES).filter((f) => f !== 'SOURCES.md').sort();
    files.forEach((file, i) => env.server.serveStatic(`/corpus-${i}`, fixture(file)));
    const h = await harness(files.map((_, i) => ({ id: `corpus-${i}`, path: `/corpus-${i}` })));
    const first = await h.poller.pollOnce();
    const okIds = first.feeds.filter((f) => f.status === 'ok').map((f) => f.id);
    expect(okIds.length).toBe(38); // the HTML page and the truncated CDATA file are typed errors
    expect(first.feeds.filter((f) => f.status === 'error').map((f) => f.error!.kind).sort()).toEqual(['not_a_feed', 'parse_error']);
    const second = await h.poller.pollOnce();
    expect(second.newItems).toBe(0);
    for (const id of okIds) {
      expect(second.feeds.find((f) => f.id === id)!.status).toBe('not_modified');
      expect(requestsTo(`/${id}`).at(-1)!.headers['if-none-match']).toMatch(/^"/);
    }
  });

  it('validators survive a restart (new store instance on the same database file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    try {
      env.server.serveStatic('/restart', rssFeed([1, 2]));
      const before = await harness([{ id: 'restart', path: '/restart' }], join(dir, 'db.sqlite'));
      await before.poller.pollOnce();
      await before.poller.close?.();
      await before.store.close();
      env.harnesses.splice(env.harnesses.indexOf(before), 1);
      const after = await harness([{ id: 'restart', path: '/restart' }], join(dir, 'db.sqlite'));
      const report = await after.poller.pollOnce();
      expect(report.feeds[0]!.status).toBe('not_modified');
      expect(requestsTo('/restart').at(-1)!.headers['if-none-match']).toMatch(/^"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a feed that stays unchanged for a year (R19 with retention)', () => {
  it('keeps its items listed on every 304, so pruning never drops them and nothing is re-posted', async () => {
    env.server.serveStatic('/quiet', fixture('rss-parser__heise.atom'));
    const h = await harness([{ id: 'quiet', path: '/quiet' }]);
    expect((await h.poller.pollOnce()).newItems).toBe(15);
    for (let month = 1; month <= 13; month++) {
      h.clock.advance(30 * 24 * 3600_000);
      expect((await h.poller.pollOnce()).feeds[0]?.status).toBe('not_modified');
    }
    expect((await h.store.prune(h.clock.now(), 365)).items).toBe(0);
    expect(await h.store.items.count()).toBe(15);
  });
});

describe('new items between polls (R19, R2)', () => {
  it('stores exactly the item the publisher added', async () => {
    env.server.serveStatic('/pub', rssFeed([1, 2]));
    const h = await harness([{ id: 'pub', path: '/pub' }]);
    await h.poller.pollOnce();
    env.server.serveStatic('/pub', rssFeed([3, 1, 2]));
    const report = await h.poller.pollOnce();
    expect(report).toEqual({ feeds: [{ id: 'pub', url: env.server.url('/pub'), status: 'ok', error: null, items: 3, newItems: 1 }], newItems: 1 });
    expect(await h.posted()).toEqual(['urn:item:3']);
  });

  it('an item that drops out of the feed and comes back is not stored or routed again', async () => {
    env.server.serveStatic('/flap', rssFeed([1, 2]));
    const h = await harness([{ id: 'flap', path: '/flap' }]);
    await h.poller.pollOnce();
    env.server.serveStatic('/flap', rssFeed([2]));
    await h.poller.pollOnce();
    env.server.serveStatic('/flap', rssFeed([1, 2]));
    expect((await h.poller.pollOnce()).newItems).toBe(0);
    expect(await h.posted()).toEqual([]);
  });

  it('dedup does not depend on dates: an old-dated new item is still new', async () => {
    env.server.serveStatic('/dates', rssFeed([5]));
    const h = await harness([{ id: 'dates', path: '/dates' }]);
    await h.poller.pollOnce();
    env.server.serveStatic('/dates', rssFeed([5]).replace('</channel>', '<item><title>Old</title><guid>urn:old</guid><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></item></channel>'));
    expect((await h.poller.pollOnce()).newItems).toBe(1);
  });

  it('a server that ignores validators but sends the same body is not re-parsed (R2)', async () => {
    env.server.route('/same', (_req, res) => res.writeHead(200).end(rssFeed([1, 2])));
    const h = await harness([{ id: 'same', path: '/same' }]);
    await h.poller.pollOnce();
    const processed = h.processed;
    const report = await h.poller.pollOnce();
    expect(report.feeds[0]!.status).toBe('not_modified');
    expect(h.processed).toBe(processed);
  });
});

describe('errors stay with their feed (R9, R8)', () => {
  it('hostile and broken feeds each get their kind; the good feed in the same cycle is unaffected', async () => {
    env.server.serveStatic('/good', rssFeed([1]));
    const h = await harness([
      { id: 'good', path: '/good' },
      { id: 'drip', path: '/drip' },
      { id: 'bomb', path: '/gzip-bomb' },
      { id: 'huge', path: '/huge' },
      { id: 'loop', path: '/loop-a' },
      { id: 'meta', path: '/to-metadata' },
      { id: 'html', path: '/html' },
      { id: 'empty', path: '/empty' },
      { id: 's500', path: '/status-500' },
      { id: 's429', path: '/status-429' },
      { id: 'cf', path: '/challenge' },
    ]);
    const started = performance.now();
    const report = await h.poller.pollOnce();
    expect(performance.now() - started).toBeLessThan(8000); // the drip feed is cut at the 3 s total timeout, not 20 s
    const kinds = Object.fromEntries(report.feeds.map((f) => [f.id, f.error?.kind ?? f.status]));
    expect(kinds).toEqual({
      good: 'ok', drip: 'timeout', bomb: 'too_large', huge: 'too_large', loop: 'redirect_loop', meta: 'blocked_address',
      html: 'not_a_feed', empty: 'empty', s500: 'http_5xx', s429: 'http_4xx', cf: 'challenge',
    });
    expect(report.feeds.find((f) => f.id === 'html')!.error!.message).toContain(env.server.url('/blog/feed.xml'));
    const stored = await h.feed('drip');
    expect(stored.state).toMatchObject({ consecutiveFailures: 1, lastError: { kind: 'timeout' } });
  });

  it('Retry-After defers the next fetch accordingly', async () => {
    env.server.route('/busy', (_req, res) => res.writeHead(503, { 'retry-after': '7200' }).end());
    const h = await harness([{ id: 'busy', path: '/busy', interval: 15 }]);
    await h.poller.pollOnce();
    const next = (await h.feed('busy')).state.nextCheckAt!;
    expect(next.getTime() - h.clock.now().getTime()).toBe(7_200_000);
    expect((await h.poller.pollDue()).feeds).toHaveLength(0);
    h.clock.advance(7_200_000);
    expect((await h.poller.pollDue()).feeds).toHaveLength(1);
  });

  it('external entities pointing back at the server are never requested (R16)', async () => {
    const dtd = env.server.url('/evil.dtd');
    const secret = env.server.url('/secret');
    env.server.serveStatic('/xxe', `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${dtd}" [<!ENTITY x SYSTEM "${secret}"><!ENTITY % p SYSTEM "${dtd}"> %p;]><rss version="2.0"><channel><title>T</title><item><title>A &x;</title><guid>1</guid></item></channel></rss>`);
    const lol = ['<!ENTITY a "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`)].join('');
    env.server.serveStatic('/laughs', `<?xml version="1.0"?><!DOCTYPE rss [${lol}]><rss version="2.0"><channel><title>T</title><item><title>&bbbbbbbbb;</title><guid>1</guid></item></channel></rss>`);
    const h = await harness([{ id: 'xxe', path: '/xxe' }, { id: 'laughs', path: '/laughs' }]);
    const report = await h.poller.pollOnce();
    expect(report.feeds.map((f) => f.status)).toEqual(['ok', 'ok']);
    expect(requestsTo('/evil.dtd')).toHaveLength(0);
    expect(requestsTo('/secret')).toHaveLength(0);
  });
});

describe('no overlapping runs (R11)', () => {
  it('a feed still being polled is skipped by a second, concurrent cycle', async () => {
    env.server.serveStatic('/quick', rssFeed([1]));
    const h = await harness([{ id: 'slow', path: '/drip' }, { id: 'quick', path: '/quick' }]);
    const first = h.poller.pollOnce();
    await new Promise((r) => setTimeout(r, 200)); // the drip feed is now in flight
    const second = await h.poller.pollOnce({ feedIds: ['slow', 'quick'] });
    expect(second.feeds.map((f) => f.id)).toEqual(['quick']);
    expect((await first).feeds.find((f) => f.id === 'slow')!.error!.kind).toBe('timeout');
  });
});

describe('per-feed reports', () => {
  it("each feed's report arrives as its poll ends, before a slow feed of the same cycle finishes", async () => {
    env.server.serveStatic('/reported-quick', rssFeed([1, 2, 3]));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    env.server.route('/reported-held', (_req, res) => {
      void released.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed([4])));
    });
    const reports: Array<{ id: string; newItems: number }> = [];
    const h = await createHarness(
      [{ id: 'held', url: env.server.url('/reported-held') }, { id: 'quick', url: env.server.url('/reported-quick') }],
      { deps: { onFeedPolled: (report) => reports.push({ id: report.id, newItems: report.newItems }) } },
    );
    env.harnesses.push(h);
    const cycle = h.poller.pollOnce();
    for (let i = 0; i < 100 && reports.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(reports).toEqual([{ id: 'quick', newItems: 3 }]);
    release();
    await cycle;
    expect(reports).toEqual([{ id: 'quick', newItems: 3 }, { id: 'held', newItems: 1 }]);
  });
});

describe('faults in our own stages (R9)', () => {
  it('a crashing tagger is kind internal, backs off, and leaves other feeds alone', async () => {
    env.server.serveStatic('/boom', rssFeed([1]));
    env.server.serveStatic('/fine', rssFeed([2]));
    const h = await harness([{ id: 'boom', path: '/boom' }, { id: 'fine', path: '/fine' }]);
    const poller = createPoller({
      store: h.store,
      clock: h.clock,
      logger: createSilentLogger(),
      fetchOptions: TEST_FETCH,
      tagger: {
        topics: [],
        tag: (input) => {
          if (input.title === 'Item 1') throw new Error('tagger bug');
          return { topics: [], why: {}, jurisdictions: [], jurisdictionWhy: {} };
        },
      },
    });
    const report = await poller.pollOnce();
    await poller.close?.();
    expect(report.feeds.find((f) => f.id === 'boom')).toMatchObject({ status: 'error', error: { kind: 'internal', message: 'tagger bug' } });
    expect(report.feeds.find((f) => f.id === 'fine')).toMatchObject({ status: 'ok', newItems: 1 });
    const state = (await h.feed('boom')).state;
    expect(state.consecutiveFailures).toBe(1);
    expect(state.nextCheckAt!.getTime()).toBeGreaterThan(h.clock.now().getTime());
  });
});

describe('health and notices (R10)', () => {
  it('one admin notice per failing episode, backoff grows, recovery resets', async () => {
    let failing = true;
    env.server.route('/flaky', (_req, res) => (failing ? res.writeHead(500).end() : res.writeHead(200).end(rssFeed([1]))));
    const h = await harness([{ id: 'flaky', path: '/flaky', interval: 30 }]);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await h.poller.pollOnce();
      const state = (await h.feed('flaky')).state;
      delays.push(state.nextCheckAt!.getTime() - h.clock.now().getTime());
    }
    expect(h.notices).toEqual([{ feedId: 'flaky', error: { kind: 'http_5xx', message: 'HTTP 500' } }]);
    expect((await h.feed('flaky')).state).toMatchObject({ health: 'failing', consecutiveFailures: 5 });
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    failing = false;
    await h.poller.pollOnce();
    expect((await h.feed('flaky')).state).toMatchObject({ health: 'ok', consecutiveFailures: 0, failingNoticeAt: null });
    failing = true;
    for (let i = 0; i < 3; i++) await h.poller.pollOnce();
    expect(h.notices).toHaveLength(2); // a new episode gets its own notice
  });
});

describe('permanent redirects (R6)', () => {
  it('update the stored URL after repeated sightings, with a log line', async () => {
    env.server.serveStatic('/moved-new', rssFeed([1]));
    env.server.route('/moved-old', (_req, res) => res.writeHead(301, { location: '/moved-new' }).end());
    const h = await harness([{ id: 'moved', path: '/moved-old' }]);
    for (let i = 0; i < 3; i++) await h.poller.pollOnce();
    expect((await h.feed('moved')).state.fetchUrl).toBe(env.server.url('/moved-new'));
    expect(h.logs.some((l) => l.includes('feed moved permanently'))).toBe(true);
    const before = requestsTo('/moved-old').length;
    await h.poller.pollOnce();
    expect(requestsTo('/moved-old')).toHaveLength(before);
  });
});

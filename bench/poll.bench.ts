/**
 * Poll transaction benchmark (`npm run bench:poll`): how long one poll holds SQLite's write lock.
 * A real poller (real tagger, stories, routing to 10 channels of one topic each) polls a 500-item feed served on
 * loopback into an SQLite file (WAL) that already holds 5,000 recent items of other feeds. The
 * transaction (insert, story assignment, outbox rows, feed state) is timed from BEGIN IMMEDIATE
 * to COMMIT; the same-run baseline is the bare insert of the same 500 items, the least any
 * transaction storing them must do. Then the cost of channels' region filters in routing: one
 * 500-item batch routed to 1,000 channels without filters and with a filter naming every region
 * (every item still passes, so the outbox rows are the same and only the check differs).
 * Run: npx tsx bench/poll.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock } from '../src/core/clock.js';
import { createSilentLogger } from '../src/core/logger.js';
import type { TaggedItem } from '../src/core/types.js';
import { regionAllows } from '../src/core/regions.js';
import { routeNewItems } from '../src/delivery/route-items.js';
import { createPoller } from '../src/ingest/poller.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';
import { createTagger, defaultTopics } from '../src/tagging/index.js';

const ITEMS = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET_MS = 250;
const CHANNELS = 10;
const WORDS = `privacy regulator data protection fine breach biometric consent tracking cookie lawsuit court ruling agency
  transfer adequacy children surveillance facial recognition model training dataset encryption hospital patient records
  school student employer monitoring broker location advertising ransomware leak passwords senate bill amendment council`
  .split(/\s+/).filter(Boolean);
const TOPICS = ['ai', 'gdpr', 'breach', 'biometrics', 'children', 'health', 'adtech', 'surveillance', 'lawsuit', 'enforcement'];
const T0 = Date.UTC(2026, 0, 5, 9);

// News text: a few common privacy words among many rarer ones (names, places, products), so
// story matching sees a realistic number of candidates per item.
const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'zo', 'fa', 'ni', 'po', 'se', 'vu', 'da', 'gi', 'ho', 'ju', 'be', 'ar', 'on'];
const rare = (n: number) => Array.from({ length: 3 }, (_, i) => SYLLABLES[Math.floor(n / SYLLABLES.length ** i) % SYLLABLES.length]).join('');
const words = (seed: number, count: number) =>
  Array.from({ length: count }, (_, i) => (i % 6 === 0 ? WORDS[(seed * 7919 + i * 104729) % WORDS.length] : rare((seed * 31 + i * 977) % 5832))).join(' ');
const title = (round: number, n: number) => `${words(round * 1000 + n, 7)} ${round}-${n}`;

function feedXml(round: number): string {
  const items = Array.from({ length: ITEMS }, (_, n) =>
    `<item><title>${title(round, n)}</title><link>https://news.example/${round}/${n}</link><guid>urn:${round}:${n}</guid>` +
    `<pubDate>${new Date(T0 - n * 60_000).toUTCString()}</pubDate><description>${words(n + 7, 30)}. ${words(n + 11, 20)}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${round}</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-bench-poll-'));
  const clock = createManualClock(new Date(T0));
  const store = createStore(join(dir, 'radar.db'));
  await store.migrate();
  const rounds = Array.from({ length: ROUNDS }, (_, r) => ({ id: `bench-${r}`, url: '' }));
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', connection: 'close' }).end(feedXml(Number(req.url?.slice(1)))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await store.feeds.syncConfig([...rounds.map((f, r) => ({ ...f, url: `http://127.0.0.1:${port}/${r}` })), { id: 'base', url: 'https://base.example/' }]);
  for (const { id } of rounds) await store.feeds.updateState(id, { initialized: true }); // established feeds: everything is routed
  for (let c = 0; c < CHANNELS; c++) {
    await store.subscriptions.subscribe({ platform: 'slack', workspaceId: 'T1', channelId: `C${c}` }, [TOPICS[c % TOPICS.length]!], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, new Date(T0));
  }
  for (let f = 0; f < 10; f++) {
    const recent: TaggedItem[] = Array.from({ length: 500 }, (_, n) => ({
      key: `old-${f}-${n}`, url: null, title: title(100 + f, n), description: '', content: '', publishedAt: new Date(T0 - n * 120_000),
      summary: words(n, 25), topics: [TOPICS[n % TOPICS.length]!], why: {},
    }));
    await store.items.insertNew(`other-${f}`, recent, new Date(T0 - 3600_000));
  }

  const lockMs: number[] = [];
  const timed: Store = {
    ...store,
    transaction: async (fn) => {
      const started = performance.now();
      try {
        return await store.transaction(fn);
      } finally {
        lockMs.push(performance.now() - started);
      }
    },
  };
  const poller = createPoller({
    store: timed, clock, logger: createSilentLogger(), tagger: createTagger(defaultTopics()),
    fetchOptions: { allowedAddressRanges: ['127.0.0.1/32'] },
  });
  const pollMs: number[] = [];
  let stored = 0;
  for (const { id } of rounds) {
    const started = performance.now();
    const report = await poller.pollOnce({ feedIds: [id] });
    if (report.feeds[0]?.error) console.log(`${id}: ${report.feeds[0].error.kind}: ${report.feeds[0].error.message}`);
    stored += report.newItems;
    pollMs.push(performance.now() - started);
    clock.advance(60_000);
  }
  await poller.close?.();
  const enqueued = (await store.outbox.list()).length;

  // Baseline: the bare insert of 500 tagged items (fresh keys), timed the same way.
  const insertMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const items: TaggedItem[] = Array.from({ length: ITEMS }, (_, n) => ({
      key: `base-${r}-${n}`, url: null, title: title(200 + r, n), description: '', content: '', publishedAt: new Date(T0 - n * 60_000),
      summary: words(n + 7, 30), topics: [TOPICS[n % TOPICS.length]!], why: {},
    }));
    const started = performance.now();
    await store.transaction((tx) => tx.items.insertNew('base', items, clock.now()));
    insertMs.push(performance.now() - started);
  }
  const routing = await measureRegionRouting(store, clock.now());
  await store.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });

  const lock = stats(lockMs);
  const base = stats(insertMs);
  const poll = stats(pollMs);
  const rows = [
    ['figure', 'p50', 'max', 'target', 'ratio to baseline (p50)'],
    ['baseline: bare insert of 500 items', `${base.p50.toFixed(1)} ms`, `${base.max.toFixed(1)} ms`, '-', '1.0x'],
    ['write lock held by a 500-item poll', `${lock.p50.toFixed(1)} ms`, `${lock.max.toFixed(1)} ms`, `max <= ${TARGET_MS} ms`, `${(lock.p50 / base.p50).toFixed(1)}x`],
    ['whole poll (fetch to commit)', `${poll.p50.toFixed(1)} ms`, `${poll.max.toFixed(1)} ms`, '-', `${(poll.p50 / base.p50).toFixed(1)}x`],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
  console.log(`${ROUNDS} polls, ${stored} items stored, ${enqueued} outbox rows (${Math.round(enqueued / ROUNDS)} per poll), load average ${loadavg()[0]!.toFixed(1)}`);
  const off = stats(routing.off);
  const on = stats(routing.on);
  console.log(`routing one ${ITEMS}-item batch to ${ROUTING_CHANNELS} channels: p50 ${off.p50.toFixed(1)} ms without region filters, `
    + `${on.p50.toFixed(1)} ms with a filter on every channel (${(on.p50 / off.p50).toFixed(2)}x; ${routing.rows} outbox rows each); `
    + `the check alone: ${routing.checkNs.toFixed(1)} ns per (item, channel) pair`);
  if (stored !== ROUNDS * ITEMS) throw new Error(`expected ${ROUNDS * ITEMS} items stored, got ${stored}`);
}

const ROUTING_CHANNELS = 1000;
const ROUTING_ROUNDS = 7;
const EVERY_REGION = { regions: ['us', 'eu', 'uk', 'apac', 'intl'], strict: true };

/**
 * Routes one batch (each item tagged with one region, one topic; 100 channels per topic) inside
 * a transaction that is rolled back, so every round starts from the same outbox. Alternates
 * rounds without and with a filter on every channel.
 */
async function measureRegionRouting(store: Store, now: Date): Promise<{ off: number[]; on: number[]; rows: number; checkNs: number }> {
  const regions = EVERY_REGION.regions;
  const batch: TaggedItem[] = Array.from({ length: ITEMS }, (_, n) => ({
    key: `route-${n}`, url: null, title: title(300, n), description: '', content: '', publishedAt: new Date(T0 - n * 60_000),
    summary: words(n, 20), topics: [TOPICS[n % TOPICS.length]!], why: {}, jurisdictions: [regions[n % regions.length]!], jurisdictionWhy: {},
  }));
  const items = await store.items.insertNew('route', batch, now);
  const channels = Array.from({ length: ROUTING_CHANNELS }, (_, c) => ({ platform: 'slack' as const, workspaceId: 'T2', channelId: `R${c}` }));
  for (const [c, channel] of channels.entries()) {
    await store.subscriptions.subscribe(channel, [TOPICS[c % TOPICS.length]!], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, now);
  }
  const rollback = new Error('rollback');
  const route = async (): Promise<{ ms: number; rows: number }> => {
    let result = { ms: 0, rows: 0 };
    await store.transaction(async (tx) => {
      const started = performance.now();
      const rows = await routeNewItems(tx, items, now);
      result = { ms: performance.now() - started, rows };
      throw rollback;
    }).catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
    return result;
  };
  const off: number[] = [];
  const on: number[] = [];
  let rows = 0;
  for (let r = 0; r < ROUTING_ROUNDS; r++) {
    for (const channel of channels) await store.subscriptions.setRegionFilter(channel, { regions: [], strict: false });
    off.push((await route()).ms);
    for (const channel of channels) await store.subscriptions.setRegionFilter(channel, EVERY_REGION);
    const filtered = await route();
    on.push(filtered.ms);
    rows = filtered.rows;
  }
  // The check by itself, over every (item, channel) pair of the batch, the way routing calls it.
  const pairs = items.length * ROUTING_CHANNELS;
  const started = performance.now();
  let passed = 0;
  for (const item of items) for (let c = 0; c < ROUTING_CHANNELS; c++) if (regionAllows(EVERY_REGION, item.jurisdictions)) passed += 1;
  const checkNs = ((performance.now() - started) * 1e6) / pairs;
  if (passed !== pairs) throw new Error('every item should pass a filter naming every region');
  return { off, on, rows, checkNs };
}

void main();

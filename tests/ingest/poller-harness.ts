/** Builds a real poller over a real store and the local feed server, with one subscribed channel. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import type { FeedConfig, FeedError, FeedRecord } from '../../src/core/types.js';
import { createPoller, type Poller, type PollerDeps } from '../../src/ingest/poller.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { createTagger, defaultTopics, type Tagger } from '../../src/tagging/index.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

export interface Harness {
  store: Store;
  poller: Poller;
  clock: ReturnType<typeof createManualClock>;
  notices: Array<{ feedId: string; error: FeedError }>;
  /** Items tagged so far (only new items are tagged). */
  processed: number;
  logs: string[];
  feed(id: string): Promise<FeedRecord>;
  /** Keys of the items routed to the subscribed channel, in outbox order. */
  posted(): Promise<string[]>;
}

/** Fetch options that reach the loopback test server with the SSRF guard still on. */
// 3 s: polls of other feeds tag and summarise on the same event loop while a fetch runs (busy CI machines).
export const TEST_FETCH = { allowedAddressRanges: ['127.0.0.1/32'], totalTimeoutMs: 3000, connectTimeoutMs: 1000 };

/** Every harness feed carries this topic and the harness channel subscribes to it: each new item is routed. */
export const HARNESS_TOPIC = 'breach';
export const HARNESS_CHANNEL = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };

let sharedTagger: Tagger | undefined;
/** The real tagger over the default taxonomy (compiled once per test file). */
export function realTagger(): Tagger {
  return (sharedTagger ??= createTagger(defaultTopics()));
}

export async function createHarness(
  feeds: FeedConfig[],
  options: { store?: Store; dbPath?: string; deps?: Partial<PollerDeps> } = {},
): Promise<Harness> {
  const store = options.store ?? createStore(options.dbPath ?? ':memory:');
  await store.migrate();
  await store.feeds.syncConfig(feeds.map((feed) => ({ topics: [HARNESS_TOPIC], ...feed })));
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write(chunk, _enc, cb) { logs.push(String(chunk)); cb(); } }));
  const clock = createManualClock('2026-01-05T09:00:00Z');
  await store.subscriptions.subscribe(HARNESS_CHANNEL, [HARNESS_TOPIC], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, clock.now());
  const tagger = realTagger();
  const harness: Harness = {
    store,
    clock,
    logs,
    notices: [],
    processed: 0,
    poller: undefined as unknown as Poller,
    feed: async (id) => (await store.feeds.get(id))!,
    posted: async () => {
      const rows = await store.outbox.list({ destination: HARNESS_CHANNEL });
      const items = await Promise.all(rows.map((row) => store.items.getById((row.payload as { itemId: number }).itemId)));
      return items.map((item) => item?.key ?? '(missing item)');
    },
  };
  harness.poller = createPoller({
    store,
    clock,
    logger,
    fetchOptions: TEST_FETCH,
    tagger: {
      topics: tagger.topics,
      tag: (input) => {
        harness.processed += 1;
        return tagger.tag(input);
      },
    },
    onFeedFailing: async (feed, error) => {
      harness.notices.push({ feedId: feed.id, error });
    },
    ...options.deps,
  });
  return harness;
}

// Made-up words, different for every item, so no two items ever form a story (each gets its own post).
const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'zo', 'fa', 'ni', 'po', 'se', 'vu', 'da', 'gi', 'ho', 'ju', 'be'];
const madeUpWord = (n: number, salt: number): string =>
  Array.from({ length: 4 }, (_, i) => SYLLABLES[((n * 7 + salt * 13) >> (i * 4)) & 15]).join('') + String(n);

/** An RSS item n with a distinct title, guid urn:poll:n, dated 2026-01-01 + n minutes (or undated). */
export function distinctItem(n: number, dated = true): string {
  const title = [0, 1, 2, 3, 4].map((salt) => madeUpWord(n, salt)).join(' ');
  const date = dated ? `<pubDate>${new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString()}</pubDate>` : '';
  return `<item><title>${title}</title><link>https://news.example/${n}</link><guid>urn:poll:${n}</guid>${date}<description>${title}. ${madeUpWord(n, 9)} ${madeUpWord(n, 10)}.</description></item>`;
}

/** An RSS document of distinct items in the given (document) order; `undated` items have no date. */
export function distinctFeed(numbers: number[], undated: number[] = []): string {
  const items = numbers.map((n) => distinctItem(n, !undated.includes(n))).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Distinct</title><link>https://news.example/</link>${items}</channel></rss>`;
}

/** For a test file: the local feed server (set before the tests run), and harnesses closed after each test. */
export function usePollerFixtures(): { server: FeedServer; harnesses: Harness[] } {
  const env = { server: undefined as unknown as FeedServer, harnesses: [] as Harness[] };
  beforeAll(async () => {
    env.server = await startFeedServer();
  });
  afterAll(async () => {
    await env.server.close();
  });
  afterEach(async () => {
    for (const h of env.harnesses.splice(0)) {
      await h.poller.close?.();
      await h.store.close();
    }
  });
  return env;
}

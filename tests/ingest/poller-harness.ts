/** Builds a real poller over a real SQLite store and the local feed server, recording callbacks. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createManualClock } from '../../src/core/clock.js';
import type { FeedConfig, FeedError, FeedRecord, StoredItem } from '../../src/core/types.js';
import { createPoller, type Poller } from '../../src/ingest/poller.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

export interface Harness {
  store: Store;
  poller: Poller;
  clock: ReturnType<typeof createManualClock>;
  routed: Array<{ feedId: string; keys: string[]; firstPoll: boolean }>;
  notices: Array<{ feedId: string; error: FeedError }>;
  processed: number;
  logs: string[];
  feed(id: string): Promise<FeedRecord>;
}

/** Fetch options that reach the loopback test server with the SSRF guard still on. */
export const TEST_FETCH = { allowedAddressRanges: ['127.0.0.1/32'], totalTimeoutMs: 1500, connectTimeoutMs: 1000 };

export async function createHarness(feeds: FeedConfig[], options: { store?: Store; dbPath?: string } = {}): Promise<Harness> {
  const store = options.store ?? createStore(options.dbPath ?? ':memory:');
  await store.migrate();
  await store.feeds.syncConfig(feeds);
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write(chunk, _enc, cb) { logs.push(String(chunk)); cb(); } }));
  const clock = createManualClock('2026-01-05T09:00:00Z');
  const harness: Harness = {
    store,
    clock,
    logs,
    routed: [],
    notices: [],
    processed: 0,
    poller: undefined as unknown as Poller,
    feed: async (id) => (await store.feeds.get(id))!,
  };
  harness.poller = createPoller({
    store,
    clock,
    logger,
    fetchOptions: TEST_FETCH,
    processItems: (_feed, items) => {
      harness.processed += items.length;
      return items.map((item) => ({ ...item, summary: item.description, topics: [], why: {} }));
    },
    onNewItems: async (feed: FeedRecord, items: StoredItem[], info) => {
      harness.routed.push({ feedId: feed.id, keys: items.map((i) => i.key), firstPoll: info.firstPoll });
    },
    onFeedFailing: async (feed, error) => {
      harness.notices.push({ feedId: feed.id, error });
    },
  });
  return harness;
}

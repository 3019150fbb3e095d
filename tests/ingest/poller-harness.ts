/** Builds a real poller over a real store and the local feed server, with one subscribed channel. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createManualClock } from '../../src/core/clock.js';
import type { FeedConfig, FeedError, FeedRecord } from '../../src/core/types.js';
import { createPoller, type Poller, type PollerDeps } from '../../src/ingest/poller.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { createTagger, defaultTopics, type Tagger } from '../../src/tagging/index.js';

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

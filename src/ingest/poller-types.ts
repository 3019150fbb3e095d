/** The poller's dependencies and reports (the contract others code against). */
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { FeedError, FeedRecord, NormalizedItem, StoredItem, TaggedItem } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { FetchOptions } from './http/fetch-options.js';

/** What the poller needs; the app wires tagging, routing and admin notices in. */
export interface PollerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  fetchOptions?: Partial<FetchOptions>;
  processItems: (feed: FeedRecord, items: NormalizedItem[]) => TaggedItem[];
  /** Routes new items; firstPoll is true on a feed's first successful poll (docs/ingestion.md R20: backfill policy). */
  onNewItems: (feed: FeedRecord, items: StoredItem[], info: { firstPoll: boolean }) => Promise<void>;
  /** Called once per failing episode (R10). */
  onFeedFailing?: (feed: FeedRecord, error: FeedError) => Promise<void>;
  /** Global fetch concurrency (R11); at most 2 per host regardless. */
  concurrency?: number;
  /** Minutes between checks for feeds without their own interval. */
  defaultIntervalMinutes?: number;
}

/** One line of `poll --once --json`. */
export interface FeedPollReport {
  id: string;
  url: string;
  status: 'ok' | 'not_modified' | 'error';
  error: FeedError | null;
  items: number;
  newItems: number;
}

/** Exactly the JSON printed by `poll --once --json`. */
export interface PollReport {
  feeds: FeedPollReport[];
  newItems: number;
}

/** The poller: one cycle over all feeds, or over the due ones. */
export interface Poller {
  pollOnce(options?: { feedIds?: string[] }): Promise<PollReport>;
  pollDue(): Promise<PollReport>;
  /** Closes pooled keep-alive connections (shutdown, tests). Optional so wrappers may omit it. */
  close?(): Promise<void>;
}

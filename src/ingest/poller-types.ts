/** The poller's dependencies and reports (the contract others code against). */
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { FeedError, FeedRecord } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { Tagger } from '../tagging/index.js';
import type { FetchOptions } from './http/fetch-options.js';

/** What the poller needs; the app passes the tagger, backfill policy and admin notices in. */
export interface PollerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  fetchOptions?: Partial<FetchOptions>;
  /** Tags new items (compiled from the configured topics); summaries are computed locally. */
  tagger: Tagger;
  /** How many of a new feed's newest items its first poll posts (BACKFILL_ITEMS); default 0. */
  backfill?: number;
  /** Most new items taken from one feed per poll, newest first (default 500); the rest next poll. */
  maxItemsPerPoll?: number;
  /** Called once per failing episode (R10). */
  onFeedFailing?: (feed: FeedRecord, error: FeedError) => Promise<void>;
  /** Called as each feed's poll ends, so metrics move while a long cycle is still running. */
  onFeedPolled?: (report: FeedPollReport) => void;
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

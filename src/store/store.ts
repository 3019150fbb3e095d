import type {
  Destination,
  DigestSchedule,
  FeedConfig,
  FeedRecord,
  FeedState,
  Mute,
  QuietHours,
  StoredItem,
  Subscription,
  TaggedItem,
  WorkspaceRef,
} from '../core/types.js';
import type { RegionFilter } from '../core/regions.js';
import type { WebReadRepository } from './repos/web-reads.js';

/**
 * The one storage interface. SQLite (default) and PostgreSQL implement it with identical
 * behaviour, proven by the shared behaviour suite in tests/store/.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  /** Applies pending migrations; refuses a database newer than the code. */
  migrate(): Promise<void>;
  /** Cheap reachability check for /readyz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  feeds: FeedRepository;
  items: ItemRepository;
  subscriptions: SubscriptionRepository;
  watches: WatchRepository;
  mutes: MuteRepository;
  installations: InstallationRepository;
  outbox: OutboxRepository;
  leases: LeaseRepository;
  /** "Not relevant" feedback on delivered items. */
  feedback: FeedbackRepository;
  /** Read-only queries behind the web pages. */
  web: WebReadRepository;

  /** Deletes items older than retentionDays and finished outbox rows older than 30 days. */
  prune(now: Date, retentionDays: number): Promise<{ items: number; outbox: number }>;

  /**
   * Runs `fn` in one database transaction with a Store bound to it: everything `fn` writes
   * through `tx` commits together, or nothing does when it throws (or the process dies). On
   * SQLite the write lock is held until `fn` returns, so do no network I/O inside. Inside `fn`
   * use only `tx` (on SQLite the outer store waits for the transaction to end); nested calls
   * join the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}

export interface FeedRepository {
  /** Inserts new feeds and updates config fields of existing ones; keeps their state. */
  syncConfig(feeds: FeedConfig[]): Promise<void>;
  list(): Promise<FeedRecord[]>;
  get(id: string): Promise<FeedRecord | null>;
  updateState(id: string, patch: Partial<FeedState>): Promise<void>;
  /** Enabled feeds whose nextCheckAt is null or <= now. */
  due(now: Date): Promise<FeedRecord[]>;
  /** Adds a source owned by a workspace (from chat); false when the id is taken. */
  addOwned(feed: FeedConfig, owner: WorkspaceRef, now: Date): Promise<boolean>;
  /** Removes a workspace's own source with its items; false when it has no such source. */
  removeOwned(id: string, owner: WorkspaceRef): Promise<boolean>;
}

/** Whose view of the items: a workspace sees feeds.json sources and its own chat-added ones. */
export interface ItemViewer {
  /** Absent: operator views, which see feeds.json sources only. */
  workspace?: WorkspaceRef;
}

export interface LatestQuery extends ItemViewer {
  topic?: string;
  /** Only items tagged with at least one of these jurisdictions (untagged items never match). */
  regions?: string[];
  limit: number;
  /** Only items first seen at or after this time. */
  since?: Date;
}

export interface SearchQuery extends ItemViewer {
  /** In the query language of src/search/parse-query.ts. */
  words: string;
  topic?: string;
  /** Only items tagged with at least one of these jurisdictions. */
  regions?: string[];
  limit: number;
}

export interface ItemRepository {
  /**
   * Stores the items whose (feedId, key) is new and returns only those, with ids. Never relies
   * on dates for dedup. Every key in `listedKeys` (default: the items' keys) gets
   * last_seen_at = firstSeenAt: the feed still lists it, so retention must not prune it.
   */
  insertNew(feedId: string, items: TaggedItem[], firstSeenAt: Date, listedKeys?: string[]): Promise<StoredItem[]>;
  latest(query: LatestQuery): Promise<StoredItem[]>;
  /** Ranked full-text search (FTS5 on SQLite, tsvector on PostgreSQL). */
  search(query: SearchQuery): Promise<StoredItem[]>;
  getById(id: number): Promise<StoredItem | null>;
  getByUrl(url: string): Promise<StoredItem | null>;
  /** Items first seen in [from, to), newest first, optionally limited to topics. */
  between(from: Date, to: Date, topics?: string[], viewer?: ItemViewer): Promise<StoredItem[]>;
  /**
   * Items with an id above `afterId`, and those of `recheck` that exist now, in id order: for a
   * reader that follows new rows by id and re-checks ids it found missing (a transaction that
   * took them may commit after the read). At most 500 `recheck` ids are used.
   */
  storedAfter(afterId: number, recheck?: number[]): Promise<StoredItem[]>;
  setStory(itemIds: number[], storyId: number): Promise<void>;
  byStory(storyId: number): Promise<StoredItem[]>;
  /**
   * After a 304 (or an unchanged body) the feed still lists what its last full fetch listed:
   * moves those items' last_seen_at to `now` when it is older than `staleMs`, so retention never
   * prunes, and a later change never re-posts, items of a feed that rarely changes.
   */
  touchListed(feedId: string, now: Date, staleMs: number): Promise<number>;
  /** The keys among `keys` already stored for the feed (one indexed lookup per 500 keys). */
  knownKeys(feedId: string, keys: string[]): Promise<Set<string>>;
  /** Every item of the given stories (one indexed query per 500 story ids). */
  byStories(storyIds: number[]): Promise<StoredItem[]>;
  count(): Promise<number>;
}

/** Not-relevant feedback for one item and topic: in how many channels, and when last. */
export interface ItemFeedback {
  itemId: number;
  topic: string;
  channels: number;
  lastAt: Date;
}

/** "Not relevant" feedback: (item, topic, channel), never who. */
export interface FeedbackRepository {
  /** Records the item as not relevant for these topics in this channel; returns how many were new. */
  recordNotRelevant(destination: Destination, itemId: number, topics: string[], now: Date): Promise<number>;
  /** Channels x items marked per topic, most first. */
  countsByTopic(): Promise<Array<{ topic: string; count: number }>>;
  /** Feedback per (item, topic), most recent first, at most `limit` rows. */
  byItem(limit: number): Promise<ItemFeedback[]>;
}

export interface SubscriptionRepository {
  /** Adds topics to the destination's subscription, creating it with defaults if needed. */
  subscribe(destination: Destination, topics: string[], defaults: DigestSchedule, now: Date): Promise<Subscription>;
  /**
   * Removes topics. 'all' removes the subscription with its watches and mutes; removing the last
   * topic removes it too unless the channel still has watches (they post on their own). Returns
   * the remaining one or null.
   */
  unsubscribe(destination: Destination, topics: string[] | 'all'): Promise<Subscription | null>;
  get(destination: Destination): Promise<Subscription | null>;
  /** The subscriptions of several destinations at once, by destinationKey (absent: none). */
  getMany(destinations: Destination[]): Promise<Map<string, Subscription>>;
  list(filter?: { platform?: Destination['platform']; workspaceId?: string }): Promise<Subscription[]>;
  /** Active subscriptions sharing at least one topic with the given ones. */
  matching(topics: string[]): Promise<Subscription[]>;
  pause(destination: Destination, reason: string): Promise<void>;
  resume(destination: Destination): Promise<void>;
  setDigest(destination: Destination, schedule: DigestSchedule): Promise<void>;
  markDigestSent(destination: Destination, at: Date): Promise<void>;
  setAdmin(destination: Destination, isAdmin: boolean): Promise<void>;
  /** Sets the channel's region filter (`regions` empty: every region). No-op without a subscription. */
  setRegionFilter(destination: Destination, filter: RegionFilter): Promise<void>;
  /** Sets or clears (null) the channel's quiet hours. */
  setQuiet(destination: Destination, quiet: QuietHours | null): Promise<void>;
}

/** Outcome of adding a watch or mute: stored, already there, or over the per-channel limit. */
export type RuleAdded = 'added' | 'exists' | 'limit';

/** Saved queries whose matching items a channel receives whatever their topics. */
export interface WatchRepository {
  /** Stores the canonical query unless present or the channel already has `limit` watches. */
  add(destination: Destination, query: string, now: Date, limit: number): Promise<RuleAdded>;
  /** Removes one watch (canonical text) or all; returns how many were removed. */
  remove(destination: Destination, query: string | 'all'): Promise<number>;
  list(destination: Destination): Promise<string[]>;
  /** Every watch of an active subscription (routing reads them once per batch). */
  active(): Promise<Array<{ destination: Destination; query: string }>>;
}

/** Sources and queries a channel never wants posted. */
export interface MuteRepository {
  add(destination: Destination, mute: Mute, now: Date, limit: number): Promise<RuleAdded>;
  remove(destination: Destination, mute: Mute | 'all'): Promise<number>;
  list(destination: Destination): Promise<Mute[]>;
  /** Every mute of an active subscription (routing reads them once per batch). */
  active(): Promise<Array<{ destination: Destination; mute: Mute }>>;
}

/**
 * Platform installations (Slack OAuth installs, Teams conversation references). The payload is
 * opaque JSON owned by the adapter; encrypted at rest with AES-GCM when ENCRYPTION_KEY is set.
 */
export interface InstallationRepository {
  save(platform: Destination['platform'], key: string, workspaceId: string, payload: unknown, now: Date): Promise<void>;
  get(platform: Destination['platform'], key: string): Promise<unknown | null>;
  delete(platform: Destination['platform'], key: string): Promise<void>;
  /**
   * Deletes everything held for a workspace: installations, subscriptions, watches, mutes,
   * outbox rows and delivery records, and the sources it added from chat with their items
   * (uninstall, tokens revoked).
   */
  purgeWorkspace(platform: Destination['platform'], workspaceId: string): Promise<void>;
  /** Deletes everything held for one conversation/channel, watches and mutes too (Teams bot removed from a chat). */
  purgeDestination(destination: Destination): Promise<void>;
}

export type OutboxKind = 'item' | 'story_update' | 'digest' | 'notice' | 'rollup';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

export interface OutboxEntry {
  /** Unique per (destination, item or digest period): enqueueing twice is a no-op. */
  dedupKey: string;
  destination: Destination;
  kind: OutboxKind;
  /** JSON payload the dispatcher turns into a ChatMessage (item id, digest period, ...). */
  payload: unknown;
  /** Story this row belongs to, for thread replies. */
  storyId?: number | null;
  notBefore?: Date;
}

export interface OutboxRow extends OutboxEntry {
  id: number;
  status: OutboxStatus;
  /** Claims of this row, including those that ended paced, parked or rate limited (diagnostic only). */
  attempts: number;
  /** Failed sends (transient errors, a throwing port); decides backoff and when the row is dead. */
  failures: number;
  nextAttemptAt: Date;
  lastError: string | null;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  messageRef: string | null;
}

export interface OutboxRepository {
  /** Inserts rows whose dedupKey is new; returns how many were inserted. */
  enqueue(entries: OutboxEntry[], now: Date): Promise<number>;
  /**
   * Atomically claims up to `limit` due rows (pending or failed with nextAttemptAt <= now, or
   * sending with an expired claim) for `worker` until now + claimMs. FOR UPDATE SKIP LOCKED on
   * PostgreSQL.
   */
  claim(worker: string, limit: number, now: Date, claimMs: number): Promise<OutboxRow[]>;
  markSent(id: number, now: Date, messageRef: string | null): Promise<void>;
  /** Releases the claim and schedules another attempt; not a failure (paced, parked, rate limited). */
  markRetry(id: number, nextAttemptAt: Date, note: string): Promise<void>;
  /** Records one failed send (failures + 1): retried at retryAt, or dead when retryAt is null. */
  markFailed(id: number, error: string, retryAt: Date | null): Promise<void>;
  markDead(id: number, error: string): Promise<void>;
  /** Moves a destination's pending rows to a later time (per-channel 429, pacing). */
  deferDestination(destination: Destination, until: Date): Promise<number>;
  /** Rows sent to a destination since a time (hourly cap). */
  countSentSince(destination: Destination, since: Date): Promise<number>;
  /** countSentSince of several destinations in one query, by destinationKey (absent: 0). */
  countSentSinceMany(destinations: Destination[], since: Date): Promise<Map<string, number>>;
  /** The messageRef of the first sent message of a story in a destination (thread replies). */
  storyMessageRef(destination: Destination, storyId: number): Promise<string | null>;
  /** True while an 'item' row of the story is still to be sent there (pending, failed, sending): a reply waits for it. */
  storyLeadQueued(destination: Destination, storyId: number): Promise<boolean>;
  get(id: number): Promise<OutboxRow | null>;
  /** Rows by status, destination and/or story (storyIds: one indexed query per 500 ids). */
  list(filter?: { status?: OutboxStatus; destination?: Destination; storyIds?: number[] }): Promise<OutboxRow[]>;
}

export interface LeaseRepository {
  /** Takes or renews a named lease; true when `holder` owns it until now + ttlMs. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

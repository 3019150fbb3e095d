import { yieldToEventLoop } from '../core/yield-to-event-loop.js';
import { DEFAULT_STORY_OPTIONS, type StoryMatchOptions } from './compare-profiles.js';
import { createStoryIndex, type IndexedItem, type StoryMatch } from './story-index.js';
import { carryProfile, profileStoredItem } from './story-profile.js';
import type { FeedConfig, StoredItem, TaggedItem } from '../core/types.js';
import type { Store } from '../store/store.js';

type StoryIndex = ReturnType<typeof createStoryIndex>;

/**
 * Ids missing below the newest one read (a transaction that took them may commit later, from
 * another process) are read again on later refreshes for this long, and at most this many.
 */
const LATE_COMMIT_MS = 5 * 60_000;
const MAX_RECHECKED_IDS = 500;
/** Old items only cost memory (compareProfiles rejects them by time): rebuild hourly to drop them. */
const REBUILD_EVERY_MS = 60 * 60_000;
/** Stand-in ids of items about to be stored: above any real id, in the order they will be inserted. */
const PLACEHOLDER_BASE = 2 ** 52;
/**
 * Items handled between two yields to the event loop. A first poll of a bulk feed assigns
 * thousands of items; without yielding, health checks and Slack's 3-second acks wait for all of
 * them. Reading and matching happen before the poll's transaction, so a yield holds no lock.
 */
const ITEMS_PER_SLICE = 200;

/** Adds items to the index, yielding every ITEMS_PER_SLICE (profiling is the costly part). */
async function addAll(index: StoryIndex, items: StoredItem[]): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % ITEMS_PER_SLICE === 0) await yieldToEventLoop();
    index.add(items[i]!);
  }
}

/** The stories decided for a batch of items, before anything is written. */
interface BatchStories {
  /** Story id per batch item (a stand-in id while the item is not stored yet). */
  storyOf: Map<number, number>;
  /** Stored items without a story that a batch item joined: they start it, with their own id. */
  starters: Set<number>;
}

/** Stories planned for a poll's new items before its transaction; applied inside it. */
export interface PlannedStories {
  /** Inside the transaction: writes the story ids of the stored items (and of joined earlier items). */
  apply(tx: Store, stored: StoredItem[]): Promise<StoredItem[]>;
}

/**
 * A long-lived story assigner for the running bot. It keeps the index of recent items between
 * polls and reads only what was stored since its last read, instead of re-indexing the whole
 * window (thousands of items) on every poll that finds something new. A poll plans its stories
 * first (`prepare`, `plan`: reads and CPU, outside any transaction) and only writes them in its
 * transaction (`apply`); the index never holds an uncommitted item, and the next `prepare` reads
 * what the poll committed, by id (see `track`).
 */
export function createStoryAssigner(store: Store, options: Partial<StoryMatchOptions> = {}) {
  const settings = { ...DEFAULT_STORY_OPTIONS, ...options };
  let index: StoryIndex | null = null;
  let builtAt = 0;
  let readUntil = 0;
  // Highest item id read so far, and missing ids below it (id -> when first found missing).
  let readUpToId = 0;
  const missing = new Map<number, number>();

  /**
   * Follows the store by id: each refresh reads only rows above the highest id read, plus the ids
   * still missing below it. Each stored item is read once (a re-read margin by time would read
   * every item of a busy first poll again on every feed's poll: quadratic).
   */
  function track(items: StoredItem[], now: Date): void {
    const seen = new Set<number>();
    let highest = readUpToId;
    for (const { id } of items) {
      seen.add(id);
      missing.delete(id);
      if (id > highest) highest = id;
    }
    for (let id = Math.max(readUpToId, highest - MAX_RECHECKED_IDS) + 1; id < highest; id++) {
      if (!seen.has(id)) missing.set(id, now.getTime());
    }
    for (const [id, since] of missing) if (now.getTime() - since > LATE_COMMIT_MS) missing.delete(id);
    // Oldest first in insertion order: drop those beyond the bound.
    for (const id of missing.keys()) {
      if (missing.size <= MAX_RECHECKED_IDS) break;
      missing.delete(id);
    }
    readUpToId = highest;
  }

  async function refresh(db: Store, now: Date): Promise<StoryIndex> {
    const to = new Date(now.getTime() + 1);
    if (!index || now.getTime() - builtAt > REBUILD_EVERY_MS || now.getTime() < readUntil - LATE_COMMIT_MS) {
      // Built aside and swapped in whole: a caller never sees a half-read index.
      const rebuilt = createStoryIndex(settings);
      const recent = await db.items.between(new Date(now.getTime() - settings.windowMs), to);
      await addAll(rebuilt, recent);
      index = rebuilt;
      builtAt = now.getTime();
      track(recent, now);
    } else {
      const fresh = await db.items.storedAfter(readUpToId, [...missing.keys()]);
      await addAll(index, fresh);
      track(fresh, now);
    }
    readUntil = to.getTime();
    return index;
  }

  /** Adds committed items (with their stories) to the index, and the story of each starter. */
  function remember(target: StoryIndex, items: StoredItem[], starters: ReadonlySet<number>): void {
    for (const id of starters) {
      const entry = target.get(id);
      if (entry) target.add({ ...entry.item, storyId: id });
    }
    for (const item of items) target.add(item);
  }

  return {
    /** Reads what was stored since the last call (the whole window on first use). */
    async prepare(now: Date): Promise<void> {
      await refresh(store, now);
    },

    /**
     * Decides the stories of a feed's items about to be stored, without writing: call after
     * prepare, before the transaction, so the transaction does no matching (CPU) at all.
     */
    async plan(feed: FeedConfig, items: TaggedItem[], now: Date): Promise<PlannedStories> {
      // Stand-ins in insertion order (oldest published first, as insertNew stores them).
      const ordered = [...items].sort((a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0));
      const standIns = ordered.map((item, n): StoredItem => ({
        ...item, id: PLACEHOLDER_BASE + n, feedId: feed.id, firstSeenAt: now, storyId: null, source: feed.name ?? feed.id,
        jurisdictions: item.jurisdictions ?? [], jurisdictionWhy: item.jurisdictionWhy ?? {},
      }));
      const stories = await matchBatch(index ?? createStoryIndex(settings), settings, standIns);
      const standInOf = new Map(standIns.map((item) => [item.key, item.id]));
      return {
        async apply(tx, stored) {
          const realOf = new Map(stored.map((item) => [standInOf.get(item.key)!, item.id]));
          for (const item of stored) carryProfile(standInOf.get(item.key)!, item);
          const withStories = stored.map((item) => {
            const story = stories.storyOf.get(standInOf.get(item.key)!)!;
            // A stand-in never stored (another process had its key) cannot lead: the item leads itself.
            return { ...item, storyId: story < PLACEHOLDER_BASE ? story : (realOf.get(story) ?? item.id) };
          });
          await writeStories(tx, withStories, stories.starters);
          return withStories;
        },
      };
    },

    /** Puts items already stored into stories through `db` (default: the store); see assignStories. */
    async assign(newItems: StoredItem[], now: Date, db: Store = store): Promise<StoredItem[]> {
      if (newItems.length === 0) return [];
      const current = await refresh(db, now);
      const stories = await matchBatch(current, settings, newItems);
      const assigned = newItems.map((item) => ({ ...item, storyId: stories.storyOf.get(item.id)! }));
      await writeStories(db, assigned, stories.starters);
      remember(current, assigned, stories.starters);
      return assigned;
    },
  };
}

/**
 * Puts newly stored items into stories: each joins the story of the recent item (any source,
 * within the window) it matches best, or starts its own story whose id is its own item id. Runs
 * between store.items.insertNew and routing, so the router can thread later coverage under the
 * first post. Items that already have a story keep it. Returns the new items with storyId set.
 */
export async function assignStories(
  store: Store,
  newItems: StoredItem[],
  now: Date,
  options: Partial<StoryMatchOptions> = {},
): Promise<StoredItem[]> {
  return createStoryAssigner(store, options).assign(newItems, now);
}

/**
 * Matches a batch, in id order, against the index (items stored before the batch) and against
 * the batch's earlier items, without changing the index. Ties go to the lowest id.
 */
async function matchBatch(index: StoryIndex, settings: StoryMatchOptions, items: StoredItem[]): Promise<BatchStories> {
  const batch = new Set(items.map((item) => item.id));
  const earlier = createStoryIndex(settings);
  const storyOf = new Map<number, number>();
  const starters = new Set<number>();
  const storyOfCandidate = (entry: IndexedItem): number =>
    storyOf.get(entry.item.id) ?? entry.item.storyId ?? (starters.add(entry.item.id), entry.item.id);
  for (const [position, item] of [...items].sort((x, y) => x.id - y.id).entries()) {
    if (position > 0 && position % ITEMS_PER_SLICE === 0) await yieldToEventLoop();
    let storyId = index.get(item.id)?.item.storyId ?? item.storyId;
    if (storyId === null) {
      const profile = profileStoredItem(item);
      const match = better(index.bestMatch(profile, (candidate) => !batch.has(candidate.item.id)), earlier.bestMatch(profile, () => true));
      storyId = match ? storyOfCandidate(match.candidate) : item.id;
    }
    storyOf.set(item.id, storyId);
    earlier.add({ ...item, storyId });
  }
  return { storyOf, starters };
}

function better(stored: StoryMatch | null, batch: StoryMatch | null): StoryMatch | null {
  if (!stored || !batch) return stored ?? batch;
  return batch.comparison.score > stored.comparison.score ? batch : stored;
}

/** One UPDATE per story: the batch's items and the earlier items that start a story now. */
async function writeStories(db: Store, items: StoredItem[], starters: ReadonlySet<number>): Promise<void> {
  const byStory = new Map<number, number[]>();
  // Appending in place: one story of thousands of items must not copy its id list per item.
  const add = (storyId: number, id: number): void => {
    const ids = byStory.get(storyId);
    if (ids) ids.push(id);
    else byStory.set(storyId, [id]);
  };
  for (const id of starters) add(id, id);
  for (const item of items) if (item.storyId !== null) add(item.storyId, item.id);
  for (const [storyId, ids] of byStory) await db.items.setStory(ids, storyId);
}

import { DEFAULT_STORY_OPTIONS, type StoryMatchOptions } from './compare-profiles.js';
import { createStoryIndex } from './story-index.js';
import type { StoredItem } from '../core/types.js';
import type { Store } from '../store/store.js';

type StoryIndex = ReturnType<typeof createStoryIndex>;

/** Items another process stored slightly before our last read may commit late: re-read a margin. */
const REFRESH_OVERLAP_MS = 5 * 60_000;
/** Old items only cost memory (compareProfiles rejects them by time): rebuild hourly to drop them. */
const REBUILD_EVERY_MS = 60 * 60_000;

/**
 * A long-lived story assigner for the running bot. It keeps the index of recent items between
 * polls and reads only what was stored since its last read, instead of re-indexing the whole
 * window (thousands of items) on every poll that finds something new. `assign` may run inside a
 * poll's transaction (pass its `tx`); when that transaction rolls back, call `reset()`: the index
 * then holds items and stories that were never committed, so it is rebuilt on the next use.
 */
export function createStoryAssigner(store: Store, options: Partial<StoryMatchOptions> = {}) {
  const settings = { ...DEFAULT_STORY_OPTIONS, ...options };
  let index: StoryIndex | null = null;
  let builtAt = 0;
  let readUntil = 0;

  async function refresh(db: Store, now: Date): Promise<StoryIndex> {
    const to = new Date(now.getTime() + 1);
    if (!index || now.getTime() - builtAt > REBUILD_EVERY_MS || now.getTime() < readUntil - REFRESH_OVERLAP_MS) {
      // Built aside and swapped in whole: a caller never sees a half-read index.
      const rebuilt = createStoryIndex(settings);
      for (const item of await db.items.between(new Date(now.getTime() - settings.windowMs), to)) rebuilt.add(item);
      index = rebuilt;
      builtAt = now.getTime();
    } else {
      for (const item of await db.items.between(new Date(readUntil - REFRESH_OVERLAP_MS), to)) index.add(item);
    }
    readUntil = to.getTime();
    return index;
  }

  return {
    /**
     * Reads what was stored since the last call (the whole window on first use) without assigning
     * anything: call it before a transaction, so the transaction itself only reads the last moments.
     */
    async prepare(now: Date): Promise<void> {
      await refresh(store, now);
    },
    /** Puts newly stored items into stories through `db` (default: the store); see assignStories. */
    async assign(newItems: StoredItem[], now: Date, db: Store = store): Promise<StoredItem[]> {
      if (newItems.length === 0) return [];
      return assignWithIndex(db, await refresh(db, now), newItems);
    },
    /** Drops the index (after a rolled-back transaction); the next call rebuilds it from the store. */
    reset(): void {
      index = null;
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

async function assignWithIndex(store: Store, index: StoryIndex, newItems: StoredItem[]): Promise<StoredItem[]> {
  const pending = new Set(newItems.map((item) => item.id));
  const updates = new Map<number, number[]>();
  const assigned = new Map<number, StoredItem>();

  for (const original of [...newItems].sort((x, y) => x.id - y.id)) {
    const entry = index.add(index.get(original.id)?.item ?? original);
    pending.delete(original.id);
    let storyId = entry.item.storyId;
    if (storyId === null) {
      // Only items already settled: a later new item must not pull an earlier one into its story.
      const match = index.bestMatch(entry.profile, (candidate) => !pending.has(candidate.item.id));
      storyId = match ? (match.candidate.item.storyId ?? match.candidate.item.id) : entry.item.id;
      if (match && match.candidate.item.storyId === null) {
        index.add({ ...match.candidate.item, storyId });
        updates.set(storyId, [...(updates.get(storyId) ?? []), match.candidate.item.id]);
      }
      updates.set(storyId, [...(updates.get(storyId) ?? []), entry.item.id]);
      index.add({ ...entry.item, storyId });
    }
    assigned.set(original.id, { ...original, storyId });
  }
  for (const [storyId, ids] of updates) await store.items.setStory(ids, storyId);
  return newItems.map((item) => assigned.get(item.id) ?? item);
}

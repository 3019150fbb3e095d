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
 * Items handled between two yields to the event loop. A first poll of a bulk feed assigns
 * thousands of items; without yielding, health checks and Slack's 3-second acks wait for all of
 * them. A yield keeps the caller's transaction open a little longer; nothing else changes.
 */
const ITEMS_PER_SLICE = 200;

/** Lets pending I/O (HTTP requests, timers) run before the next slice of work. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Adds items to the index, yielding every ITEMS_PER_SLICE (profiling is the costly part). */
async function addAll(index: StoryIndex, items: StoredItem[]): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % ITEMS_PER_SLICE === 0) await yieldToEventLoop();
    index.add(items[i]!);
  }
}

/**
 * A long-lived story assigner for the running bot. It keeps the index of recent items between
 * polls and reads only what was stored since its last read, instead of re-indexing the whole
 * window (thousands of items) on every poll that finds something new.
 */
export function createStoryAssigner(store: Store, options: Partial<StoryMatchOptions> = {}) {
  const settings = { ...DEFAULT_STORY_OPTIONS, ...options };
  let index: StoryIndex | null = null;
  let builtAt = 0;
  let readUntil = 0;

  async function refresh(now: Date): Promise<StoryIndex> {
    const to = new Date(now.getTime() + 1);
    if (!index || now.getTime() - builtAt > REBUILD_EVERY_MS || now.getTime() < readUntil - REFRESH_OVERLAP_MS) {
      index = createStoryIndex(settings);
      builtAt = now.getTime();
      await addAll(index, await store.items.between(new Date(now.getTime() - settings.windowMs), to));
    } else {
      await addAll(index, await store.items.between(new Date(readUntil - REFRESH_OVERLAP_MS), to));
    }
    readUntil = to.getTime();
    return index;
  }

  return {
    /** Puts newly stored items into stories; see assignStories. */
    async assign(newItems: StoredItem[], now: Date): Promise<StoredItem[]> {
      if (newItems.length === 0) return [];
      return assignWithIndex(store, await refresh(now), newItems);
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
  // Appending in place: one story of thousands of items must not copy its id list per item.
  const addUpdate = (storyId: number, id: number): void => {
    const ids = updates.get(storyId);
    if (ids) ids.push(id);
    else updates.set(storyId, [id]);
  };

  const ordered = [...newItems].sort((x, y) => x.id - y.id);
  for (const [position, original] of ordered.entries()) {
    if (position > 0 && position % ITEMS_PER_SLICE === 0) await yieldToEventLoop();
    const entry = index.add(index.get(original.id)?.item ?? original);
    pending.delete(original.id);
    let storyId = entry.item.storyId;
    if (storyId === null) {
      // Only items already settled: a later new item must not pull an earlier one into its story.
      const match = index.bestMatch(entry.profile, (candidate) => !pending.has(candidate.item.id));
      storyId = match ? (match.candidate.item.storyId ?? match.candidate.item.id) : entry.item.id;
      if (match && match.candidate.item.storyId === null) {
        index.add({ ...match.candidate.item, storyId });
        addUpdate(storyId, match.candidate.item.id);
      }
      addUpdate(storyId, entry.item.id);
      index.add({ ...entry.item, storyId });
    }
    assigned.set(original.id, { ...original, storyId });
  }
  for (const [storyId, ids] of updates) await store.items.setStory(ids, storyId);
  return newItems.map((item) => assigned.get(item.id) ?? item);
}

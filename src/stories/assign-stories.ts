import { DEFAULT_STORY_OPTIONS, type StoryMatchOptions } from './compare-profiles.js';
import { createStoryIndex } from './story-index.js';
import type { StoredItem } from '../core/types.js';
import type { Store } from '../store/store.js';

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
  if (newItems.length === 0) return [];
  const settings = { ...DEFAULT_STORY_OPTIONS, ...options };
  const recent = await store.items.between(new Date(now.getTime() - settings.windowMs), new Date(now.getTime() + 1));
  const index = createStoryIndex(settings);
  for (const item of recent) index.add(item);
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

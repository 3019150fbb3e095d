import type { StoredItem } from '../core/types.js';
import type { Store } from '../store/store.js';

/**
 * Search hits as stories: hits of one story collapse into the first (best-ranked) one, which is
 * shown with the story's lead first so a card reads the same as on the stories list.
 */
export async function groupSearchHits(store: Store, hits: readonly StoredItem[]): Promise<{ id: number; items: StoredItem[] }[]> {
  const groups: { id: number; items: StoredItem[] }[] = [];
  const seen = new Set<number>();
  for (const hit of hits) {
    const id = hit.storyId ?? hit.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const members = hit.storyId === null ? [hit] : await store.items.byStory(hit.storyId);
    groups.push({ id, items: members.length ? members : [hit] });
  }
  return groups;
}

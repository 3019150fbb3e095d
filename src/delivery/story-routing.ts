import type { Destination, StoredItem } from '../core/types.js';
import type { Store } from '../store/store.js';
import { destinationKey } from './destination-key.js';
import { payloadItemId } from './payloads.js';

/** What a destination should get for an item whose story it may have seen already. */
export type StoryDecision = 'item' | 'story_update' | 'skip';

/** Which sources of each story every destination already has (or will get from this batch). */
export interface StoryCoverage {
  /** Decides for one destination and records a non-skip decision, so the batch sees it. */
  decide(destination: Destination, item: StoredItem): StoryDecision;
}

/**
 * Loads, for a batch of items, what their stories' channels already got: two queries for the
 * whole batch (the stories' items, and their outbox rows by story id on an index), never a
 * channel's whole outbox history.
 */
export async function loadStoryCoverage(store: Store, items: readonly StoredItem[]): Promise<StoryCoverage> {
  const storyIds = [...new Set(items.flatMap((item) => (item.storyId === null ? [] : [item.storyId])))];
  // Per "destination|story": the items (and their sources) the channel already has rows for.
  const delivered = new Map<string, Map<number, string>>();
  const planned = new Map<string, Set<string>>();
  if (storyIds.length > 0) {
    const members = new Map((await store.items.byStories(storyIds)).map((item) => [item.id, item]));
    for (const row of await store.outbox.list({ storyIds })) {
      if (row.status === 'dead' || (row.kind !== 'item' && row.kind !== 'story_update') || row.storyId === null) continue;
      const itemId = payloadItemId(row.payload);
      const member = itemId === null ? undefined : members.get(itemId);
      if (!member || member.storyId !== row.storyId) continue;
      const key = coverageKey(row.destination, row.storyId);
      delivered.set(key, (delivered.get(key) ?? new Map<number, string>()).set(member.id, member.source));
    }
  }
  return {
    decide(destination, item) {
      if (item.storyId === null) return 'item';
      const key = coverageKey(destination, item.storyId);
      // What the channel got for the story, from earlier items (not this one: routing it again is a no-op).
      const sources = new Set(planned.get(key));
      for (const [itemId, source] of delivered.get(key) ?? []) if (itemId !== item.id) sources.add(source);
      if (sources.has(item.source)) return 'skip';
      planned.set(key, sources.add(item.source));
      // The story's first source in this channel opens it; a new source replies in its thread.
      return sources.size > 1 ? 'story_update' : 'item';
    },
  };
}

function coverageKey(destination: Destination, storyId: number): string {
  return `${destinationKey(destination)}|${storyId}`;
}

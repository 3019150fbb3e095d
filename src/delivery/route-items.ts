import type { StoredItem } from '../core/types.js';
import type { OutboxEntry, Store } from '../store/store.js';
import { itemDedupKey, storyDedupKey } from './dedup-keys.js';
import { destinationKey } from './destination-key.js';
import type { ItemPayload, StoryUpdatePayload } from './payloads.js';
import { decideStoryDelivery } from './story-routing.js';

/**
 * Enqueues new items for every active subscription sharing a topic: one 'item' row per
 * (destination, item), or a 'story_update' thread reply when the destination already has that
 * story (at most one per source). Returns how many rows were inserted (re-routing is a no-op).
 */
export async function routeNewItems(store: Store, items: StoredItem[], now: Date): Promise<number> {
  const entries: OutboxEntry[] = [];
  // Sources per "destination|story" planned in this batch: two new items of one story arrive together.
  const planned = new Map<string, Set<string>>();
  for (const item of items) {
    if (item.topics.length === 0) continue;
    const subscriptions = await store.subscriptions.matching(item.topics);
    if (subscriptions.length === 0) continue;
    const siblings = item.storyId === null ? [] : (await store.items.byStory(item.storyId)).filter((other) => other.id !== item.id);
    for (const { destination } of subscriptions) {
      const storyKey = `${destinationKey(destination)}|${item.storyId}`;
      const decision = await decideStoryDelivery(store, destination, item, siblings, planned.get(storyKey));
      if (decision === 'skip') continue;
      if (item.storyId !== null) planned.set(storyKey, new Set([...(planned.get(storyKey) ?? []), item.source]));
      if (decision === 'story_update' && item.storyId !== null) {
        const payload: StoryUpdatePayload = { itemId: item.id, storyId: item.storyId, source: item.source };
        entries.push({ dedupKey: storyDedupKey(destination, item.storyId, item.source), destination, kind: 'story_update', payload, storyId: item.storyId });
      } else {
        const payload: ItemPayload = { itemId: item.id };
        entries.push({ dedupKey: itemDedupKey(destination, item.id), destination, kind: 'item', payload, storyId: item.storyId });
      }
    }
  }
  return entries.length === 0 ? 0 : store.outbox.enqueue(entries, now);
}

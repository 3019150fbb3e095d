import type { StoredItem } from '../core/types.js';
import type { OutboxEntry, Store } from '../store/store.js';
import { itemDedupKey, storyDedupKey } from './dedup-keys.js';
import type { ItemPayload, StoryUpdatePayload } from './payloads.js';
import { createRoutePlan, loadRoutingRules } from './route-plan.js';
import { loadStoryCoverage } from './story-routing.js';

/**
 * Enqueues new items for every channel that should get them (src/delivery/route-plan.ts: topics,
 * watches, mutes, workspace-owned sources): one 'item' row per (destination, item), or a
 * 'story_update' thread reply when the destination already has that story (at most one per
 * source). The batch's rules and story coverage are loaded once, then matched in memory.
 * Returns how many rows were inserted (re-routing is a no-op).
 */
export async function routeNewItems(store: Store, items: StoredItem[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const rules = await loadRoutingRules(store, items);
  if (rules.subscriptions.length === 0 && rules.watches.length === 0) return 0;
  const plan = createRoutePlan(rules);
  const coverage = await loadStoryCoverage(store, items);
  const entries: OutboxEntry[] = [];
  for (const item of items) {
    for (const { destination, matchedTopics, matchedWatch } of plan.deliveries(item)) {
      const decision = coverage.decide(destination, item);
      if (decision === 'skip') continue;
      if (decision === 'story_update' && item.storyId !== null) {
        const payload: StoryUpdatePayload = { itemId: item.id, storyId: item.storyId, source: item.source };
        entries.push({ dedupKey: storyDedupKey(destination, item.storyId, item.source), destination, kind: 'story_update', payload, storyId: item.storyId });
      } else {
        const payload: ItemPayload = { itemId: item.id, matchedTopics, ...(matchedWatch !== undefined ? { matchedWatch } : {}) };
        entries.push({ dedupKey: itemDedupKey(destination, item.id), destination, kind: 'item', payload, storyId: item.storyId });
      }
    }
  }
  return entries.length === 0 ? 0 : store.outbox.enqueue(entries, now);
}

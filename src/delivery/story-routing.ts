import type { Destination, StoredItem } from '../core/types.js';
import type { Store } from '../store/store.js';
import { payloadItemId } from './payloads.js';

/** What a destination should get for an item whose story it may have seen already. */
export type StoryDecision = 'item' | 'story_update' | 'skip';

/**
 * Decides, for one destination, whether an item opens a story there (a top-level post), adds
 * coverage from a new source (a thread reply), or repeats a source the channel already got.
 * `planned` holds story sources enqueued earlier in the same routing batch.
 */
export async function decideStoryDelivery(
  store: Store,
  destination: Destination,
  item: StoredItem,
  siblings: readonly StoredItem[],
  planned: ReadonlySet<string> | undefined,
): Promise<StoryDecision> {
  if (item.storyId === null) return 'item';
  const storyId = item.storyId;
  const sources = new Set<string>(planned ?? []);
  // Fast path (one indexed lookup): the story was posted here and this source is new to it.
  if (siblings.length > 0 && !sources.has(item.source) && !siblings.some((sibling) => sibling.source === item.source)) {
    if ((await store.outbox.storyMessageRef(destination, storyId)) !== null) return 'story_update';
  }
  if (siblings.length > 0) {
    const rows = (await store.outbox.list({ destination })).filter(
      (row) => row.storyId === storyId && row.status !== 'dead' && (row.kind === 'item' || row.kind === 'story_update'),
    );
    const byId = new Map(siblings.map((sibling) => [sibling.id, sibling]));
    for (const row of rows) {
      const itemId = payloadItemId(row.payload);
      const sibling = itemId === null ? undefined : byId.get(itemId);
      if (sibling) sources.add(sibling.source);
    }
  }
  if (sources.size === 0) return 'item';
  return sources.has(item.source) ? 'skip' : 'story_update';
}

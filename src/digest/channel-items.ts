import type { StoredItem, Subscription } from '../core/types.js';
import { createRoutePlan } from '../delivery/route-plan.js';
import type { Store } from '../store/store.js';

/** Digest sections for watches use this prefix on the item's topics: `watch:clearview`. */
export const WATCH_SECTION_PREFIX = 'watch:';

/**
 * The period's items as the channel's routing sees them: items on its topics or matching its
 * watches, none it mutes, only sources its workspace may see. Items a watch brought get a
 * `watch:<query>` pseudo-topic, so the digest lists them in a section of their own. Returns the
 * items and the section order (topics, then watches).
 */
export async function channelDigestItems(store: Store, subscription: Subscription, since: Date, until: Date): Promise<{ items: StoredItem[]; sections: string[] }> {
  const { destination } = subscription;
  const viewer = { workspace: { platform: destination.platform, workspaceId: destination.workspaceId } };
  const [watches, mutes] = await Promise.all([store.watches.list(destination), store.mutes.list(destination)]);
  const candidates = watches.length > 0
    ? await store.items.between(since, until, undefined, viewer)
    : await store.items.between(since, until, subscription.topics, viewer);
  const plan = createRoutePlan({
    subscriptions: [subscription],
    watches: watches.map((query) => ({ destination, query })),
    mutes: mutes.map((mute) => ({ destination, mute })),
    owners: new Map(),
  });
  const items = candidates.flatMap((item) => {
    const [delivery] = plan.deliveries(item);
    if (!delivery) return [];
    const watch = delivery.matchedTopics.length === 0 && delivery.matchedWatch !== undefined ? [`${WATCH_SECTION_PREFIX}${delivery.matchedWatch}`] : [];
    return [{ ...item, topics: [...item.topics, ...watch] }];
  });
  return { items, sections: [...subscription.topics, ...watches.map((query) => `${WATCH_SECTION_PREFIX}${query}`)] };
}

/**
 * Which channels get an item, and why: a pure plan built once per routing batch from the active
 * subscriptions, watches, mutes and the owners of chat-added sources, then asked once per item.
 *
 * - Topics: a channel following one of the item's topics gets it (`matchedTopics`), when its
 *   region setting lets the item through (src/core/regions.ts).
 * - Watches: a channel with a watch the item matches gets it whatever its topics (`matchedWatch`).
 * - Mutes: a channel muting the item's source, or a query the item matches, never gets it.
 * - Ownership: an item of a source added from chat goes only to that workspace's channels.
 *
 * Queries are indexed (src/search/match-query.ts): each distinct query is evaluated at most once
 * per item, and only when the item shares a word with it, so the cost per item is its own words
 * plus the few candidate queries, not channels x watches.
 */
import { regionAllows, type RegionFilter } from '../core/regions.js';
import type { Destination, Mute, StoredItem, Subscription, WorkspaceRef } from '../core/types.js';
import { isQueryProblem, parseQuery } from '../search/parse-query.js';
import { createQueryIndex, toMatchText, type MatchText, type QueryIndex } from '../search/match-query.js';
import type { Store } from '../store/store.js';
import { destinationKey } from './destination-key.js';

/** Everything routing reads for a batch. */
export interface RoutingRules {
  /** Active subscriptions following at least one of the batch's topics. */
  subscriptions: Subscription[];
  /** Watches of active channels. */
  watches: Array<{ destination: Destination; query: string }>;
  /** Mutes of active channels. */
  mutes: Array<{ destination: Destination; mute: Mute }>;
  /** Feed id -> owning workspace, for sources added from chat. */
  owners: ReadonlyMap<string, WorkspaceRef>;
}

/** One channel's delivery of an item, with what decided it. */
export interface PlannedDelivery {
  destination: Destination;
  /** Topic ids the channel follows that the item has (empty when only a watch matched). */
  matchedTopics: string[];
  /** The watch query that matched, if any. */
  matchedWatch?: string;
}

/** A channel that would have got the item but mutes it, and the mute that stopped it. */
export interface MutedDelivery {
  destination: Destination;
  mute: Mute;
}

/** The batch's plan. */
export interface RoutePlan {
  /** The channels that get the item. */
  deliveries(item: StoredItem): PlannedDelivery[];
  /** deliveries() plus the channels a mute held back (for `why`). */
  explain(item: StoredItem): { deliveries: PlannedDelivery[]; muted: MutedDelivery[] };
}

/** Loads the batch's rules: one read per kind, whatever the number of items. */
export async function loadRoutingRules(store: Store, items: readonly StoredItem[]): Promise<RoutingRules> {
  const topics = [...new Set(items.flatMap((item) => item.topics))];
  const [subscriptions, watches, mutes, feeds] = await Promise.all([
    topics.length > 0 ? store.subscriptions.matching(topics) : Promise.resolve([]),
    store.watches.active(),
    store.mutes.active(),
    store.feeds.list(),
  ]);
  const owners = new Map(feeds.flatMap((feed) => (feed.owner ? [[feed.id, feed.owner] as const] : [])));
  return { subscriptions, watches, mutes, owners };
}

function indexQueries<T>(entries: Array<{ text: string; value: T }>): QueryIndex<T> {
  return createQueryIndex(
    entries.flatMap(({ text, value }) => {
      const query = parseQuery(text);
      // Stored queries were validated when typed; one that no longer parses is skipped, not fatal.
      return isQueryProblem(query) ? [] : [{ query, value }];
    }),
  );
}

/** Builds the plan (pure: no I/O). */
export function createRoutePlan(rules: RoutingRules): RoutePlan {
  // Channel keys are computed once per batch, not once per item and channel.
  const byTopic = new Map<string, Array<{ destination: Destination; key: string; regionFilter?: RegionFilter }>>();
  for (const { destination, topics, regionFilter } of rules.subscriptions) {
    const channel = { destination, key: destinationKey(destination), regionFilter };
    for (const topic of topics) {
      const list = byTopic.get(topic);
      if (list) list.push(channel);
      else byTopic.set(topic, [channel]);
    }
  }
  const watchIndex = indexQueries(rules.watches.map(({ destination, query }) => ({ text: query, value: { destination, key: destinationKey(destination), query } })));
  const sourceMutes = new Map<string, Map<string, Mute>>();
  const queryMutes: Array<{ text: string; value: { key: string; mute: Mute } }> = [];
  for (const { destination, mute } of rules.mutes) {
    const key = destinationKey(destination);
    if (mute.kind === 'source') {
      const muted = sourceMutes.get(key) ?? new Map<string, Mute>();
      sourceMutes.set(key, muted.set(mute.feedId, mute));
    } else queryMutes.push({ text: mute.query, value: { key, mute } });
  }
  const muteIndex = indexQueries(queryMutes);
  const needsText = watchIndex.size > 0 || muteIndex.size > 0;

  function explain(item: StoredItem): { deliveries: PlannedDelivery[]; muted: MutedDelivery[] } {
    const candidates = new Map<string, PlannedDelivery>();
    for (const topic of item.topics) {
      for (const { destination, key, regionFilter } of byTopic.get(topic) ?? []) {
        if (!regionAllows(regionFilter, item.jurisdictions)) continue; // the channel's `region` setting
        const entry = candidates.get(key);
        if (entry) entry.matchedTopics.push(topic);
        else candidates.set(key, { destination, matchedTopics: [topic] });
      }
    }
    const text: MatchText | null = needsText ? toMatchText(item) : null;
    if (text) {
      for (const { destination, key, query } of watchIndex.match(text)) {
        const entry = candidates.get(key);
        if (!entry) candidates.set(key, { destination, matchedTopics: [], matchedWatch: query });
        else if (entry.matchedWatch === undefined) entry.matchedWatch = query;
      }
    }
    const owner = rules.owners.get(item.feedId);
    const mutedBy = new Map<string, Mute>();
    if (text) for (const { key, mute } of muteIndex.match(text)) if (!mutedBy.has(key)) mutedBy.set(key, mute);
    const deliveries: PlannedDelivery[] = [];
    const muted: MutedDelivery[] = [];
    for (const [key, delivery] of candidates) {
      const { destination } = delivery;
      if (owner && (owner.platform !== destination.platform || owner.workspaceId !== destination.workspaceId)) continue;
      const mute = sourceMutes.get(key)?.get(item.feedId) ?? mutedBy.get(key);
      if (mute) muted.push({ destination, mute });
      else deliveries.push(delivery);
    }
    return { deliveries, muted };
  }

  return { deliveries: (item) => explain(item).deliveries, explain };
}

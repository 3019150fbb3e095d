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
  matchedWatch: string | undefined;
}

/** A channel that would have got the item but mutes it, and the mute that stopped it. */
export interface MutedDelivery {
  destination: Destination;
  mute: Mute;
}

/** A channel as the plan keeps it for one batch. */
interface Channel {
  destination: Destination;
  key: string;
  mutedSources: Map<string, Mute> | null;
  /** The channel's `region` setting: topic matches outside it are not delivered. */
  regionFilter: RegionFilter | undefined;
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

// Stored queries change rarely and every batch reads them all: parse each distinct text once
// per process (bounded, so a long-running bot cannot grow it without limit).
const PARSED_CACHE_MAX = 50_000;
const parsedCache = new Map<string, ReturnType<typeof parseQuery>>();

function parseStored(text: string): ReturnType<typeof parseQuery> {
  let parsed = parsedCache.get(text);
  if (!parsed) {
    if (parsedCache.size >= PARSED_CACHE_MAX) parsedCache.clear();
    parsedCache.set(text, (parsed = parseQuery(text)));
  }
  return parsed;
}

function indexQueries<T>(entries: Array<{ text: string; value: T }>): QueryIndex<T> {
  return createQueryIndex(
    entries.flatMap(({ text, value }) => {
      const query = parseStored(text);
      // Stored queries were validated when typed; one that no longer parses is skipped, not fatal.
      return isQueryProblem(query) ? [] : [{ query, value }];
    }),
  );
}

/** Builds the plan (pure: no I/O). */
export function createRoutePlan(rules: RoutingRules): RoutePlan {
  // One object per channel for the batch: its key, muted sources and region setting, found
  // without lookups per item.
  const channels = new Map<string, Channel>();
  const channelOf = (destination: Destination): Channel => {
    const key = destinationKey(destination);
    let channel = channels.get(key);
    if (!channel) channels.set(key, (channel = { destination, key, mutedSources: null, regionFilter: undefined }));
    return channel;
  };
  const byTopic = new Map<string, Channel[]>();
  for (const { destination, topics, regionFilter } of rules.subscriptions) {
    const channel = channelOf(destination);
    channel.regionFilter = regionFilter;
    for (const topic of topics) {
      const list = byTopic.get(topic);
      if (list) list.push(channel);
      else byTopic.set(topic, [channel]);
    }
  }
  const watchIndex = indexQueries(rules.watches.map(({ destination, query }) => ({ text: query, value: { channel: channelOf(destination), query } })));
  const queryMutes: Array<{ text: string; value: { key: string; mute: Mute } }> = [];
  for (const { destination, mute } of rules.mutes) {
    const channel = channelOf(destination);
    if (mute.kind === 'source') (channel.mutedSources ??= new Map<string, Mute>()).set(mute.feedId, mute);
    else queryMutes.push({ text: mute.query, value: { key: channel.key, mute } });
  }
  const muteIndex = indexQueries(queryMutes);
  const needsText = watchIndex.size > 0 || muteIndex.size > 0;

  function explain(item: StoredItem): { deliveries: PlannedDelivery[]; muted: MutedDelivery[] } {
    const candidates = new Map<Channel, PlannedDelivery>();
    for (const topic of item.topics) {
      for (const channel of byTopic.get(topic) ?? []) {
        if (!regionAllows(channel.regionFilter, item.jurisdictions)) continue; // the channel's `region` setting
        const entry = candidates.get(channel);
        if (entry) entry.matchedTopics.push(topic);
        else candidates.set(channel, { destination: channel.destination, matchedTopics: [topic], matchedWatch: undefined });
      }
    }
    const text: MatchText | null = needsText ? toMatchText(item) : null;
    if (text) {
      for (const { channel, query } of watchIndex.match(text)) {
        const entry = candidates.get(channel);
        if (!entry) candidates.set(channel, { destination: channel.destination, matchedTopics: [], matchedWatch: query });
        else if (entry.matchedWatch === undefined) entry.matchedWatch = query;
      }
    }
    const owner = rules.owners.get(item.feedId);
    const mutedBy = new Map<string, Mute>();
    if (text) for (const { key, mute } of muteIndex.match(text)) if (!mutedBy.has(key)) mutedBy.set(key, mute);
    const deliveries: PlannedDelivery[] = [];
    const muted: MutedDelivery[] = [];
    for (const [channel, delivery] of candidates) {
      const { destination } = delivery;
      if (owner && (owner.platform !== destination.platform || owner.workspaceId !== destination.workspaceId)) continue;
      const mute = channel.mutedSources?.get(item.feedId) ?? (mutedBy.size > 0 ? mutedBy.get(channel.key) : undefined);
      if (mute) muted.push({ destination, mute });
      else deliveries.push(delivery);
    }
    return { deliveries, muted };
  }

  return { deliveries: (item) => explain(item).deliveries, explain };
}

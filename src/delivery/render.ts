/**
 * Outbox rows to platform-neutral messages: one renderer per outbox kind. Delivery owns item,
 * story_update, notice and rollup; the digest renderer comes from src/digest/ and is passed to
 * the dispatcher by the composition root.
 */
import { toMessageItem, topicLabeler, type ChatMessage, type TopicLabeler } from '../chat/message.js';
import type { Clock } from '../core/clock.js';
import type { StoredItem } from '../core/types.js';
import type { OutboxKind, OutboxRow, Store } from '../store/store.js';
import { defaultTopics } from '../tagging/taxonomy.js';
import { payloadItemId, payloadItemIds, payloadMatchedTopics, payloadMatchedWatch, payloadRollupReason, payloadSource, payloadText } from './payloads.js';

/** What a renderer may read. */
export interface RenderDeps {
  store: Store;
  clock: Clock;
}

/** Turns an outbox row into a message; null when there is nothing to send (item deleted). */
export type Renderer = (row: OutboxRow, deps: RenderDeps) => Promise<ChatMessage | null>;

/** Renderers by outbox kind. */
export type RendererRegistry = Partial<Record<OutboxKind, Renderer>>;

// Keeps a rollup well inside Block Kit's 50 blocks and Teams' 28 KB card limit.
const ROLLUP_LISTED = 10;

/**
 * The renderers delivery owns: item, story_update, notice, rollup. `topics` (the configured
 * taxonomy) turns the topic ids stored with items into the labels people read.
 */
export function createDefaultRenderers(topics: ReadonlyArray<{ id: string; label: string }> = defaultTopics()): RendererRegistry {
  const labelOf = topicLabeler(topics);
  return {
    item: (row, deps) => renderItem(row, deps, labelOf),
    story_update: (row, deps) => renderStoryUpdate(row, deps, labelOf),
    notice: renderNotice,
    rollup: (row, deps) => renderRollup(row, deps, labelOf),
  };
}

/**
 * Why a post is in this channel, as the channel's own words: the labels of the topics it follows
 * that the item carries ("Matched AI & automated decisions, GDPR"). Rows routed before routing
 * recorded the match fall back to the item's topics.
 */
export function describeMatch(topicIds: readonly string[], labelOf: TopicLabeler): string | undefined {
  return topicIds.length === 0 ? undefined : `Matched ${topicIds.map(labelOf).join(', ')}`;
}

/** A subscribed item, posted for the channel. */
export async function renderItem(row: OutboxRow, { store }: RenderDeps, labelOf: TopicLabeler = (id) => id): Promise<ChatMessage | null> {
  const itemId = payloadItemId(row.payload);
  const item = itemId === null ? null : await store.items.getById(itemId);
  if (!item) return null;
  const watch = payloadMatchedWatch(row.payload);
  const topicReason = describeMatch(payloadMatchedTopics(row.payload) ?? item.topics, labelOf);
  const watchReason = watch === null ? undefined : `Watch "${watch}"`;
  const reason = topicReason && watchReason ? `${topicReason}; ${watchReason.charAt(0).toLowerCase()}${watchReason.slice(1)}` : (topicReason ?? watchReason);
  const messageItem = toMessageItem(item, undefined, labelOf);
  return {
    kind: 'item',
    visibility: 'public',
    // The notification line: what and from whom. The link is on the title in the post itself.
    text: `${item.title} (${item.source})`,
    items: [reason ? { ...messageItem, reason } : messageItem],
  };
}

/** Later coverage of a story: one "Also covered by BBC · date" line in the story's thread. */
export async function renderStoryUpdate(row: OutboxRow, { store }: RenderDeps, labelOf: TopicLabeler = (id) => id): Promise<ChatMessage | null> {
  const itemId = payloadItemId(row.payload);
  const item = itemId === null ? null : await store.items.getById(itemId);
  if (!item) return null;
  const source = payloadSource(row.payload) ?? item.source;
  const text = `Also covered by ${source}: ${item.title}`;
  return { kind: 'story_update', visibility: 'public', text, items: [toMessageItem(item, `Also covered by ${source}`, labelOf)] };
}

/** An operator notice (feed failing) for admin channels. */
export async function renderNotice(row: OutboxRow): Promise<ChatMessage | null> {
  const text = payloadText(row.payload);
  return text === null ? null : { kind: 'notice', visibility: 'public', text, lines: [text] };
}

/** "12 more items on your topics: ..." over the hourly cap, or "3 items arrived during quiet hours". */
export async function renderRollup(row: OutboxRow, { store }: RenderDeps, labelOf: TopicLabeler = (id) => id): Promise<ChatMessage | null> {
  const ids = payloadItemIds(row.payload);
  const found = await Promise.all(ids.map((id) => store.items.getById(id)));
  const items = found.filter((item): item is StoredItem => item !== null);
  if (items.length === 0) return null;
  const quiet = payloadRollupReason(row.payload) === 'quiet';
  const count = `${items.length} ${items.length === 1 ? 'item' : 'items'}`;
  const heading = quiet ? `${count} arrived during quiet hours` : `${items.length} more ${items.length === 1 ? 'item' : 'items'} on your topics`;
  const listed = items.slice(0, ROLLUP_LISTED);
  const rest = items.length - listed.length;
  const text = `${heading}: ${listed.map((item) => item.title).join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
  return {
    kind: 'rollup',
    visibility: 'public',
    text,
    sections: [{ heading, items: listed.map((item) => toMessageItem(item, undefined, labelOf)), ...(rest > 0 ? { more: `and ${rest} more` } : {}) }],
    footer: quiet
      ? 'Held during this channel’s quiet hours and posted together when they ended (`quiet` shows them).'
      : 'This channel reached its hourly limit; these items also appear in the weekly digest.',
  };
}

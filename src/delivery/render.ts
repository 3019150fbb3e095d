/**
 * Outbox rows to platform-neutral messages: one renderer per outbox kind. Delivery owns item,
 * story_update, notice and rollup; the digest renderer comes from src/digest/ and is passed to
 * the dispatcher by the composition root.
 */
import { toMessageItem, type ChatMessage } from '../chat/message.js';
import type { Clock } from '../core/clock.js';
import type { StoredItem } from '../core/types.js';
import type { OutboxKind, OutboxRow, Store } from '../store/store.js';
import { payloadItemId, payloadItemIds, payloadRollupReason, payloadSource, payloadText } from './payloads.js';

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

/** The renderers delivery owns: item, story_update, notice, rollup. */
export function createDefaultRenderers(): RendererRegistry {
  return { item: renderItem, story_update: renderStoryUpdate, notice: renderNotice, rollup: renderRollup };
}

/** A subscribed item, posted for the channel. */
export async function renderItem(row: OutboxRow, { store }: RenderDeps): Promise<ChatMessage | null> {
  const itemId = payloadItemId(row.payload);
  const item = itemId === null ? null : await store.items.getById(itemId);
  if (!item) return null;
  return {
    kind: 'item',
    visibility: 'public',
    text: item.url ? `${item.title} ${item.url}` : item.title,
    items: [toMessageItem(item)],
  };
}

/** Later coverage of a story: "Also covered by BBC: <title>", sent as a thread reply. */
export async function renderStoryUpdate(row: OutboxRow, { store }: RenderDeps): Promise<ChatMessage | null> {
  const itemId = payloadItemId(row.payload);
  const item = itemId === null ? null : await store.items.getById(itemId);
  if (!item) return null;
  const source = payloadSource(row.payload) ?? item.source;
  const text = `Also covered by ${source}: ${item.title}`;
  return { kind: 'item', visibility: 'public', text, items: [toMessageItem(item, `Also covered by ${source}`)] };
}

/** An operator notice (feed failing) for admin channels. */
export async function renderNotice(row: OutboxRow): Promise<ChatMessage | null> {
  const text = payloadText(row.payload);
  return text === null ? null : { kind: 'notice', visibility: 'public', text, lines: [text] };
}

/** "12 more items on your topics: ..." over the hourly cap, or "3 items arrived during quiet hours". */
export async function renderRollup(row: OutboxRow, { store }: RenderDeps): Promise<ChatMessage | null> {
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
    sections: [{ heading, items: listed.map((item) => toMessageItem(item)), ...(rest > 0 ? { more: `and ${rest} more` } : {}) }],
    footer: quiet
      ? 'Held during this channel’s quiet hours and posted together when they ended (`quiet` shows them).'
      : 'This channel reached its hourly limit; these items also appear in the weekly digest.',
  };
}

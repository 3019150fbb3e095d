import type { ChatMessage } from '../chat/message.js';
import { toMessageItem } from '../commands/build-reply.js';
import type { OutboxRow } from '../store/store.js';
import { payloadItemId, payloadSource, payloadText } from './payloads.js';
import type { RenderDeps } from './renderers.js';

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

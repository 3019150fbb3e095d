import type { ChatMessage } from '../chat/message.js';
import { toMessageItem } from '../commands/build-reply.js';
import type { StoredItem } from '../core/types.js';
import type { OutboxRow } from '../store/store.js';
import { payloadItemIds } from './payloads.js';
import type { RenderDeps } from './renderers.js';

// Keeps the rollup well inside Block Kit's 50 blocks and Teams' 28 KB card limit.
const LISTED = 10;

/** "12 more items on your topics: ..." for items over the channel's hourly cap. */
export async function renderRollup(row: OutboxRow, { store }: RenderDeps): Promise<ChatMessage | null> {
  const ids = payloadItemIds(row.payload);
  const found = await Promise.all(ids.map((id) => store.items.getById(id)));
  const items = found.filter((item): item is StoredItem => item !== null);
  if (items.length === 0) return null;
  const heading = `${items.length} more ${items.length === 1 ? 'item' : 'items'} on your topics`;
  const listed = items.slice(0, LISTED);
  const rest = items.length - listed.length;
  const text = `${heading}: ${listed.map((item) => item.title).join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
  return {
    kind: 'rollup',
    visibility: 'public',
    text,
    sections: [{ heading, items: listed.map((item) => toMessageItem(item)), ...(rest > 0 ? { more: `and ${rest} more` } : {}) }],
    footer: 'This channel reached its hourly limit; these items also appear in the weekly digest.',
  };
}

import type { ChatMessage } from '../chat/message.js';
import type { OutboxRow } from '../store/store.js';
import { buildDigest, type DigestDeps } from './build-digest.js';
import { readDigestPayload } from './digest-payload.js';

/**
 * The outbox renderer for kind 'digest': rebuilds the digest for the period stored in the row, so
 * a retry hours later sends the same content. Null (nothing to send) when the channel no longer
 * has a subscription or the payload is malformed.
 */
export async function renderDigestRow(row: OutboxRow, deps: DigestDeps): Promise<ChatMessage | null> {
  const period = readDigestPayload(row.payload);
  if (!period) return null;
  const message = await buildDigest(deps, row.destination, period);
  return message.kind === 'digest' ? message : null;
}

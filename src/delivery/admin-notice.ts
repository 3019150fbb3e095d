import { createHash } from 'node:crypto';
import type { OutboxEntry, Store } from '../store/store.js';
import { noticeDedupKey } from './dedup-keys.js';
import type { NoticePayload } from './payloads.js';

/**
 * Enqueues a notice (e.g. "feed X is failing") for every active admin channel. Returns how many
 * rows were enqueued: 0 when no channel is marked admin (the caller logs instead). The same text
 * at the same time is enqueued once, so a retried caller does not notify twice.
 */
export async function enqueueAdminNotice(store: Store, text: string, now: Date): Promise<number> {
  const admins = (await store.subscriptions.list()).filter((subscription) => subscription.isAdmin && subscription.status === 'active');
  if (admins.length === 0) return 0;
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const payload: NoticePayload = { text };
  const entries: OutboxEntry[] = admins.map(({ destination }) => ({
    dedupKey: noticeDedupKey(destination, `${now.toISOString()}:${digest}`),
    destination,
    kind: 'notice',
    payload,
  }));
  return store.outbox.enqueue(entries, now);
}

import type { OutboxRow } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';
import { placeholders } from '../sql/placeholders.js';
import { toOutboxRow, type OutboxTableRow } from './outbox-rows.js';

// Pending, failed-and-due, and sending-with-expired-claim rows are all "due": a claim moves
// next_attempt_at to the claim's expiry, so a crashed worker's rows come due again by themselves.
const DUE = "status IN ('pending', 'failed', 'sending') AND next_attempt_at <= ?";
/** The due rows in claim order; an ordered walk of the partial index outbox_due. */
export const SELECT_DUE_SQL = `SELECT id FROM outbox WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT ?`;
const SET_CLAIM = "status = 'sending', claimed_by = ?, claim_expires_at = ?, next_attempt_at = ?, attempts = attempts + 1";

/**
 * Atomically claims up to `limit` due rows for `worker` until now + claimMs.
 * PostgreSQL: one UPDATE over a FOR UPDATE SKIP LOCKED subquery, so concurrent workers take
 * disjoint rows without waiting. SQLite: select and update inside one BEGIN IMMEDIATE
 * transaction, which holds the single write lock across both.
 */
export async function claimOutbox(db: SqlExecutor, worker: string, limit: number, now: Date, claimMs: number): Promise<OutboxRow[]> {
  const at = now.getTime();
  const until = at + claimMs;
  if (db.dialect === 'postgres') {
    const rows = await db.all<OutboxTableRow & { due_at: number }>(
      `WITH due AS (
         SELECT id, next_attempt_at AS due_at FROM outbox WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox SET ${SET_CLAIM} FROM due WHERE outbox.id = due.id RETURNING outbox.*, due.due_at`,
      [at, limit, worker, until, until],
    );
    return rows.sort((a, b) => Number(a.due_at) - Number(b.due_at) || Number(a.id) - Number(b.id)).map(toOutboxRow);
  }
  return db.transaction(async (tx) => {
    const ids = await tx.all<{ id: number }>(SELECT_DUE_SQL, [at, limit]);
    if (ids.length === 0) return [];
    const idList = ids.map((row) => Number(row.id));
    const rows = await tx.all<OutboxTableRow>(
      `UPDATE outbox SET ${SET_CLAIM} WHERE id IN (${placeholders(idList.length)}) RETURNING *`,
      [worker, until, until, ...idList],
    );
    const order = new Map(idList.map((id, index) => [id, index]));
    return rows.map(toOutboxRow).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  });
}

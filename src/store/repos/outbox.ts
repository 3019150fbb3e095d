import type { Clock } from '../../core/clock.js';
import { destinationKey } from '../../core/types.js';
import type { OutboxRepository } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { chunk, placeholders } from '../sql/placeholders.js';
import { DESTINATION_WHERE, destinationParams, toDestination, wantedDestinations } from './destination.js';
import { claimOutbox } from './outbox-claim.js';
import { toOutboxRow, type OutboxTableRow } from './outbox-rows.js';

const RELEASE = 'claimed_by = NULL, claim_expires_at = NULL';

/** The durable outbox: unique dedup keys, atomic claims, per-destination pacing queries. */
export function createOutboxRepository(db: SqlExecutor, clock: Clock): OutboxRepository {
  return {
    enqueue: (entries, now) =>
      db.transaction(async (tx) => {
        let inserted = 0;
        // Multi-row INSERTs: one round trip per 200 rows instead of one per row.
        for (const part of chunk(entries, 200)) {
          const params: SqlValue[] = part.flatMap((entry) => [
            entry.dedupKey, ...destinationParams(entry.destination), entry.kind, JSON.stringify(entry.payload ?? null),
            entry.storyId ?? null, (entry.notBefore ?? now).getTime(), now.getTime(),
          ]);
          inserted += await tx.run(
            `INSERT INTO outbox (dedup_key, platform, workspace_id, channel_id, kind, payload, story_id, next_attempt_at, created_at, status, attempts)
             VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0)").join(', ')} ON CONFLICT (dedup_key) DO NOTHING`,
            params,
          );
        }
        return inserted;
      }),
    claim: (worker, limit, now, claimMs) => claimOutbox(db, worker, limit, now, claimMs),
    markSent: async (id, now, messageRef) => {
      await db.run(`UPDATE outbox SET status = 'sent', sent_at = ?, finished_at = ?, message_ref = ?, last_error = NULL, ${RELEASE} WHERE id = ?`, [
        now.getTime(), now.getTime(), messageRef, id,
      ]);
    },
    markRetry: async (id, nextAttemptAt, error) => {
      await db.run(`UPDATE outbox SET status = 'failed', next_attempt_at = ?, last_error = ?, ${RELEASE} WHERE id = ?`, [nextAttemptAt.getTime(), error, id]);
    },
    markFailed: async (id, error, retryAt) => {
      await (retryAt === null
        ? db.run(`UPDATE outbox SET status = 'dead', failures = failures + 1, finished_at = ?, last_error = ?, ${RELEASE} WHERE id = ?`, [clock.now().getTime(), error, id])
        : db.run(`UPDATE outbox SET status = 'failed', failures = failures + 1, next_attempt_at = ?, last_error = ?, ${RELEASE} WHERE id = ?`, [
            retryAt.getTime(), error, id,
          ]));
    },
    markDead: async (id, error) => {
      await db.run(`UPDATE outbox SET status = 'dead', finished_at = ?, last_error = ?, ${RELEASE} WHERE id = ?`, [clock.now().getTime(), error, id]);
    },
    deferDestination: (destination, until) =>
      db.run(`UPDATE outbox SET next_attempt_at = ? WHERE ${DESTINATION_WHERE} AND status IN ('pending', 'failed') AND next_attempt_at < ?`, [
        until.getTime(), ...destinationParams(destination), until.getTime(),
      ]),
    countSentSince: async (destination, since) => {
      const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE ${DESTINATION_WHERE} AND status = 'sent' AND sent_at >= ?`, [
        ...destinationParams(destination), since.getTime(),
      ]);
      return Number(row?.n ?? 0);
    },
    countSentSinceMany: async (destinations, since) => {
      const counts = new Map<string, number>();
      for (const { cte, params } of wantedDestinations(destinations)) {
        // Per destination, the same index range countSentSince reads (outbox_destination).
        const rows = await db.all<{ platform: string; workspace_id: string; channel_id: string; n: number }>(
          `WITH ${cte} SELECT w.platform, w.workspace_id, w.channel_id,
             (SELECT COUNT(*) FROM outbox o WHERE o.platform = w.platform AND o.workspace_id = w.workspace_id
                AND o.channel_id = w.channel_id AND o.status = 'sent' AND o.sent_at >= ?) AS n
           FROM wanted w`,
          [...params, since.getTime()],
        );
        for (const row of rows) if (Number(row.n) > 0) counts.set(destinationKey(toDestination(row)), Number(row.n));
      }
      return counts;
    },
    storyMessageRef: async (destination, storyId) => {
      const row = await db.get<{ message_ref: string }>(
        `SELECT message_ref FROM outbox WHERE ${DESTINATION_WHERE} AND story_id = ? AND status = 'sent' AND message_ref IS NOT NULL
         ORDER BY sent_at, id LIMIT 1`,
        [...destinationParams(destination), storyId],
      );
      return row?.message_ref ?? null;
    },
    storyLeadQueued: async (destination, storyId) => {
      // An indexed probe (outbox_story), not a read of the channel's whole history.
      const row = await db.get<{ found: number }>(
        `SELECT 1 AS found FROM outbox WHERE ${DESTINATION_WHERE} AND story_id = ? AND kind = 'item' AND status IN ('pending', 'failed', 'sending') LIMIT 1`,
        [...destinationParams(destination), storyId],
      );
      return row !== undefined;
    },
    get: async (id) => {
      const row = await db.get<OutboxTableRow>('SELECT * FROM outbox WHERE id = ?', [id]);
      return row ? toOutboxRow(row) : null;
    },
    list: async (filter = {}) => {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (filter.status) {
        where.push('status = ?');
        params.push(filter.status);
      }
      if (filter.destination) {
        where.push(DESTINATION_WHERE);
        params.push(...destinationParams(filter.destination));
      }
      const select = async (conditions: string[], values: SqlValue[]) => {
        const clause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
        return (await db.all<OutboxTableRow>(`SELECT * FROM outbox ${clause} ORDER BY id`, values)).map(toOutboxRow);
      };
      if (!filter.storyIds) return select(where, params);
      // Routing reads a batch's stories at once (index outbox_story_id), never a channel's whole history.
      const rows = [];
      for (const ids of chunk([...new Set(filter.storyIds)])) {
        rows.push(...(await select([...where, `story_id IN (${placeholders(ids.length)})`], [...params, ...ids])));
      }
      return rows.sort((a, b) => a.id - b.id);
    },
  };
}

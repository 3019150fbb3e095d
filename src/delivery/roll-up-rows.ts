import type { Destination } from '../core/types.js';
import type { OutboxRow } from '../store/store.js';
import { rollupDedupKey } from './dedup-keys.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';
import { payloadItemId, type RollupPayload } from './payloads.js';
import { nextHour } from './plan-hourly-cap.js';

/**
 * Replaces rows over the hourly cap with one 'rollup' row (at most one per channel per UTC hour).
 * Rolled-up rows are marked dead with reason "rolled_up: <rollup key>": they are delivered as a
 * line of the rollup, and their items are in the digest. When this hour's rollup is already out,
 * the rows wait for the next hour instead.
 */
export async function rollUpRows(destination: Destination, rows: OutboxRow[], ctx: DispatchContext, stats: DispatchStats): Promise<void> {
  const now = ctx.clock.now();
  const dedupKey = rollupDedupKey(destination, now);
  const itemIds = rows.map((row) => payloadItemId(row.payload)).filter((id): id is number => id !== null);
  const payload: RollupPayload = { itemIds };
  const inserted = await ctx.store.outbox.enqueue([{ dedupKey, destination, kind: 'rollup', payload }], now);
  if (inserted === 0) {
    const later = nextHour(now);
    for (const row of rows) await ctx.store.outbox.markRetry(row.id, later, 'over the hourly cap: waiting for the next hour');
    stats.paced += rows.length;
    return;
  }
  for (const row of rows) await ctx.store.outbox.markDead(row.id, `rolled_up: ${dedupKey}`);
  stats.rolledUp += rows.length;
}

import type { SqlExecutor } from '../sql/executor.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sent and dead outbox rows are kept this long (delivery history, hourly caps, thread refs). */
export const OUTBOX_RETENTION_DAYS = 30;

/**
 * Deletes items the feed has not listed for `retentionDays` (last_seen_at, so an item still in
 * the feed is never pruned and re-posted) and finished outbox rows older than 30 days.
 */
export async function pruneStore(db: SqlExecutor, now: Date, retentionDays: number): Promise<{ items: number; outbox: number }> {
  const itemCutoff = now.getTime() - retentionDays * DAY_MS;
  const outboxCutoff = now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS;
  const result = await db.transaction(async (tx) => {
    const items = await tx.run('DELETE FROM items WHERE last_seen_at < ?', [itemCutoff]);
    const outbox = await tx.run("DELETE FROM outbox WHERE status IN ('sent', 'dead') AND finished_at < ?", [outboxCutoff]);
    return { items, outbox };
  });
  // Each poll adds a small FTS5 segment; merging them daily keeps searches one b-tree walk.
  if (db.dialect === 'sqlite') await db.run("INSERT INTO items_fts (items_fts) VALUES ('optimize')");
  return result;
}

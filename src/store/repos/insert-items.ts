import type { StoredItem, TaggedItem } from '../../core/types.js';
import type { SqlExecutor } from '../sql/executor.js';
import { chunk, placeholders } from '../sql/placeholders.js';
import { ITEM_COLUMNS, ITEM_FROM, toStoredItem, type ItemRow } from './item-rows.js';

const INSERT_ITEM = `INSERT INTO items
  (feed_id, item_key, url, title, summary, published_at, first_seen_at, last_seen_at, topics, why)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (feed_id, item_key) DO NOTHING RETURNING id`;
const INSERT_TOPIC = 'INSERT INTO item_topics (item_id, topic, first_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING';

// Oldest first, so that within one poll (same first_seen_at) a higher id means a newer item and
// `latest` can order by (first_seen_at, id) on an index alone.
function byPublishedAsc(a: TaggedItem, b: TaggedItem): number {
  return (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0);
}

/**
 * Stores the items whose (feedId, key) is new, returns those, and records that every given item
 * was still listed by the feed (last_seen_at), so retention never prunes an item the feed still
 * shows and would then re-post it as new.
 */
export async function insertNewItems(db: SqlExecutor, feedId: string, items: TaggedItem[], firstSeenAt: Date): Promise<StoredItem[]> {
  if (items.length === 0) return [];
  const seen = firstSeenAt.getTime();
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const item of [...items].sort(byPublishedAsc)) {
      const row = await tx.get<{ id: number }>(INSERT_ITEM, [
        feedId, item.key, item.url, item.title, item.summary, item.publishedAt?.getTime() ?? null,
        seen, seen, JSON.stringify(item.topics), JSON.stringify(item.why),
      ]);
      if (!row) continue;
      ids.push(Number(row.id));
      for (const topic of new Set(item.topics)) await tx.run(INSERT_TOPIC, [row.id, topic, seen]);
    }
    for (const keys of chunk([...new Set(items.map((item) => item.key))])) {
      await tx.run(
        `UPDATE items SET last_seen_at = ? WHERE feed_id = ? AND last_seen_at < ? AND item_key IN (${placeholders(keys.length)})`,
        [seen, feedId, seen, ...keys],
      );
    }
    const stored: StoredItem[] = [];
    for (const part of chunk(ids)) {
      const rows = await tx.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.id IN (${placeholders(part.length)}) ORDER BY i.id`, part);
      stored.push(...rows.map(toStoredItem));
    }
    return stored;
  });
}

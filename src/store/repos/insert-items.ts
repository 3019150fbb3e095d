import { boundItemText } from '../../core/item-limits.js';
import type { StoredItem, TaggedItem } from '../../core/types.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { chunk, placeholders } from '../sql/placeholders.js';
import { ITEM_COLUMNS, ITEM_FROM, toStoredItem, type ItemRow } from './item-rows.js';

const ITEM_FIELDS = 10;
// Multi-row statements: one round trip per 50 items instead of one per item (and one per topic);
// 50 x 10 values stays far below both engines' bound-variable limits.
const ROWS_PER_INSERT = 50;
const insertItemsSql = (rows: number) => `INSERT INTO items
  (feed_id, item_key, url, title, summary, published_at, first_seen_at, last_seen_at, topics, why)
  VALUES ${Array.from({ length: rows }, () => `(${placeholders(ITEM_FIELDS)})`).join(', ')}
  ON CONFLICT (feed_id, item_key) DO NOTHING RETURNING id, item_key`;
const insertTopicsSql = (rows: number) =>
  `INSERT INTO item_topics (item_id, topic, first_seen_at) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`;

// Oldest first, so that within one poll (same first_seen_at) a higher id means a newer item and
// `latest` can order by (first_seen_at, id) on an index alone.
function byPublishedAsc(a: TaggedItem, b: TaggedItem): number {
  return (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0);
}

/**
 * Stores the items whose (feedId, key) is new, returns those, and records that every listed key
 * (default: the items' keys) is still shown by the feed (last_seen_at), so retention never prunes
 * an item the feed still shows and would then re-post it as new.
 */
export async function insertNewItems(
  db: SqlExecutor,
  feedId: string,
  items: TaggedItem[],
  firstSeenAt: Date,
  listedKeys: readonly string[] = items.map((item) => item.key),
): Promise<StoredItem[]> {
  if (items.length === 0 && listedKeys.length === 0) return [];
  const seen = firstSeenAt.getTime();
  // Within one batch the first occurrence of a key wins (a repeated key would conflict anyway).
  const keys = new Set<string>();
  const unique = [...items].sort(byPublishedAsc).filter((item) => !keys.has(item.key) && Boolean(keys.add(item.key)));
  for (const key of listedKeys) keys.add(key);
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const part of chunk(unique, ROWS_PER_INSERT)) {
      const values = part.map(boundItemText).flatMap((item) => [
        feedId, item.key, item.url, item.title, item.summary, item.publishedAt?.getTime() ?? null,
        seen, seen, JSON.stringify(item.topics), JSON.stringify(item.why),
      ]);
      const inserted = await tx.all<{ id: number; item_key: string }>(insertItemsSql(part.length), values);
      const idByKey = new Map(inserted.map((row) => [row.item_key, Number(row.id)]));
      const topicRows: SqlValue[] = [];
      for (const item of part) {
        const id = idByKey.get(item.key);
        if (id === undefined) continue;
        ids.push(id);
        for (const topic of new Set(item.topics)) topicRows.push(id, topic, seen);
      }
      for (const rows of chunk(topicRows, 3 * 300)) await tx.run(insertTopicsSql(rows.length / 3), rows);
    }
    for (const part of chunk([...keys])) {
      await tx.run(
        `UPDATE items SET last_seen_at = ? WHERE feed_id = ? AND last_seen_at < ? AND item_key IN (${placeholders(part.length)})`,
        [seen, feedId, seen, ...part],
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

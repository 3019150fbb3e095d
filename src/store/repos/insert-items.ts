import { boundItemText } from '../../core/item-limits.js';
import type { StoredItem, TaggedItem } from '../../core/types.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { chunk, placeholders } from '../sql/placeholders.js';
import { toStoredItem, type ItemRow } from './item-rows.js';

const ITEM_FIELDS = 12;
// Multi-row statements: one round trip per 50 items instead of one per item (and one per topic);
// 50 x 12 values stays far below both engines' bound-variable limits.
const ROWS_PER_INSERT = 50;
const insertItemsSql = (rows: number) => `INSERT INTO items
  (feed_id, item_key, url, title, summary, published_at, first_seen_at, last_seen_at, topics, why, jurisdictions, jurisdiction_why)
  VALUES ${Array.from({ length: rows }, () => `(${placeholders(ITEM_FIELDS)})`).join(', ')}
  ON CONFLICT (feed_id, item_key) DO NOTHING RETURNING id, item_key`;
const insertTopicsSql = (rows: number) =>
  `INSERT INTO item_topics (item_id, topic, first_seen_at) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`;
const insertJurisdictionsSql = (rows: number) =>
  `INSERT INTO item_jurisdictions (item_id, jurisdiction, first_seen_at) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`;

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
    // The returned items are built from the rows as written (no read-back of every new item):
    // only the feed's display name comes from the database.
    const feed = await tx.get<{ name: string | null }>('SELECT name FROM feeds WHERE id = ?', [feedId]);
    const source = feed?.name ?? feedId;
    const rows: ItemRow[] = [];
    for (const part of chunk(unique, ROWS_PER_INSERT)) {
      const partRows = part.map(boundItemText).map((item) => ({
        id: 0, feed_id: feedId, item_key: item.key, url: item.url, title: item.title, summary: item.summary,
        published_at: item.publishedAt?.getTime() ?? null, first_seen_at: seen,
        topics: JSON.stringify(item.topics), why: JSON.stringify(item.why),
        jurisdictions: JSON.stringify(item.jurisdictions ?? []), jurisdiction_why: JSON.stringify(item.jurisdictionWhy ?? {}), story_id: null, source,
      }));
      const values = partRows.flatMap((row) => [
        row.feed_id, row.item_key, row.url, row.title, row.summary, row.published_at, seen, seen, row.topics, row.why,
        row.jurisdictions, row.jurisdiction_why,
      ]);
      const inserted = await tx.all<{ id: number; item_key: string }>(insertItemsSql(part.length), values);
      const idByKey = new Map(inserted.map((row) => [row.item_key, Number(row.id)]));
      const topicRows: SqlValue[] = [];
      const jurisdictionRows: SqlValue[] = [];
      part.forEach((item, index) => {
        const id = idByKey.get(item.key);
        if (id === undefined) return;
        keys.delete(item.key); // just written with last_seen_at = seen: nothing to refresh
        rows.push({ ...partRows[index]!, id });
        for (const topic of new Set(item.topics)) topicRows.push(id, topic, seen);
        for (const jurisdiction of new Set(item.jurisdictions)) jurisdictionRows.push(id, jurisdiction, seen);
      });
      for (const chunkRows of chunk(topicRows, 3 * 300)) await tx.run(insertTopicsSql(chunkRows.length / 3), chunkRows);
      for (const chunkRows of chunk(jurisdictionRows, 3 * 300)) await tx.run(insertJurisdictionsSql(chunkRows.length / 3), chunkRows);
    }
    for (const part of chunk([...keys])) {
      await tx.run(
        `UPDATE items SET last_seen_at = ? WHERE feed_id = ? AND last_seen_at < ? AND item_key IN (${placeholders(part.length)})`,
        [seen, feedId, seen, ...part],
      );
    }
    return rows.sort((a, b) => a.id - b.id).map(toStoredItem);
  });
}

import type { StoredItem } from '../../core/types.js';
import type { ItemRepository, LatestQuery } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { chunk, placeholders } from '../sql/placeholders.js';
import { ITEM_COLUMNS, ITEM_FROM, toStoredItem, visibleTo, type ItemRow } from './item-rows.js';
import { insertNewItems } from './insert-items.js';
import { searchItems } from './search-items.js';
import { clampLimit } from './limits.js';

/** `latest <topic>`: walks item_topics_latest (topic, first_seen_at, item_id) backwards, no sort. */
export const LATEST_BY_TOPIC_SQL = `SELECT ${ITEM_COLUMNS} FROM item_topics t JOIN items i ON i.id = t.item_id LEFT JOIN feeds f ON f.id = i.feed_id
  WHERE t.topic = ? AND t.first_seen_at >= ? ORDER BY t.first_seen_at DESC, t.item_id DESC LIMIT ?`;

/** LATEST_BY_TOPIC_SQL with a visibility condition (see visibleTo) before the ordering. */
function latestByTopicSql(visible: string): string {
  return LATEST_BY_TOPIC_SQL.replace('AND t.first_seen_at >= ?', `AND t.first_seen_at >= ? AND ${visible}`);
}

/**
 * `latest us` (and `latest ai us`): walks item_jurisdictions_latest for one jurisdiction backwards,
 * checking the topic per row on its primary key. Several regions: one walk each, merged.
 */
const latestByRegionSql = (withTopic: boolean, visible: string) => `SELECT ${ITEM_COLUMNS} FROM item_jurisdictions j JOIN items i ON i.id = j.item_id LEFT JOIN feeds f ON f.id = i.feed_id
  WHERE j.jurisdiction = ? AND j.first_seen_at >= ?${withTopic ? ' AND EXISTS (SELECT 1 FROM item_topics t WHERE t.topic = ? AND t.item_id = i.id)' : ''} AND ${visible}
  ORDER BY j.first_seen_at DESC, j.item_id DESC LIMIT ?`;

/** Newest first, as `latest` orders: first seen, then id. */
const newestFirst = (a: StoredItem, b: StoredItem): number => b.firstSeenAt.getTime() - a.firstSeenAt.getTime() || b.id - a.id;

/**
 * A 304's refresh of the items its feed still lists: the newest last_seen_at of a feed marks
 * exactly the items of its last full fetch. The unary `+` keeps both engines off the
 * last_seen_at index, whose equality match covers every item stored in the same poll (all
 * feeds' items when one clock time is shared): the feed's own rows are the smaller set.
 */
export const TOUCH_LISTED_SQL = `UPDATE items SET last_seen_at = ? WHERE feed_id = ? AND +last_seen_at < ?
  AND +last_seen_at = (SELECT MAX(last_seen_at) FROM items WHERE feed_id = ?)`;

/** Items: insert-if-new, latest (index-ordered), search, digest windows and stories. */
export function createItemRepository(db: SqlExecutor): ItemRepository {
  const select = async (where: string, params: SqlValue[], tail = ''): Promise<StoredItem[]> =>
    (await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where} ${tail}`, params)).map(toStoredItem);

  return {
    insertNew: (feedId, items, firstSeenAt, listedKeys) => insertNewItems(db, feedId, items, firstSeenAt, listedKeys),
    knownKeys: async (feedId, keys) => {
      const known = new Set<string>();
      for (const part of chunk([...new Set(keys)])) {
        const rows = await db.all<{ item_key: string }>(`SELECT item_key FROM items WHERE feed_id = ? AND item_key IN (${placeholders(part.length)})`, [feedId, ...part]);
        for (const row of rows) known.add(row.item_key);
      }
      return known;
    },
    latest: async (query: LatestQuery) => {
      const since = query.since?.getTime() ?? 0;
      const limit = clampLimit(query.limit);
      const visible = visibleTo('i.feed_id', query.workspace);
      if (query.regions && query.regions.length > 0) {
        const merged = new Map<number, StoredItem>();
        for (const region of new Set(query.regions)) {
          const params: SqlValue[] = [region, since, ...(query.topic ? [query.topic] : []), ...visible.params, limit];
          for (const row of await db.all<ItemRow>(latestByRegionSql(query.topic !== undefined, visible.sql), params)) merged.set(Number(row.id), toStoredItem(row));
        }
        return [...merged.values()].sort(newestFirst).slice(0, limit);
      }
      if (!query.topic) return select(`i.first_seen_at >= ? AND ${visible.sql}`, [since, ...visible.params, limit], 'ORDER BY i.first_seen_at DESC, i.id DESC LIMIT ?');
      const rows = await db.all<ItemRow>(latestByTopicSql(visible.sql), [query.topic, since, ...visible.params, limit]);
      return rows.map(toStoredItem);
    },
    search: (query) => searchItems(db, query),
    getById: async (id) => (await select('i.id = ?', [id]))[0] ?? null,
    getByUrl: async (url) => (await select('i.url = ?', [url], 'ORDER BY i.first_seen_at DESC, i.id DESC LIMIT 1'))[0] ?? null,
    between: async (from, to, topics, viewer = {}) => {
      if (topics && topics.length === 0) return [];
      const filter = topics ? ` AND EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND t.topic IN (${placeholders(topics.length)}))` : '';
      const visible = visibleTo('i.feed_id', viewer.workspace);
      return select(
        `i.first_seen_at >= ? AND i.first_seen_at < ?${filter} AND ${visible.sql}`,
        [from.getTime(), to.getTime(), ...(topics ?? []), ...visible.params],
        'ORDER BY i.first_seen_at DESC, i.id DESC',
      );
    },
    storedAfter: async (afterId, recheck = []) => {
      const ids = [...new Set(recheck)].slice(0, 500);
      const again = ids.length > 0 ? ` OR i.id IN (${placeholders(ids.length)})` : '';
      return select(`i.id > ?${again}`, [afterId, ...ids], 'ORDER BY i.id');
    },
    setStory: async (itemIds, storyId) => {
      for (const ids of chunk(itemIds)) {
        await db.run(`UPDATE items SET story_id = ? WHERE id IN (${placeholders(ids.length)})`, [storyId, ...ids]);
      }
    },
    touchListed: (feedId, now, staleMs) => db.run(TOUCH_LISTED_SQL, [now.getTime(), feedId, now.getTime() - staleMs, feedId]),
    byStory: (storyId) => select('i.story_id = ?', [storyId], 'ORDER BY i.first_seen_at, i.id'),
    byStories: async (storyIds) => {
      const items: StoredItem[] = [];
      for (const ids of chunk([...new Set(storyIds)])) items.push(...(await select(`i.story_id IN (${placeholders(ids.length)})`, ids, 'ORDER BY i.id')));
      return items;
    },
    count: async () => Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM items'))?.n ?? 0),
  };
}

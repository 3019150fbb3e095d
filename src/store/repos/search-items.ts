import type { StoredItem } from '../../core/types.js';
import type { SearchQuery } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { placeholders } from '../sql/placeholders.js';
import { ITEM_COLUMNS, ITEM_FROM, toStoredItem, type ItemRow } from './item-rows.js';
import { searchTerms, toFts5Query } from './fts-query.js';
import { clampLimit } from './limits.js';

// PostgreSQL estimates a two-word AND badly; with ORDER BY id DESC LIMIT it may walk the whole
// primary key for a rare pair. So: first the newest RECENT_ITEMS rows (a bounded walk), and only
// if that finds too few, the older rows through the GIN index (`id + 0` keeps the planner from
// walking the key). A pair that cannot fill `limit` from 1,000 rows matches under ~1% of items,
// so the GIN step reads few rows: both steps stay bounded.
export const RECENT_ITEMS = 1000;

/**
 * Ranking: items whose headline contains every word come first, then items matching in the
 * summary; newest first within each group. Both steps are ordered index walks that stop after
 * `limit` hits. bm25/ts_rank were measured and dropped: their document-frequency step reads every
 * matching entry, 10-45 ms per query at 100k items (docs/storage.md), over the 20 ms budget.
 */
export async function searchItems(db: SqlExecutor, query: SearchQuery, recentItems = RECENT_ITEMS): Promise<StoredItem[]> {
  const terms = searchTerms(query.words);
  if (terms.length === 0) return [];
  const limit = clampLimit(query.limit);
  const find = db.dialect === 'sqlite' ? findSqlite : findPostgres;
  const floor = db.dialect === 'sqlite' ? 0 : Number((await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM items'))?.id ?? 0) - recentItems;
  const filter: ItemFilter = { topic: query.topic, regions: query.regions && query.regions.length > 0 ? [...new Set(query.regions)] : undefined };
  const titleIds = await find(db, terms, filter, limit, true, floor);
  const anyIds = titleIds.length < limit ? await find(db, terms, filter, limit + titleIds.length, false, floor) : [];
  const seen = new Set(titleIds);
  const ids = [...titleIds, ...anyIds.filter((id) => !seen.has(id))].slice(0, limit);
  if (ids.length === 0) return [];
  const rows = await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.id IN (${placeholders(ids.length)})`, ids);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => (byId.has(id) ? [toStoredItem(byId.get(id)!)] : []));
}

/** Topic and jurisdiction conditions of a search. */
interface ItemFilter {
  topic: string | undefined;
  regions: string[] | undefined;
}

/** EXISTS conditions on the item id expression `id` (items_fts.rowid or i.id), and their values. */
function filterSql(filter: ItemFilter, id: string): { sql: string; params: SqlValue[] } {
  let sql = '';
  const params: SqlValue[] = [];
  if (filter.topic) {
    sql += ` AND EXISTS (SELECT 1 FROM item_topics t WHERE t.topic = ? AND t.item_id = ${id})`;
    params.push(filter.topic);
  }
  if (filter.regions) {
    sql += ` AND EXISTS (SELECT 1 FROM item_jurisdictions j WHERE j.jurisdiction IN (${placeholders(filter.regions.length)}) AND j.item_id = ${id})`;
    params.push(...filter.regions);
  }
  return { sql, params };
}

// Terms are quoted FTS5 strings; `{title} :` restricts every one of them to the title column.
async function findSqlite(db: SqlExecutor, terms: string[], filter: ItemFilter, limit: number, titleOnly: boolean, _floor: number): Promise<number[]> {
  const match = titleOnly ? `{title} : (${toFts5Query(terms)})` : toFts5Query(terms);
  const conditions = filterSql(filter, 'items_fts.rowid');
  const rows = await db.all<{ id: number }>(
    `SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?${conditions.sql}
     ORDER BY rowid DESC LIMIT ?`,
    [match, ...conditions.params, limit],
  );
  return rows.map((row) => Number(row.id));
}


// Terms contain only letters and digits (searchTerms), so joining them with & is safe for
// to_tsquery. Title-only search uses title_vector (migration 3) for its own planner statistics.
async function findPostgres(db: SqlExecutor, terms: string[], filter: ItemFilter, limit: number, titleOnly: boolean, floor: number): Promise<number[]> {
  const conditions = filterSql(filter, 'i.id');
  const step = async (range: string, order: string): Promise<number[]> => {
    const rows = await db.all<{ id: number }>(
      `SELECT i.id FROM items i WHERE i.${titleOnly ? 'title_vector' : 'search_vector'} @@ to_tsquery('english', ?) AND ${range}${conditions.sql}
       ORDER BY ${order} LIMIT ?`,
      [terms.join(' & '), floor, ...conditions.params, limit],
    );
    return rows.map((row) => Number(row.id));
  };
  const recent = await step('i.id > ?', 'i.id DESC');
  if (recent.length >= limit || floor <= 0) return recent;
  return [...recent, ...(await step('i.id <= ?', 'i.id + 0 DESC'))].slice(0, limit);
}

import type { StoredItem } from '../../core/types.js';
import type { SearchQuery } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { placeholders } from '../sql/placeholders.js';
import { ITEM_COLUMNS, ITEM_FROM, toStoredItem, visibleTo, type ItemRow } from './item-rows.js';
import type { WorkspaceRef } from '../../core/types.js';
import { searchQuery, toFts5Query, toTsQuery } from './fts-query.js';
import type { ParsedQuery } from '../../search/parse-query.js';
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
  const terms = searchQuery(query.words);
  if (terms === null) return [];
  const limit = clampLimit(query.limit);
  const find = db.dialect === 'sqlite' ? findSqlite : findPostgres;
  const floor = db.dialect === 'sqlite' ? 0 : Number((await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM items'))?.id ?? 0) - recentItems;
  const regions = [...new Set(query.regions ?? [])];
  const titleIds = await find(db, terms, query.topic, limit, true, floor, query.workspace, regions);
  const anyIds = titleIds.length < limit ? await find(db, terms, query.topic, limit + titleIds.length, false, floor, query.workspace, regions) : [];
  const seen = new Set(titleIds);
  const ids = [...titleIds, ...anyIds.filter((id) => !seen.has(id))].slice(0, limit);
  if (ids.length === 0) return [];
  const rows = await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.id IN (${placeholders(ids.length)})`, ids);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => (byId.has(id) ? [toStoredItem(byId.get(id)!)] : []));
}

/** `search --region eu`: an indexed EXISTS on item_jurisdictions for the item id expression `id`, like the topic's. */
function regionCondition(regions: string[], id: string): { sql: string; params: SqlValue[] } {
  if (regions.length === 0) return { sql: '', params: [] };
  return { sql: `AND EXISTS (SELECT 1 FROM item_jurisdictions j WHERE j.jurisdiction IN (${placeholders(regions.length)}) AND j.item_id = ${id})`, params: regions };
}

/** The query without its exclusions: what a headline must contain to rank first. */
function wantedWords(query: ParsedQuery): ParsedQuery {
  return { ...query, groups: query.groups.map((group) => ({ include: group.include, exclude: [] })) };
}

// Terms are quoted FTS5 strings; `{title} :` restricts the wanted words to the title column,
// while exclusions still apply to title and summary alike.
async function findSqlite(db: SqlExecutor, terms: ParsedQuery, topic: string | undefined, limit: number, titleOnly: boolean, _floor: number, workspace?: WorkspaceRef, regions: string[] = []): Promise<number[]> {
  const match = titleOnly ? `({title} : (${toFts5Query(wantedWords(terms))})) AND (${toFts5Query(terms)})` : toFts5Query(terms);
  const visible = visibleTo('(SELECT vi.feed_id FROM items vi WHERE vi.id = items_fts.rowid)', workspace);
  const inRegions = regionCondition(regions, 'items_fts.rowid');
  const params: SqlValue[] = [match];
  if (topic) params.push(topic);
  params.push(...inRegions.params, ...visible.params, limit);
  const rows = await db.all<{ id: number }>(
    `SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?
     ${topic ? 'AND EXISTS (SELECT 1 FROM item_topics t WHERE t.topic = ? AND t.item_id = items_fts.rowid)' : ''}
     ${inRegions.sql}
     AND ${visible.sql}
     ORDER BY rowid DESC LIMIT ?`,
    params,
  );
  return rows.map((row) => Number(row.id));
}


// Terms contain only letters and digits (parseQuery), so toTsQuery's text is safe for
// to_tsquery. Title-only search uses title_vector (migration 3) for its own planner statistics.
async function findPostgres(db: SqlExecutor, terms: ParsedQuery, topic: string | undefined, limit: number, titleOnly: boolean, floor: number, workspace?: WorkspaceRef, regions: string[] = []): Promise<number[]> {
  const inRegions = regionCondition(regions, 'i.id');
  const step = async (range: string, order: string): Promise<number[]> => {
    const params: SqlValue[] = titleOnly ? [toTsQuery(wantedWords(terms)), toTsQuery(terms), floor] : [toTsQuery(terms), floor];
    if (topic) params.push(topic);
    const visible = visibleTo('i.feed_id', workspace);
    params.push(...inRegions.params, ...visible.params, limit);
    const match = titleOnly
      ? "i.title_vector @@ to_tsquery('english', ?) AND i.search_vector @@ to_tsquery('english', ?)"
      : "i.search_vector @@ to_tsquery('english', ?)";
    const rows = await db.all<{ id: number }>(
      `SELECT i.id FROM items i WHERE ${match} AND ${range}
       ${topic ? 'AND EXISTS (SELECT 1 FROM item_topics t WHERE t.topic = ? AND t.item_id = i.id)' : ''}
       ${inRegions.sql}
       AND ${visible.sql}
       ORDER BY ${order} LIMIT ?`,
      params,
    );
    return rows.map((row) => Number(row.id));
  };
  const recent = await step('i.id > ?', 'i.id DESC');
  if (recent.length >= limit || floor <= 0) return recent;
  return [...recent, ...(await step('i.id <= ?', 'i.id + 0 DESC'))].slice(0, limit);
}

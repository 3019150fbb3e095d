import type { StoredItem } from '../../core/types.js';
import type { SearchQuery } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { ITEM_COLUMNS, toStoredItem, type ItemRow } from './item-rows.js';
import { searchTerms, toFts5Query } from './fts-query.js';
import { clampLimit } from './limits.js';

/**
 * Only the newest this-many matches are ranked. Scoring costs a few microseconds per match, so
 * a word found in half of 100k items would otherwise blow the 3-second Slack budget; for news,
 * the best of the newest 2,000 matches is also what people want.
 */
export const SEARCH_WINDOW = 2000;

const SQLITE_SEARCH = (topic: boolean): string => `
SELECT ${ITEM_COLUMNS} FROM (
  SELECT item_id, score FROM (
    SELECT rowid AS item_id, bm25(items_fts, 2.0, 1.0) AS score FROM items_fts
    WHERE items_fts MATCH ?${topic ? ' AND rowid IN (SELECT item_id FROM item_topics WHERE topic = ?)' : ''}
    ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW}
  ) ORDER BY score, item_id DESC LIMIT ?
) m JOIN items i ON i.id = m.item_id LEFT JOIN feeds f ON f.id = i.feed_id
ORDER BY m.score, m.item_id DESC`;

const POSTGRES_SEARCH = (topic: boolean): string => `
WITH q AS (SELECT plainto_tsquery('english', ?) AS query),
window_matches AS (
  SELECT i.id, i.search_vector FROM items i, q WHERE i.search_vector @@ q.query
  ${topic ? 'AND EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND t.topic = ?)' : ''}
  ORDER BY i.id DESC LIMIT ${SEARCH_WINDOW}
),
ranked AS (
  SELECT w.id, ts_rank_cd(w.search_vector, q.query) AS score FROM window_matches w, q ORDER BY score DESC, w.id DESC LIMIT ?
)
SELECT ${ITEM_COLUMNS} FROM ranked r JOIN items i ON i.id = r.id LEFT JOIN feeds f ON f.id = i.feed_id
ORDER BY r.score DESC, r.id DESC`;

/**
 * Ranked full-text search over title (weighted higher) and summary, every word required.
 * SQLite: FTS5 bm25 over quoted terms; PostgreSQL: plainto_tsquery (which has no operator
 * syntax) against the GIN-indexed tsvector, ranked by ts_rank_cd. Ties go to the newer item.
 */
export async function searchItems(db: SqlExecutor, query: SearchQuery): Promise<StoredItem[]> {
  const terms = searchTerms(query.words);
  if (terms.length === 0) return [];
  const params: SqlValue[] = [db.dialect === 'sqlite' ? toFts5Query(terms) : terms.join(' ')];
  if (query.topic) params.push(query.topic);
  params.push(clampLimit(query.limit));
  const sql = db.dialect === 'sqlite' ? SQLITE_SEARCH(Boolean(query.topic)) : POSTGRES_SEARCH(Boolean(query.topic));
  const rows = await db.all<ItemRow>(sql, params);
  return rows.map(toStoredItem);
}

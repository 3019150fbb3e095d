import type { StoredItem } from '../../core/types.js';
import type { SearchQuery } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { ITEM_COLUMNS, toStoredItem, type ItemRow } from './item-rows.js';
import { searchTerms, toFts5Query } from './fts-query.js';
import { clampLimit } from './limits.js';

const TOPIC_FILTER = ' AND EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND t.topic = ?)';

/**
 * Ranked full-text search over title (weighted higher) and summary, every word required.
 * SQLite: FTS5 bm25 over quoted terms; PostgreSQL: plainto_tsquery (which has no operator
 * syntax) against the GIN-indexed tsvector, ranked by ts_rank_cd.
 */
export async function searchItems(db: SqlExecutor, query: SearchQuery): Promise<StoredItem[]> {
  const terms = searchTerms(query.words);
  if (terms.length === 0) return [];
  const topic = query.topic ? TOPIC_FILTER : '';
  const params: SqlValue[] = db.dialect === 'sqlite' ? [toFts5Query(terms)] : [terms.join(' ')];
  if (query.topic) params.push(query.topic);
  params.push(clampLimit(query.limit));
  const sql = db.dialect === 'sqlite'
    ? `SELECT ${ITEM_COLUMNS} FROM items_fts JOIN items i ON i.id = items_fts.rowid LEFT JOIN feeds f ON f.id = i.feed_id
       WHERE items_fts MATCH ?${topic}
       ORDER BY bm25(items_fts, 2.0, 1.0), i.first_seen_at DESC, i.id DESC LIMIT ?`
    : `SELECT ${ITEM_COLUMNS} FROM items i LEFT JOIN feeds f ON f.id = i.feed_id CROSS JOIN plainto_tsquery('english', ?) AS q
       WHERE i.search_vector @@ q${topic}
       ORDER BY ts_rank_cd(i.search_vector, q) DESC, i.first_seen_at DESC, i.id DESC LIMIT ?`;
  const rows = await db.all<ItemRow>(sql, params);
  return rows.map(toStoredItem);
}

import type { StoredItem, TopicWhy, WorkspaceRef } from '../../core/types.js';
import type { SqlValue } from '../sql/executor.js';
import { parseJson, toDate } from './json.js';

/** Columns selected for a StoredItem; `i` is items, `f` the LEFT JOINed feeds row. */
export const ITEM_COLUMNS =
  'i.id, i.feed_id, i.item_key, i.url, i.title, i.summary, i.published_at, i.first_seen_at, i.topics, i.why, i.jurisdictions, i.jurisdiction_why, i.story_id, COALESCE(f.name, i.feed_id) AS source';

/** FROM clause joining the feed for its display name. */
export const ITEM_FROM = 'items i LEFT JOIN feeds f ON f.id = i.feed_id';

/** A row as selected with ITEM_COLUMNS. */
export interface ItemRow {
  id: number;
  feed_id: string;
  item_key: string;
  url: string | null;
  title: string;
  summary: string;
  published_at: number | null;
  first_seen_at: number;
  topics: string;
  why: string;
  jurisdictions: string;
  jurisdiction_why: string;
  story_id: number | null;
  source: string;
}

/** Maps a selected row to the domain type. */
export function toStoredItem(row: ItemRow): StoredItem {
  return {
    id: Number(row.id),
    feedId: row.feed_id,
    key: row.item_key,
    url: row.url,
    title: row.title,
    summary: row.summary,
    publishedAt: toDate(row.published_at),
    firstSeenAt: new Date(Number(row.first_seen_at)),
    topics: parseJson<string[]>(row.topics, []),
    why: parseJson<TopicWhy>(row.why, {}),
    jurisdictions: parseJson<string[]>(row.jurisdictions, []),
    jurisdictionWhy: parseJson<TopicWhy>(row.jurisdiction_why, {}),
    storyId: row.story_id === null ? null : Number(row.story_id),
    source: row.source,
  };
}

/**
 * A condition keeping items a workspace may see: those of feeds.json sources and of sources that
 * workspace added from chat, never another workspace's. Without a workspace (operator views),
 * only feeds.json sources. `feedId` is the SQL expression of the item's feed id.
 */
export function visibleTo(feedId: string, workspace: WorkspaceRef | undefined): { sql: string; params: SqlValue[] } {
  const owned = `SELECT 1 FROM feeds vf WHERE vf.id = ${feedId} AND vf.owner_workspace_id IS NOT NULL`;
  if (!workspace) return { sql: `NOT EXISTS (${owned})`, params: [] };
  return { sql: `NOT EXISTS (${owned} AND NOT (vf.owner_platform = ? AND vf.owner_workspace_id = ?))`, params: [workspace.platform, workspace.workspaceId] };
}

import type { Clock } from '../../core/clock.js';
import type { FeedConfig, FeedRecord, Platform } from '../../core/types.js';
import type { FeedRepository } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';
import { initialFeedState, parseFeedState, serializeFeedState } from './feed-state.js';
import { parseJson } from './json.js';

interface FeedRow {
  id: string;
  url: string;
  name: string | null;
  topics: string;
  interval_minutes: number | null;
  enabled: number;
  state: string;
  owner_platform: string | null;
  owner_workspace_id: string | null;
}

const COLUMNS = 'id, url, name, topics, interval_minutes, enabled, state, owner_platform, owner_workspace_id';
/** Listed and polled: the feeds.json sources and every source added from chat. */
const CURRENT = '(in_config = 1 OR owner_workspace_id IS NOT NULL)';

function toFeedRecord(row: FeedRow): FeedRecord {
  const record: FeedRecord = {
    id: row.id,
    url: row.url,
    topics: parseJson<string[]>(row.topics, []),
    enabled: Number(row.enabled) === 1,
    state: parseFeedState(row.state),
  };
  if (row.name !== null) record.name = row.name;
  if (row.interval_minutes !== null) record.interval = Number(row.interval_minutes);
  if (row.owner_platform !== null && row.owner_workspace_id !== null) {
    record.owner = { platform: row.owner_platform as Platform, workspaceId: row.owner_workspace_id };
  }
  return record;
}

/**
 * Feeds and their poll state. Feeds dropped from feeds.json stay stored (their items keep a
 * source name) but are no longer listed or polled; re-adding one restores its state. Sources
 * added from chat carry their workspace as owner; feeds.json never touches them.
 */
export function createFeedRepository(db: SqlExecutor, clock: Clock): FeedRepository {
  return {
    syncConfig: (feeds: FeedConfig[]) =>
      db.transaction(async (tx) => {
        const now = clock.now().getTime();
        // Sources added from chat are never in_config: this leaves them as they are.
        await tx.run('UPDATE feeds SET in_config = 0');
        for (const feed of feeds) {
          await tx.run(
            `INSERT INTO feeds (id, url, name, topics, interval_minutes, enabled, in_config, state, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET url = excluded.url, name = excluded.name, topics = excluded.topics,
               interval_minutes = excluded.interval_minutes, enabled = excluded.enabled, in_config = 1, updated_at = excluded.updated_at`,
            [feed.id, feed.url, feed.name ?? null, JSON.stringify(feed.topics ?? []), feed.interval ?? null,
              feed.enabled === false ? 0 : 1, serializeFeedState(initialFeedState()), now, now],
          );
        }
      }),
    list: async () => (await db.all<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE ${CURRENT} ORDER BY id`)).map(toFeedRecord),
    get: async (id) => {
      const row = await db.get<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE id = ?`, [id]);
      return row ? toFeedRecord(row) : null;
    },
    updateState: (id, patch) =>
      db.transaction(async (tx) => {
        const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
        const row = await tx.get<{ state: string }>(`SELECT state FROM feeds WHERE id = ?${lock}`, [id]);
        if (!row) return;
        const state = { ...parseFeedState(row.state), ...patch };
        await tx.run('UPDATE feeds SET state = ?, next_check_at = ?, updated_at = ? WHERE id = ?', [
          serializeFeedState(state), state.nextCheckAt?.getTime() ?? null, clock.now().getTime(), id,
        ]);
      }),
    addOwned: async (feed, owner, now) => {
      const inserted = await db.run(
        `INSERT INTO feeds (id, url, name, topics, interval_minutes, enabled, in_config, state, created_at, updated_at, owner_platform, owner_workspace_id)
         VALUES (?, ?, ?, '[]', NULL, 1, 0, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [feed.id, feed.url, feed.name ?? null, serializeFeedState(initialFeedState()), now.getTime(), now.getTime(), owner.platform, owner.workspaceId],
      );
      return inserted === 1;
    },
    removeOwned: (id, owner) =>
      db.transaction(async (tx) => {
        const row = await tx.get('SELECT 1 AS found FROM feeds WHERE id = ? AND owner_platform = ? AND owner_workspace_id = ?', [id, owner.platform, owner.workspaceId]);
        if (!row) return false;
        await tx.run('DELETE FROM item_topics WHERE item_id IN (SELECT id FROM items WHERE feed_id = ?)', [id]);
        await tx.run('DELETE FROM items WHERE feed_id = ?', [id]);
        await tx.run('DELETE FROM feeds WHERE id = ?', [id]);
        return true;
      }),
    due: async (now) =>
      (await db.all<FeedRow>(
        `SELECT ${COLUMNS} FROM feeds WHERE ${CURRENT} AND enabled = 1 AND (next_check_at IS NULL OR next_check_at <= ?) ORDER BY COALESCE(next_check_at, 0), id`,
        [now.getTime()],
      )).map(toFeedRecord),
  };
}

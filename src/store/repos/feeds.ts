import type { Clock } from '../../core/clock.js';
import type { FeedConfig, FeedRecord } from '../../core/types.js';
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
}

const COLUMNS = 'id, url, name, topics, interval_minutes, enabled, state';

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
  return record;
}

/**
 * Feeds and their poll state. Feeds dropped from feeds.json stay stored (their items keep a
 * source name) but are no longer listed or polled; re-adding one restores its state.
 */
export function createFeedRepository(db: SqlExecutor, clock: Clock): FeedRepository {
  return {
    syncConfig: (feeds: FeedConfig[]) =>
      db.transaction(async (tx) => {
        const now = clock.now().getTime();
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
    list: async () => (await db.all<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE in_config = 1 ORDER BY id`)).map(toFeedRecord),
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
    due: async (now) =>
      (await db.all<FeedRow>(
        `SELECT ${COLUMNS} FROM feeds WHERE in_config = 1 AND enabled = 1 AND (next_check_at IS NULL OR next_check_at <= ?) ORDER BY COALESCE(next_check_at, 0), id`,
        [now.getTime()],
      )).map(toFeedRecord),
  };
}

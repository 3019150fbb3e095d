import type { Destination } from '../../core/types.js';
import type { WatchRepository } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';
import { DESTINATION_WHERE, destinationParams, toDestination } from './destination.js';

interface WatchRow {
  platform: string;
  workspace_id: string;
  channel_id: string;
  query: string;
}

/**
 * A channel's watches: saved queries (canonical text, src/search/parse-query.ts) whose matching
 * items the channel receives whatever their topics. The per-channel limit is checked in the same
 * transaction as the insert, so two managers typing at once cannot pass it.
 */
export function createWatchRepository(db: SqlExecutor): WatchRepository {
  return {
    add: (destination, query, now, limit) =>
      db.transaction(async (tx) => {
        const rows = await tx.all<{ query: string }>(`SELECT query FROM watches WHERE ${DESTINATION_WHERE}`, destinationParams(destination));
        if (rows.some((row) => row.query === query)) return 'exists';
        if (rows.length >= limit) return 'limit';
        await tx.run('INSERT INTO watches (platform, workspace_id, channel_id, query, created_at) VALUES (?, ?, ?, ?, ?)', [
          ...destinationParams(destination), query, now.getTime(),
        ]);
        return 'added';
      }),
    remove: (destination, query) =>
      query === 'all'
        ? db.run(`DELETE FROM watches WHERE ${DESTINATION_WHERE}`, destinationParams(destination))
        : db.run(`DELETE FROM watches WHERE ${DESTINATION_WHERE} AND query = ?`, [...destinationParams(destination), query]),
    list: async (destination: Destination) =>
      (await db.all<{ query: string }>(`SELECT query FROM watches WHERE ${DESTINATION_WHERE} ORDER BY created_at, query`, destinationParams(destination))).map(
        (row) => row.query,
      ),
    active: async () =>
      (await db.all<WatchRow>(
        `SELECT w.platform, w.workspace_id, w.channel_id, w.query FROM watches w
           JOIN subscriptions s ON s.platform = w.platform AND s.workspace_id = w.workspace_id AND s.channel_id = w.channel_id
          WHERE s.status = 'active' ORDER BY w.platform, w.workspace_id, w.channel_id, w.created_at`,
      )).map((row) => ({ destination: toDestination(row), query: row.query })),
  };
}

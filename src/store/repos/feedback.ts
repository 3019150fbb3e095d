import type { FeedbackRepository } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';
import { destinationParams } from './destination.js';

/**
 * "Not relevant" feedback: (item, topic, channel) and when, never who. The primary key makes a
 * repeated click (or a second person in the same channel) count once per channel.
 */
export function createFeedbackRepository(db: SqlExecutor): FeedbackRepository {
  return {
    recordNotRelevant: (destination, itemId, topics, now) =>
      db.transaction(async (tx) => {
        let added = 0;
        for (const topic of new Set(topics)) {
          const result = await tx.run(
            `INSERT INTO feedback (item_id, topic, platform, workspace_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (item_id, topic, platform, workspace_id, channel_id) DO NOTHING`,
            [itemId, topic, ...destinationParams(destination), now.getTime()],
          );
          added += result;
        }
        return added;
      }),
    countsByTopic: async () => {
      const rows = await db.all<{ topic: string; n: number | string }>(
        'SELECT topic, COUNT(*) AS n FROM feedback GROUP BY topic ORDER BY COUNT(*) DESC, topic',
      );
      return rows.map((row) => ({ topic: row.topic, count: Number(row.n) }));
    },
    byItem: async (limit) => {
      const rows = await db.all<{ item_id: number | string; topic: string; n: number | string; last_at: number | string }>(
        `SELECT item_id, topic, COUNT(*) AS n, MAX(created_at) AS last_at FROM feedback
         GROUP BY item_id, topic ORDER BY MAX(created_at) DESC, item_id, topic LIMIT ?`,
        [limit],
      );
      return rows.map((row) => ({ itemId: Number(row.item_id), topic: row.topic, channels: Number(row.n), lastAt: new Date(Number(row.last_at)) }));
    },
  };
}

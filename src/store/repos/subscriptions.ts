import type { Clock } from '../../core/clock.js';
import { sortRegions } from '../../core/regions.js';
import { destinationKey, type Destination, type Subscription } from '../../core/types.js';
import type { SubscriptionRepository } from '../store.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { DESTINATION_WHERE, destinationParams, wantedDestinations } from './destination.js';
import { toSubscription, type SubscriptionRow } from './subscription-rows.js';

/**
 * Channel subscriptions. Topics are a small JSON list per channel; `matching` filters active
 * subscriptions in memory, which stays cheap for the thousands of channels one install serves.
 * Removing the last topic removes the subscription, unless the channel still has watches.
 */
export function createSubscriptionRepository(db: SqlExecutor, clock: Clock): SubscriptionRepository {
  const read = async (tx: SqlExecutor, destination: Destination) => {
    const row = await tx.get<SubscriptionRow>(`SELECT * FROM subscriptions WHERE ${DESTINATION_WHERE}`, destinationParams(destination));
    return row ? toSubscription(row) : null;
  };
  const update = async (destination: Destination, set: string, params: SqlValue[]): Promise<void> => {
    await db.run(`UPDATE subscriptions SET ${set}, updated_at = ? WHERE ${DESTINATION_WHERE}`, [...params, clock.now().getTime(), ...destinationParams(destination)]);
  };
  return {
    subscribe: (destination, topics, defaults, now) =>
      db.transaction(async (tx) => {
        const existing = await read(tx, destination);
        if (!existing) {
          await tx.run(
            `INSERT INTO subscriptions (platform, workspace_id, channel_id, topics, digest_enabled, digest_weekday, digest_time,
               digest_time_zone, status, paused_reason, last_digest_at, is_admin, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, NULL, 0, ?, ?)`,
            [...destinationParams(destination), JSON.stringify([...new Set(topics)]), defaults.enabled ? 1 : 0,
              defaults.weekday, defaults.time, defaults.timeZone, now.getTime(), now.getTime()],
          );
        } else {
          const merged = [...new Set([...existing.topics, ...topics])];
          await tx.run(`UPDATE subscriptions SET topics = ?, updated_at = ? WHERE ${DESTINATION_WHERE}`, [JSON.stringify(merged), now.getTime(), ...destinationParams(destination)]);
        }
        return (await read(tx, destination))!;
      }),
    unsubscribe: (destination, topics) =>
      db.transaction(async (tx) => {
        const existing = await read(tx, destination);
        if (!existing) return null;
        const remaining = topics === 'all' ? [] : existing.topics.filter((topic) => !topics.includes(topic));
        const watched = topics !== 'all' && (await tx.get(`SELECT 1 AS found FROM watches WHERE ${DESTINATION_WHERE} LIMIT 1`, destinationParams(destination)));
        if (remaining.length === 0 && !watched) {
          for (const table of ['subscriptions', 'watches', 'mutes']) {
            await tx.run(`DELETE FROM ${table} WHERE ${DESTINATION_WHERE}`, destinationParams(destination));
          }
          return null;
        }
        await tx.run(`UPDATE subscriptions SET topics = ?, updated_at = ? WHERE ${DESTINATION_WHERE}`, [JSON.stringify(remaining), clock.now().getTime(), ...destinationParams(destination)]);
        return read(tx, destination);
      }),
    get: (destination) => read(db, destination),
    getMany: async (destinations) => {
      const found = new Map<string, Subscription>();
      for (const { cte, params } of wantedDestinations(destinations)) {
        const sql = `WITH ${cte} SELECT s.* FROM wanted w
          JOIN subscriptions s ON s.platform = w.platform AND s.workspace_id = w.workspace_id AND s.channel_id = w.channel_id`;
        for (const row of await db.all<SubscriptionRow>(sql, params)) {
          const subscription = toSubscription(row);
          found.set(destinationKey(subscription.destination), subscription);
        }
      }
      return found;
    },
    list: async (filter = {}) => {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (filter.platform) {
        where.push('platform = ?');
        params.push(filter.platform);
      }
      if (filter.workspaceId) {
        where.push('workspace_id = ?');
        params.push(filter.workspaceId);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const rows = await db.all<SubscriptionRow>(`SELECT * FROM subscriptions ${clause} ORDER BY platform, workspace_id, channel_id`, params);
      return rows.map(toSubscription);
    },
    matching: async (topics) => {
      const wanted = new Set(topics);
      const rows = await db.all<SubscriptionRow>("SELECT * FROM subscriptions WHERE status = 'active' ORDER BY platform, workspace_id, channel_id");
      return rows.map(toSubscription).filter((sub) => sub.topics.some((topic) => wanted.has(topic)));
    },
    pause: (destination, reason) => update(destination, "status = 'paused', paused_reason = ?", [reason]),
    resume: (destination) => update(destination, "status = 'active', paused_reason = NULL", []),
    setDigest: (destination, schedule) =>
      update(destination, 'digest_enabled = ?, digest_weekday = ?, digest_time = ?, digest_time_zone = ?', [
        schedule.enabled ? 1 : 0, schedule.weekday, schedule.time, schedule.timeZone,
      ]),
    markDigestSent: (destination, at) => update(destination, 'last_digest_at = ?', [at.getTime()]),
    setAdmin: (destination, isAdmin) => update(destination, 'is_admin = ?', [isAdmin ? 1 : 0]),
    setQuiet: (destination, quiet) => update(destination, 'quiet = ?', [quiet === null ? null : JSON.stringify(quiet)]),
    setRegionFilter: (destination, filter) =>
      update(destination, 'regions = ?, region_strict = ?', [JSON.stringify(sortRegions(filter.regions)), filter.strict ? 1 : 0]),
  };
}

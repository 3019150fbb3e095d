import type { QuietHours, Subscription } from '../../core/types.js';
import { toDestination } from './destination.js';
import { parseJson, toDate } from './json.js';

/** A subscriptions row. */
export interface SubscriptionRow {
  platform: string;
  workspace_id: string;
  channel_id: string;
  topics: string;
  digest_enabled: number;
  digest_weekday: number;
  digest_time: string;
  digest_time_zone: string;
  status: string;
  paused_reason: string | null;
  last_digest_at: number | null;
  is_admin: number;
  created_at: number;
  regions: string;
  region_strict: number;
  /** JSON QuietHours or NULL (migration 8). */
  quiet?: string | null;
}

/** Maps a row to the domain type. */
export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    destination: toDestination(row),
    topics: parseJson<string[]>(row.topics, []),
    digest: {
      enabled: Number(row.digest_enabled) === 1,
      weekday: Number(row.digest_weekday),
      time: row.digest_time,
      timeZone: row.digest_time_zone,
    },
    status: row.status === 'paused' ? 'paused' : 'active',
    pausedReason: row.paused_reason,
    lastDigestAt: toDate(row.last_digest_at),
    createdAt: new Date(Number(row.created_at)),
    isAdmin: Number(row.is_admin) === 1,
    regionFilter: { regions: parseJson<string[]>(row.regions, []), strict: Number(row.region_strict) === 1 },
    quiet: parseJson<QuietHours | null>(row.quiet, null),
  };
}

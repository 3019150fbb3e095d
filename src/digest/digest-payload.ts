import { destinationKey, type Destination } from '../core/types.js';

/** What a 'digest' outbox row carries: the period it covers, fixed when it was enqueued. */
export interface DigestPayload {
  since: string;
  until: string;
}

/** One digest per (channel, scheduled period): restarts, replicas and retries never send two. */
export function digestDedupKey(destination: Destination, periodStart: Date): string {
  return `digest:${destinationKey(destination)}:${periodStart.toISOString()}`;
}

/** `digest now` is a deliberate extra digest: its key is unique to the request. */
export function digestNowDedupKey(destination: Destination, now: Date, nonce: string): string {
  return `digest:${destinationKey(destination)}:now:${now.toISOString()}:${nonce}`;
}

/** The period of a digest payload, or null when malformed. */
export function readDigestPayload(payload: unknown): { since: Date; until: Date } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { since, until } = payload as Record<string, unknown>;
  if (typeof since !== 'string' || typeof until !== 'string') return null;
  const period = { since: new Date(since), until: new Date(until) };
  return Number.isNaN(period.since.getTime()) || Number.isNaN(period.until.getTime()) ? null : period;
}

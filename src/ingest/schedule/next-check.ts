/**
 * When to poll a feed next (docs/ingestion.md R8, R10, R11). Success: clamp(max(configured interval,
 * RSS <ttl>, Cache-Control max-age, Retry-After)) plus a per-URL phase offset. Failure: exponential
 * backoff from the interval, doubling per consecutive failure, with jitter, capped at 24 h, but
 * never earlier than a server's Retry-After.
 */
import { urlSlot } from './url-slot.js';

const MINUTE = 60_000;
/** Upper bound for any delay: a feed is looked at at least once a day. */
export const MAX_DELAY_MS = 24 * 60 * MINUTE;
/** Lower bound: nobody needs a feed more often than every 5 minutes, and publishers notice. */
export const MIN_DELAY_MS = 5 * MINUTE;
/** Failure jitter adds up to this fraction of the delay; also the phase tolerance. */
const JITTER_FRACTION = 0.1;

/** What the feed and the server said about polling frequency. */
export interface ScheduleHints {
  intervalMinutes: number;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number | null;
  retryAfterMs?: number | null;
}

const clamp = (ms: number): number => Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, ms));

/** The polling period after a success: clamp(max(interval, ttl, max-age, Retry-After)). */
export function successPeriodMs(hints: ScheduleHints): number {
  return clamp(
    Math.max(
      hints.intervalMinutes * MINUTE,
      (hints.ttlMinutes ?? 0) * MINUTE,
      (hints.maxAgeSeconds ?? 0) * 1000,
      hints.retryAfterMs ?? 0,
    ),
  );
}

/**
 * Delay after a successful (or not-modified) poll. Each URL owns a phase within the period
 * (its hash slot), and the next check lands on the first phase point at least one period away
 * (less a small tolerance for tick lateness). So feeds added together spread over the whole
 * period after their first poll, and from then on each is polled exactly once per period.
 */
export function successDelayMs(url: string, hints: ScheduleHints, now: Date): number {
  const period = successPeriodMs(hints);
  // A poll runs up to one tick (30 s) plus its own duration after its phase point.
  const tolerance = Math.min(period * JITTER_FRACTION, 5 * MINUTE);
  const earliest = now.getTime() + period - tolerance;
  const phase = Math.floor(urlSlot(url) * period);
  const offset = (((phase - earliest) % period) + period) % period;
  return Math.min(MAX_DELAY_MS, Math.max(period - tolerance + offset, hints.retryAfterMs ?? 0));
}

/** Delay after the n-th consecutive failure (n >= 1), jitter included. */
export function failureDelayMs(url: string, consecutiveFailures: number, hints: ScheduleHints): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const backoff = clamp(hints.intervalMinutes * MINUTE * 2 ** exponent);
  // Failure jitter changes with the attempt number so retries of many feeds do not march in step.
  const jittered = backoff + Math.floor(backoff * JITTER_FRACTION * urlSlot(url, String(consecutiveFailures)));
  return Math.min(MAX_DELAY_MS, Math.max(jittered, hints.retryAfterMs ?? 0));
}

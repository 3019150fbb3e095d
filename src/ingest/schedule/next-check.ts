/**
 * When to poll a feed next (FEEDS.md F8, F10, F11). Success: clamp(max(configured interval,
 * RSS <ttl>, Cache-Control max-age, Retry-After)) plus per-URL jitter. Failure: exponential
 * backoff from the interval, doubling per consecutive failure, with jitter, capped at 24 h, but
 * never earlier than a server's Retry-After.
 */
import { urlSlot } from './url-slot.js';

const MINUTE = 60_000;
/** Upper bound for any delay: a feed is looked at at least once a day. */
export const MAX_DELAY_MS = 24 * 60 * MINUTE;
/** Lower bound: nobody needs a feed more often than every 5 minutes, and publishers notice. */
export const MIN_DELAY_MS = 5 * MINUTE;
/** Jitter adds up to this fraction of the delay, chosen by the URL's slot. */
const JITTER_FRACTION = 0.1;

/** What the feed and the server said about polling frequency. */
export interface ScheduleHints {
  intervalMinutes: number;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number | null;
  retryAfterMs?: number | null;
}

const clamp = (ms: number): number => Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, ms));

/** Delay after a successful (or not-modified) poll, jitter included. */
export function successDelayMs(url: string, hints: ScheduleHints): number {
  const base = clamp(
    Math.max(
      hints.intervalMinutes * MINUTE,
      (hints.ttlMinutes ?? 0) * MINUTE,
      (hints.maxAgeSeconds ?? 0) * 1000,
      hints.retryAfterMs ?? 0,
    ),
  );
  return Math.min(MAX_DELAY_MS, base + Math.floor(base * JITTER_FRACTION * urlSlot(url)));
}

/** Delay after the n-th consecutive failure (n >= 1), jitter included. */
export function failureDelayMs(url: string, consecutiveFailures: number, hints: ScheduleHints): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const backoff = clamp(hints.intervalMinutes * MINUTE * 2 ** exponent);
  // Failure jitter changes with the attempt number so retries of many feeds do not march in step.
  const jittered = backoff + Math.floor(backoff * JITTER_FRACTION * urlSlot(url, String(consecutiveFailures)));
  return Math.min(MAX_DELAY_MS, Math.max(jittered, hints.retryAfterMs ?? 0));
}

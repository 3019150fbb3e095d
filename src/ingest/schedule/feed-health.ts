/**
 * Feed health transitions (docs/ingestion.md R10): ok after any success; failing once consecutive
 * failures reach the threshold, with exactly one admin notice per failing episode.
 */
import type { FeedError, FeedState } from '../../core/types.js';

/** Consecutive failures after which a feed is `failing` and admins hear about it. */
export const FAILING_THRESHOLD = 3;

/** State patch after a successful or not-modified poll. */
export function successPatch(now: Date, nextCheckAt: Date): Partial<FeedState> {
  return {
    health: 'ok',
    consecutiveFailures: 0,
    lastCheckAt: now,
    lastSuccessAt: now,
    nextCheckAt,
    // A new episode may start later; this one is over.
    failingNoticeAt: null,
  };
}

/**
 * State patch after a failed poll, and whether this failure should notify admins. The caller
 * sets failingNoticeAt once the notice was actually handed over, so a failed notice is retried.
 */
export function failurePatch(state: FeedState, error: FeedError, now: Date, nextCheckAt: Date): { patch: Partial<FeedState>; notify: boolean } {
  const consecutiveFailures = state.consecutiveFailures + 1;
  const failing = consecutiveFailures >= FAILING_THRESHOLD;
  const notify = failing && state.failingNoticeAt === null;
  return {
    patch: {
      health: failing ? 'failing' : state.health,
      consecutiveFailures,
      lastError: error,
      lastErrorAt: now,
      lastCheckAt: now,
      nextCheckAt,
    },
    notify,
  };
}

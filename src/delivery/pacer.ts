/**
 * Per-channel pacing in memory: a channel may get its next message only after its interval,
 * or after the Retry-After of its last 429. Reserving is synchronous, so concurrent runOnce
 * calls in one process never post two messages to one channel inside the interval.
 */
export interface Pacer {
  /** Takes the channel's next slot if it is free at `now` (returns null); else the time it frees. */
  reserve(key: string, now: Date, intervalMs: number): Date | null;
  /** Holds the channel until `until` (429 Retry-After). */
  hold(key: string, until: Date): void;
}

/** Creates an empty pacer. */
export function createPacer(): Pacer {
  const nextAt = new Map<string, number>();
  return {
    reserve(key, now, intervalMs) {
      const next = nextAt.get(key) ?? 0;
      if (next > now.getTime()) return new Date(next);
      nextAt.set(key, now.getTime() + intervalMs);
      return null;
    },
    hold(key, until) {
      nextAt.set(key, Math.max(nextAt.get(key) ?? 0, until.getTime()));
    },
  };
}

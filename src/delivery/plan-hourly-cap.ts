import type { OutboxRow } from '../store/store.js';

/** Kinds counted against a channel's hourly cap; digests, notices and rollups are not. */
export const CAPPED_KINDS: ReadonlySet<string> = new Set(['item', 'story_update']);

/**
 * Splits a channel's capped rows into those sent one by one and those rolled up into one
 * message, so the channel gets at most `budget` posts: budget - 1 items plus the rollup.
 */
export function planHourlyCap(rows: readonly OutboxRow[], budget: number): { send: OutboxRow[]; rollUp: OutboxRow[] } {
  if (rows.length <= budget) return { send: [...rows], rollUp: [] };
  const keep = Math.max(0, budget - 1);
  return { send: rows.slice(0, keep), rollUp: rows.slice(keep) };
}

/** The start of the next UTC hour: when a channel whose rollup is already out may roll up again. */
export function nextHour(now: Date): Date {
  const next = new Date(now.getTime());
  next.setUTCMinutes(60, 0, 0);
  return next;
}

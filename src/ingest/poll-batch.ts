import type { FeedState, NormalizedItem, StoredItem } from '../core/types.js';

/** Most new items one poll takes from a feed; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 500;

/** The new items one poll takes, and what it left for the next poll. */
export interface PollBatch {
  items: NormalizedItem[];
  /** New items not taken (all older than, or as old as, every dated item taken; or undated). */
  leftOut: number;
  /** Publication time (ms) of the oldest dated item taken; null when none was dated. */
  oldestTaken: number | null;
}

/**
 * Keeps the items whose key is not stored yet (first occurrence of a repeated key), newest
 * first (dated items by date, then undated ones, each in document order), at most `cap`.
 */
export function selectNewItems(items: readonly NormalizedItem[], known: ReadonlySet<string>, cap: number): PollBatch {
  const seen = new Set(known);
  const fresh = items.filter((item) => !seen.has(item.key) && Boolean(seen.add(item.key)));
  // Array.prototype.sort is stable: equal dates (and all undated items) keep document order.
  const ordered = fresh
    .map((item, order) => ({ item, order, time: item.publishedAt?.getTime() ?? null }))
    .sort((a, b) => (a.time === null ? (b.time === null ? a.order - b.order : 1) : b.time === null ? -1 : b.time - a.time || a.order - b.order));
  const taken = ordered.slice(0, Math.max(0, cap));
  const dated = taken.flatMap((entry) => (entry.time === null ? [] : [entry.time]));
  return { items: taken.map((entry) => entry.item), leftOut: fresh.length - taken.length, oldestTaken: dated.length ? Math.min(...dated) : null };
}

/**
 * Which of a poll's stored items are posted, and the feed's first-poll state after the poll.
 * A feed past its first poll posts everything new. Its first poll records the backlog and posts
 * only the newest `backfill` items. When that first poll was capped, the feed stays in its
 * backlog until a poll takes everything that is new: meanwhile only items dated after the
 * oldest one the first poll took are posted, because every item the cap left out is at most
 * that old (or undated), and must never be posted.
 */
export function planPosting(state: FeedState, stored: StoredItem[], batch: PollBatch, backfill: number): { posted: StoredItem[]; patch: Partial<FeedState> } {
  const finished: Partial<FeedState> = { initialized: true, backlog: null };
  if (state.initialized) return { posted: stored, patch: finished };
  if (!state.backlog) {
    return { posted: newest(stored, backfill), patch: batch.leftOut === 0 ? finished : { backlog: { before: batch.oldestTaken } } };
  }
  const before = state.backlog.before;
  const posted = stored.filter((item) => item.publishedAt !== null && (before === null || item.publishedAt.getTime() > before));
  return { posted, patch: batch.leftOut === 0 ? finished : {} };
}

function newest(items: StoredItem[], count: number): StoredItem[] {
  if (count <= 0) return [];
  return [...items]
    .sort((a, b) => (b.publishedAt ?? b.firstSeenAt).getTime() - (a.publishedAt ?? a.firstSeenAt).getTime())
    .slice(0, count);
}

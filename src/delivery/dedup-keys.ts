import { destinationKey, type Destination } from '../core/types.js';

/** One row per (destination, item): enqueueing the same item twice is a no-op. */
export function itemDedupKey(destination: Destination, itemId: number): string {
  return `item:${destinationKey(destination)}:${itemId}`;
}

/** At most one thread reply per source per story in a destination, so a story's thread stays readable. */
export function storyDedupKey(destination: Destination, storyId: number, source: string): string {
  return `story:${destinationKey(destination)}:${storyId}:${source}`;
}

/** At most one rollup per destination per clock hour (UTC), across replicas. */
export function rollupDedupKey(destination: Destination, at: Date): string {
  return `rollup:${destinationKey(destination)}:${at.toISOString().slice(0, 13)}`;
}

/** One admin notice per destination per key (the caller's episode key, or the time). */
export function noticeDedupKey(destination: Destination, key: string): string {
  return `notice:${destinationKey(destination)}:${key}`;
}

/** Largest page any list query returns; protects the store from `--limit 99999999`. */
export const MAX_LIMIT = 1000;

/** A positive integer limit no larger than MAX_LIMIT (bad values become 10). */
export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit) || limit < 1) return 10;
  return Math.min(Math.floor(limit), MAX_LIMIT);
}

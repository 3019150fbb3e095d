/** Parses a JSON column written by this store; a damaged value falls back instead of throwing. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Epoch milliseconds to Date, keeping null. */
export function toDate(ms: number | null | undefined): Date | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms));
}

/** Date to epoch milliseconds, keeping null. */
export function toMs(date: Date | null | undefined): number | null {
  return date ? date.getTime() : null;
}

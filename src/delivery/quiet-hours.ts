/**
 * Quiet hours: while a channel's window is on, its item posts are held in the outbox (released
 * claims, due when the window ends) and then posted as ONE roll-up message, never one by one and
 * never dropped. Digests and notices are not held. Times are wall-clock in the window's zone.
 */
import type { Destination, QuietHours } from '../core/types.js';
import { addDays, fromWallTime, toWallTime } from '../digest/zoned-time.js';
import type { OutboxRow, Store } from '../store/store.js';
import { destinationKey } from './destination-key.js';
import { payloadItemId, type RollupPayload } from './payloads.js';

/** Starts the last error of a held row; how the dispatcher and `quiet off` find held rows. */
export const QUIET_HOLD_NOTE = 'quiet hours: held until';

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** True when the instant falls inside the quiet window (or on a weekend day when `weekends`). */
export function isQuietAt(quiet: QuietHours, at: Date): boolean {
  const wall = toWallTime(at, quiet.timeZone);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  if (quiet.weekends && (weekday === 0 || weekday === 6)) return true;
  const now = wall.hour * 60 + wall.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When the quiet period around `now` ends, or null when `now` is not quiet. Quiet can only end
 * at a day's end time or at midnight (a weekend ending), so those instants over the next four
 * days are the candidates; the first one that is not quiet is the end.
 */
export function quietUntil(quiet: QuietHours, now: Date): Date | null {
  if (!isQuietAt(quiet, now)) return null;
  const today = toWallTime(now, quiet.timeZone);
  const [endHour = 0, endMinute = 0] = quiet.end.split(':').map(Number);
  const candidates: Date[] = [];
  for (let day = 0; day <= 4; day += 1) {
    const date = addDays(today, day);
    candidates.push(fromWallTime({ ...date, hour: endHour, minute: endMinute }, quiet.timeZone));
    candidates.push(fromWallTime({ ...date, hour: 0, minute: 0 }, quiet.timeZone));
  }
  const ends = candidates.filter((candidate) => candidate.getTime() > now.getTime()).sort((a, b) => a.getTime() - b.getTime());
  return ends.find((candidate) => !isQuietAt(quiet, candidate)) ?? null;
}

/** The note a held row carries (its last error), naming when it will be released. */
export function holdNote(until: Date): string {
  return `${QUIET_HOLD_NOTE} ${until.toISOString()}`;
}

/** True for a row held by quiet hours. */
export function isHeld(row: OutboxRow): boolean {
  return row.lastError?.startsWith(QUIET_HOLD_NOTE) === true && (row.kind === 'item' || row.kind === 'story_update');
}

/** The channel's held rows still waiting in the outbox (not claimed by anyone). */
export async function heldRows(store: Store, destination: Destination): Promise<OutboxRow[]> {
  return (await store.outbox.list({ destination, status: 'failed' })).filter(isHeld);
}

/**
 * Replaces held rows with one 'rollup' row ("N items arrived during quiet hours") and marks them
 * dead as rolled up. Returns how many items the roll-up carries (0: nothing was held).
 */
export async function releaseHeld(store: Store, destination: Destination, rows: OutboxRow[], now: Date): Promise<number> {
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()].sort((a, b) => a.id - b.id);
  const itemIds = [...new Set(unique.map((row) => payloadItemId(row.payload)).filter((id): id is number => id !== null))];
  if (unique.length === 0) return 0;
  const dedupKey = `quiet:${destinationKey(destination)}:${unique[0]!.id}`;
  const payload: RollupPayload = { itemIds, reason: 'quiet' };
  await store.transaction(async (tx) => {
    await tx.outbox.enqueue([{ dedupKey, destination, kind: 'rollup', payload }], now);
    for (const row of unique) await tx.outbox.markDead(row.id, `rolled_up: ${dedupKey}`);
  });
  return itemIds.length;
}

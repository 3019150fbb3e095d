import type { DigestSchedule, Subscription } from '../core/types.js';
import { addDays, fromWallTime, isValidTimeZone, toWallTime } from './zoned-time.js';

/** The default digest: Monday 09:00 in DIGEST_TIMEZONE (else UTC), docs/digests.md. */
export function defaultDigestSchedule(timeZone?: string): DigestSchedule {
  return { enabled: true, weekday: 1, time: '09:00', timeZone: timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC' };
}

function parseTime(time: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** Null when the stored schedule cannot be computed (bad time, weekday or zone). */
function slotFinder(schedule: DigestSchedule) {
  const time = parseTime(schedule.time);
  if (!time || !Number.isInteger(schedule.weekday) || schedule.weekday < 0 || schedule.weekday > 6) return null;
  if (!isValidTimeZone(schedule.timeZone)) return null;
  return (reference: Date, dayOffsets: number[], accept: (slot: Date) => boolean): Date | null => {
    const today = toWallTime(reference, schedule.timeZone);
    for (const offset of dayOffsets) {
      const day = addDays(today, offset);
      if (day.weekday !== schedule.weekday) continue;
      const slot = fromWallTime({ ...day, ...time }, schedule.timeZone);
      if (accept(slot)) return slot;
    }
    return null;
  };
}

const FORWARD = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const BACKWARD = [0, -1, -2, -3, -4, -5, -6, -7, -8];

/** The first scheduled digest time strictly after `after`; null for an unusable schedule. */
export function nextDigestAt(schedule: DigestSchedule, after: Date): Date | null {
  return slotFinder(schedule)?.(after, FORWARD, (slot) => slot.getTime() > after.getTime()) ?? null;
}

/** The latest scheduled digest time at or before `at`; null for an unusable schedule. */
export function previousDigestAt(schedule: DigestSchedule, at: Date): Date | null {
  return slotFinder(schedule)?.(at, BACKWARD, (slot) => slot.getTime() <= at.getTime()) ?? null;
}

/** A digest that should be sent now: the channel and the scheduled time it is for. */
export interface DueDigest {
  subscription: Subscription;
  /** The scheduled time this digest is for; identifies the period in the dedup key. */
  periodStart: Date;
}

/** How late a missed digest may still go out (after downtime); later ones are skipped. */
export const DEFAULT_MAX_LATENESS_MS = 3 * 24 * 3600_000;

/**
 * Active subscriptions with digests on whose latest scheduled time has passed and that have had
 * no digest since (a channel subscribed after that time waits for the next one).
 */
export function dueDigests(subscriptions: Subscription[], now: Date, maxLatenessMs = DEFAULT_MAX_LATENESS_MS): DueDigest[] {
  const due: DueDigest[] = [];
  for (const subscription of subscriptions) {
    if (subscription.status !== 'active' || !subscription.digest.enabled) continue;
    const slot = previousDigestAt(subscription.digest, now);
    if (!slot || now.getTime() - slot.getTime() > maxLatenessMs) continue;
    const since = subscription.lastDigestAt ?? subscription.createdAt;
    if (since.getTime() < slot.getTime()) due.push({ subscription, periodStart: slot });
  }
  return due;
}

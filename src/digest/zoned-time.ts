/**
 * Wall-clock time in IANA zones with Intl.DateTimeFormat only (no date library): what a user
 * means by "Monday 09:00 Europe/Berlin", across daylight-saving changes.
 */

/** A calendar date and wall-clock time in some zone (month 1-12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a zone (seconds dropped). */
export function toWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** Zone offset in ms at an instant (local wall time minus UTC). */
function offsetAt(instantMs: number, timeZone: string): number {
  const floored = Math.floor(instantMs / 60_000) * 60_000;
  return wallMs(toWallTime(new Date(floored), timeZone)) - floored;
}

/**
 * The instant a wall-clock time happens in a zone. When the clock goes back and the time occurs
 * twice, the first occurrence wins (one digest, not two); when it goes forward and the time does
 * not exist, the instant the gap moves it to (02:30 becomes 03:30).
 */
export function fromWallTime(wall: WallTime, timeZone: string): Date {
  const target = wallMs(wall);
  // DST changes move the offset at most once within a day; the offsets 12 h either side cover it.
  const before = target - offsetAt(target - 12 * 3600_000, timeZone);
  const after = target - offsetAt(target + 12 * 3600_000, timeZone);
  const valid = [before, after].filter((candidate) => wallMs(toWallTime(new Date(candidate), timeZone)) === target);
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}

/** The calendar date `days` after the given one (negative goes back), with its weekday (0 = Sunday). */
export function addDays(wall: WallTime, days: number): WallTime & { weekday: number } {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: wall.hour,
    minute: wall.minute,
    weekday: date.getUTCDay(),
  };
}

/**
 * Times as people read them in replies and posts: "Mon 1 Dec, 09:00 UTC", never an ISO
 * timestamp. The zone is named so a reader in another zone knows what the time means.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function zoneOrUtc(timeZone: string): string {
  try {
    formatFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "Mon 1 Dec, 09:00 UTC" (the zone's short name; UTC when the zone is unknown). */
export function formatHumanTime(date: Date, timeZone = 'UTC'): string {
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const parts = Object.fromEntries(formatFor(zoneOrUtc(timeZone)).formatToParts(date).map((part) => [part.type, part.value]));
  const zone = parts.timeZoneName === 'GMT' ? 'UTC' : parts.timeZoneName;
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute} ${zone}`;
}

/** "20:05" (with the day, "Tue 2 Dec, 20:05 UTC", when it is not the same day as `now`). */
export function formatHumanTimeNear(date: Date, now: Date, timeZone = 'UTC'): string {
  const full = formatHumanTime(date, timeZone);
  const sameDay = formatHumanTime(now, timeZone).split(',')[0] === full.split(',')[0];
  return sameDay ? full.split(', ')[1]! : full;
}

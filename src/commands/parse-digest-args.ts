/** What `digest ...` asks for, validated (day, time and zone) but not yet applied. */
export type DigestRequest =
  | { action: 'show' | 'on' | 'off' | 'preview' | 'now' }
  | { action: 'weekly'; weekday: number; time: string; timeZone: string | null };

/** A rejected `digest ...`: what was wrong, for the reply. */
export interface DigestArgsProblem {
  problem: string;
}

/** The example every bad digest reply shows (docs/commands.md). */
export const DIGEST_EXAMPLE = 'digest weekly mon 09:00 America/New_York';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 0 = Sunday ... 6 = Saturday; accepts `mon`, `Monday`, `tues`, `thurs`, `weds` (unique prefixes of 2+ letters). */
export function parseWeekday(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower === 'weds') return 3;
  if (lower.length < 2) return null;
  const matches = DAYS.flatMap((day, index) => (day.startsWith(lower) ? [index] : []));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** "9:05" -> "09:05"; null unless a valid 24-hour time. */
export function parseTime(word: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word);
  if (!match) return null;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? '00'}`;
}

/**
 * The canonical IANA name for a zone (`europe/berlin` -> `Europe/Berlin`), or null. Intl is the
 * authority; raw UTC offsets are refused because they ignore daylight-saving changes.
 */
export function parseTimeZone(word: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(word)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: word }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Parses the words after `digest`. */
export function parseDigestArgs(words: readonly string[]): DigestRequest | DigestArgsProblem {
  const [first, ...rest] = words.map((word) => word.trim()).filter(Boolean);
  if (first === undefined) return { action: 'show' };
  const action = first.toLowerCase();
  if (action === 'on' || action === 'off' || action === 'preview' || action === 'now') {
    return rest.length === 0 ? { action } : { problem: `\`digest ${action}\` takes no more words (got "${rest.join(' ')}")` };
  }
  if (action !== 'weekly') {
    return { problem: `"${first}" is not a digest option: use on, off, preview, now or weekly` };
  }
  const [day, time, zone, ...extra] = rest;
  if (day === undefined) return { problem: 'the day is missing' };
  const weekday = parseWeekday(day);
  if (weekday === null) return { problem: `"${day}" is not a day of the week: use mon, tue, wed, thu, fri, sat or sun` };
  if (time === undefined) return { problem: 'the time is missing' };
  const parsedTime = parseTime(time);
  if (parsedTime === null) return { problem: `"${time}" is not a time: use 24-hour HH:MM, e.g. 09:00 or 16:30` };
  if (extra.length > 0) return { problem: `unexpected words after the time zone: "${extra.join(' ')}"` };
  if (zone === undefined) return { action: 'weekly', weekday, time: parsedTime, timeZone: null };
  const timeZone = parseTimeZone(zone);
  if (timeZone === null) return { problem: `"${zone}" is not an IANA time zone (like Europe/Berlin or America/New_York)` };
  return { action: 'weekly', weekday, time: parsedTime, timeZone };
}

/** "mon" for 1, for replies. */
export function weekdayName(weekday: number): string {
  const day = DAYS[weekday] ?? 'monday';
  return day.charAt(0).toUpperCase() + day.slice(1);
}

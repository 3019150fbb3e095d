import { parseTime, parseTimeZone } from './parse-digest-args.js';

/** What `quiet ...` asks for, validated but not yet applied. */
export type QuietRequest =
  | { action: 'show' | 'off' }
  | { action: 'set'; start: string; end: string; weekends: boolean; timeZone: string | null };

/** The example every bad `quiet` reply shows (docs/commands.md). */
export const QUIET_EXAMPLE = 'quiet 22:00-07:00 weekends Europe/Berlin';

/** Parses the words after `quiet`: `<HH:MM>-<HH:MM> [weekends] [zone]`, `off`, or nothing (show). */
export function parseQuietArgs(words: readonly string[]): QuietRequest | { problem: string } {
  const text = words.join(' ').trim();
  if (text === '') return { action: 'show' };
  if (/^off$/i.test(text)) return { action: 'off' };
  const window = /^(\S+?)\s*(?:-|–|to)\s*(\S+?)(?:\s+(.*))?$/i.exec(text);
  if (!window) return { problem: `"${text}" is not a time window: give start and end as HH:MM-HH:MM` };
  const [, from = '', to = '', rest = ''] = window;
  const start = parseTime(from);
  if (start === null) return { problem: `"${from}" is not a time: use 24-hour HH:MM, from 00:00 to 23:59` };
  const end = parseTime(to);
  if (end === null) return { problem: `"${to}" is not a time: use 24-hour HH:MM, from 00:00 to 23:59` };
  if (start === end) return { problem: `the window starts and ends at ${start}: give two different times` };
  let weekends = false;
  let timeZone: string | null = null;
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    if (/^weekends?$/i.test(word) && !weekends) weekends = true;
    else if (timeZone === null && parseTimeZone(word) !== null) timeZone = parseTimeZone(word);
    else return { problem: `"${word}" is neither \`weekends\` nor an IANA time zone (like Europe/Berlin)` };
  }
  return { action: 'set', start, end, weekends, timeZone };
}

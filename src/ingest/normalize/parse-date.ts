/**
 * Publisher dates that never throw (docs/ingestion.md R18): RFC 822 variants (RSS), RFC 3339 (Atom, JSON
 * Feed), ISO without a zone (read as UTC), localised month/day names. Unparsable -> null (the
 * first-seen time is used for ordering); more than a day in the future -> clamped to now.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

// Month names seen in Portuguese, Spanish, French, German and Italian feeds (first 3 letters).
const MONTHS: Record<string, string> = {
  jan: 'Jan', ene: 'Jan', gen: 'Jan', janv: 'Jan', fev: 'Feb', fév: 'Feb', feb: 'Feb', fevr: 'Feb',
  mar: 'Mar', mär: 'Mar', abr: 'Apr', avr: 'Apr', apr: 'Apr', mai: 'May', may: 'May', mag: 'May',
  jun: 'Jun', jui: 'Jul', giu: 'Jun', jul: 'Jul', lug: 'Jul', ago: 'Aug', aoû: 'Aug', aou: 'Aug',
  aug: 'Aug', set: 'Sep', sep: 'Sep', sept: 'Sep', out: 'Oct', oct: 'Oct', okt: 'Oct', ott: 'Oct',
  nov: 'Nov', dez: 'Dec', dic: 'Dec', déc: 'Dec', dec: 'Dec',
};

/** Rewrites "Seg, 24 Set 2018 10:00:00 -0300" into something Date.parse understands. */
function englishRfc822(value: string): string {
  const withoutWeekday = value.replace(/^\s*[\p{L}.]+,?\s+(?=\d)/u, '');
  return withoutWeekday.replace(/(\d{1,2})\s+([\p{L}]+)\.?\s+(\d{2,4})/u, (whole, day: string, month: string, year: string) => {
    const key = month.toLowerCase();
    const english = MONTHS[key] ?? MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)];
    return english ? `${day} ${english} ${year}` : whole;
  });
}

function parseOnce(value: string): number {
  // ISO 8601 date-time without a zone: ECMAScript would read it as local time; feeds mean UTC.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) {
    return Date.parse(`${value.replace(' ', 'T')}Z`);
  }
  return Date.parse(value);
}

/** Parses a feed date; null when absent or unparsable. Never throws. */
export function parseFeedDate(value: string | null | undefined, now: Date): Date | null {
  const text = value?.trim();
  if (!text || text.length > 100) return null;
  let ms = parseOnce(text);
  if (Number.isNaN(ms)) ms = parseOnce(englishRfc822(text));
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1980 || year > 9999) return null;
  // A date far in the future would pin the item to the top of every list forever.
  return ms > now.getTime() + DAY_MS ? new Date(now) : date;
}

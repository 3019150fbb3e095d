/**
 * Slack text escaping. Slack treats `&`, `<` and `>` as control characters in message text
 * (`<!channel>`, `<@U123>`, `<url|label>`), so every feed-supplied string is entity-encoded
 * before it reaches a message: a headline can then ping nobody and link nowhere.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
import { toHttpUrl, truncateAtWord } from '../../src/index.js';

/** Escapes the three characters Slack parses as markup (`&` first, so nothing is double-encoded). */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes `raw` and cuts it at a word boundary so the escaped result fits `max` characters
 * (Block Kit limits count the escaped text: 150 for a header, 3000 for a section).
 */
export function fitEscaped(raw: string, max: number): string {
  if (raw.length <= max) {
    const escaped = escapeSlackText(raw);
    if (escaped.length <= max) return escaped;
  }
  // One pass over the kept prefix: the longest raw prefix whose escaped form plus the ellipsis
  // fits. truncateAtWord(raw, budget) keeps a prefix of raw[0, budget - 1), so its escaped result
  // fits too. (Shrinking the budget by the overflow and re-cutting the whole text each time took
  // minutes for a long text whose word boundary sat just past the limit.)
  let fitting = 0;
  let width = 1;
  while (fitting < raw.length && width + escapedWidth(raw.charCodeAt(fitting)) <= max) {
    width += escapedWidth(raw.charCodeAt(fitting));
    fitting += 1;
  }
  const budget = raw.length > fitting + 1 ? fitting + 1 : fitting;
  const escaped = escapeSlackText(truncateAtWord(raw, Math.max(budget, 1)));
  return escaped.length > max ? escaped.slice(0, max) : escaped;
}

const AMP = 38;
const LT = 60;
const GT = 62;

/** Characters escapeSlackText turns one character into. */
function escapedWidth(code: number): number {
  if (code === AMP) return 5;
  return code === LT || code === GT ? 4 : 1;
}

/**
 * A URL safe to put in a Slack link or button: only absolute http(s) URLs, normalised, with the
 * characters that would end or split a `<url|label>` link encoded. Anything else is dropped.
 */
export function safeLinkUrl(url: string | null | undefined): string | null {
  const parsed = toHttpUrl(url);
  if (!parsed) return null;
  // Slack caps button URLs at 3000 characters; longer links are not worth a broken button.
  const href = parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return href.length <= 3000 ? href : null;
}

/** A mrkdwn link whose label is escaped; plain escaped label when the URL is unusable. */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const href = safeLinkUrl(url);
  const text = escapeSlackText(label);
  return href ? `<${escapeSlackText(href)}|${text}>` : text;
}

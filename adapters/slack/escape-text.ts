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
  let budget = max;
  let escaped = escapeSlackText(truncateAtWord(raw, budget));
  while (escaped.length > max && budget > 1) {
    budget -= escaped.length - max;
    escaped = escapeSlackText(truncateAtWord(raw, Math.max(budget, 1)));
  }
  return escaped.length > max ? escaped.slice(0, max) : escaped;
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

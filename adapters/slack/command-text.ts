/**
 * Slash command text as Slack sends it to plain text for the command core. Slack escapes `&`,
 * `<` and `>` in the `text` field and may wrap pasted links as `<https://...>` or
 * `<https://...|label>` (https://docs.slack.dev/interactivity/implementing-slash-commands), so
 * `/privacy search AT&T` arrives as `search AT&amp;T` and `/privacy why <link>` with brackets.
 */

import { MAX_COMMAND_CHARS } from '../../src/index.js';

// Neither part runs past the next `<`, so text with many unclosed `<https://x|` stays linear.
const LINK = /<(https?:\/\/[^|<>\s]+)(?:\|[^<>]*)?>/g;

/** Unwraps Slack link markup and decodes Slack's three entities (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function commandTextFromSlack(text: string): string {
  // The core answers overlong text with the limit; there is no need to read it first.
  if (text.length > MAX_COMMAND_CHARS) return text;
  return text
    .replace(LINK, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * Escaping for the Markdown subset Adaptive Card TextBlocks render: bold, italic, links and
 * lists. Every feed-supplied string passes through here so a headline like
 * "[click](https://evil.example)" or "**URGENT**" shows literally instead of becoming markup.
 *
 * Teams does not reliably honour backslash escapes (desktop and mobile show `\(` as typed), so
 * nothing here adds a backslash: emphasis characters become look-alikes that carry no markup,
 * a link is broken by an invisible zero-width space between `]` and `(`, and a line that would
 * start a list, heading or quote gets an invisible zero-width space in front. Characters the
 * subset gives no meaning (parentheses, `>` inside a line, `#`, backticks) are left alone.
 */
import { toHttpUrl } from '../../src/index.js';

const ZERO_WIDTH_SPACE = '\u200B';
// "*" and "_" open emphasis; their look-alikes (asterisk operator, fullwidth low line) do not.
const ASTERISK = /\*/g;
// An underscore inside a word never opens emphasis; only one at a word's edge is replaced.
const EDGE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
const LINK_JOIN = /\](?=\()/g;
// A line starting like "- x", "+ x", "12. x", "# x" or "> x" would become a list, heading or quote.
const BLOCK_START = /^(\s*)(?=[-+]\s|\d+[.)]\s|#|>)/;

/** Escapes text so the TextBlock Markdown renderer shows it literally, on one line. */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(ASTERISK, '\u2217')
    .replace(EDGE_UNDERSCORE, '\uFF3F')
    .replace(LINK_JOIN, `]${ZERO_WIDTH_SPACE}`)
    .replace(BLOCK_START, `$1${ZERO_WIDTH_SPACE}`);
}

/**
 * Text written by the bot itself (help, replies): `command` spans, which Slack shows as code,
 * become bold, since a card has no code style and would show the backticks; the rest is escaped.
 */
export function coreCardMarkdown(text: string): string {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, index) => (index % 2 === 1 ? `**${escapeCardMarkdown(part)}**` : escapeCardMarkdown(part)))
    .join('')
    .replace(/`/g, '');
}

/** Returns the URL normalised when it is an absolute http(s) URL, else null (never javascript:). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  const parsed = toHttpUrl(url);
  if (!parsed) return null;
  // Parentheses and spaces would end the Markdown link target early; percent-encode them.
  return parsed.href.replace(/[()\s<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A Markdown link when the URL is safe http(s), else the escaped label alone. */
export function markdownLink(label: string, url: string | null | undefined): string {
  const safe = safeHttpUrl(url);
  // Inside a link's text a bracket would end it early: fullwidth brackets read the same.
  const text = escapeCardMarkdown(safe ? label.replace(/\[/g, '\uFF3B').replace(/\]/g, '\uFF3D') : label);
  return safe ? `[${text}](${safe})` : text;
}

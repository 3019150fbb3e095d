/**
 * Escaping for the Markdown subset Adaptive Card TextBlocks render (bold, italic, links, lists,
 * headings, quotes, code). Every feed-supplied string passes through here so a headline like
 * "[click](https://evil.example)" or "**URGENT**" shows literally instead of becoming markup.
 */
import { toHttpUrl } from '../../src/index.js';

// Characters with Markdown meaning in the TextBlock renderer, escaped with a backslash.
const MARKDOWN_SPECIAL = /[\\*_[\]()#>`~]/g;
// A line starting with "- ", "+ " or "12. " would become a list item.
const LIST_MARKER = /^(\s*)([-+]|\d+\.)(\s)/;

/** Escapes text so the TextBlock Markdown renderer shows it literally, on one line. */
export function escapeCardMarkdown(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  const escaped = oneLine.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
  return escaped.replace(LIST_MARKER, (_m, space: string, marker: string, after: string) =>
    `${space}${marker.replace(/^([-+])$/, '\\$1').replace(/\.$/, '\\.')}${after}`,
  );
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
  const text = escapeCardMarkdown(label);
  return safe ? `[${text}](${safe})` : text;
}

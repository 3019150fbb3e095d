/**
 * Turns feed-supplied HTML or text into clean plain text for chat (docs/ingestion.md R22): CDATA
 * unwrapped, tags stripped, entities decoded (also double-escaped ones such as `&amp;#8217;`),
 * whitespace collapsed. Output is raw text: adapters escape it for their own markup.
 */
import { decodeHTML } from 'entities';

const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;
const DROP_BLOCKS = /<(script|style|noscript|iframe|object|svg|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
const BLOCK_TAGS = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|figure|figcaption|header|footer)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^<>]*>/g;
// Control characters other than tab/newline, and Unicode noncharacters, never belong in chat.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
// Zero-width characters, and bidirectional controls (embeddings, overrides, isolates, marks):
// a feed could use those to make a headline read differently from what it says.
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u061C]/g;
// One scan rules both out for the usual text that has neither.
const INVISIBLE_TEST = new RegExp(`${CONTROL.source}|${ZERO_WIDTH.source}`);
// Every whitespace run becomes one space. A lone space is already that, so the pattern leaves it
// unmatched: prose then has a handful of matches instead of one per word, about 4x faster.
const WHITESPACE_RUN = / \s+|[^\S ]\s*/g;

/** Decodes HTML entities, twice when the first pass reveals another entity (`&amp;#8217;`). */
export function decodeEntities(text: string): string {
  const once = decodeHTML(text);
  return /&(#\d+|#x[\da-f]+|[a-z][a-z\d]{1,31});/i.test(once) ? decodeHTML(once) : once;
}

/** HTML (or already plain text) to a single line of clean text. */
export function toPlainText(input: string | null | undefined): string {
  if (!input) return '';
  // Each step is skipped when its trigger character is absent: feeds carry a lot of text and
  // most of it is already plain.
  let text = input.includes('<![CDATA[') ? input.replace(CDATA, '$1') : input;
  if (text.includes('<')) {
    if (text.includes('<!--')) text = text.replace(COMMENTS, ' ');
    text = text.replace(DROP_BLOCKS, ' ').replace(BLOCK_TAGS, ' ').replace(ANY_TAG, '');
  }
  if (text.includes('&')) {
    text = decodeEntities(text);
    // Entity decoding can reveal escaped markup ("&lt;b&gt;"); strip tags exposed that way too.
    if (/<[a-zA-Z/]/.test(text)) text = text.replace(ANY_TAG, '');
  }
  if (INVISIBLE_TEST.test(text)) text = text.replace(CONTROL, '').replace(ZERO_WIDTH, '');
  return collapseWhitespace(text);
}

/** Every whitespace run as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Grapheme boundaries depend only on nearby characters; no real cluster is this long.
const SEGMENT_MARGIN = 64;

/**
 * Cuts text to at most `max` characters at a word boundary (never inside a word or a grapheme
 * cluster), adding an ellipsis when something was cut.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1; // leave space for the ellipsis
  // Only what can be kept is segmented (plus a margin so the cluster at the cut is seen whole:
  // segmenting a 1 MB feed title to keep 300 characters cost seconds per call). The last cluster
  // boundary at or before `room` is the start of the cluster that contains it (that cluster
  // cannot fit): one lookup, where walking every cluster before it cost ~0.2 ms.
  const end = room < 0 ? 0 : (segmenter.segment(text.slice(0, max + SEGMENT_MARGIN)).containing(room)?.index ?? 0);
  let cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > room * 0.5) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

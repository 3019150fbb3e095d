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
const CONTROL_TEST = new RegExp(CONTROL.source);
const ZERO_WIDTH_TEST = new RegExp(ZERO_WIDTH.source);

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
  if (CONTROL_TEST.test(text)) text = text.replace(CONTROL, '');
  if (ZERO_WIDTH_TEST.test(text)) text = text.replace(ZERO_WIDTH, '');
  return text.replace(/\s+/g, ' ').trim();
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
  let end = 0;
  // Segment only what can be kept (plus a margin so the cluster at the cut is seen whole):
  // segmenting a 1 MB feed title to keep 300 characters cost seconds per call.
  for (const { index, segment } of segmenter.segment(text.slice(0, max + SEGMENT_MARGIN))) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  let cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > room * 0.5) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

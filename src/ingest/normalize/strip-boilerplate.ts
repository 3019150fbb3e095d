/**
 * Removes feed-generator boilerplate from plain text (docs/ingestion.md R22): WordPress's
 * "The post X appeared first on Y.", "Continue reading", "Read more" and trailing "[…]".
 * Boilerplate is always appended, so only the tail is examined, and each pattern is anchored
 * at the last occurrence of its phrase: end-anchored regexes over whole articles were the most
 * expensive step of normalisation.
 */

const TAIL = 320;
const READ_MORE = ['continue reading', 'read more', 'read the full story', 'read the full article', 'weiterlesen', 'lire la suite', 'leia mais'];
const READ_MORE_REST = /^[^.]{0,120}?(→|»|\.\.\.|…)?\s*$/u;
const POST_APPEARED = /^The post .{1,300}? appeared first on .{1,200}?\.?\s*$/isu;
const ELLIPSIS = /\s*\[(…|\.\.\.)\]\s*$/u;
// One short test rules most texts out before any slicing or lower-casing.
const HINT = /appeared first on|continue reading|read (more|the full)|weiterlesen|lire la suite|leia mais|\]\s*$/i;

/** Lower-cases without changing the length, so indices found in it are valid in the original. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The text without one trailing boilerplate phrase, or null when there is none. */
function cutOnce(text: string): string | null {
  const lower = lowerSameLength(text);
  const appeared = lower.lastIndexOf('appeared first on');
  if (appeared >= 0) {
    const start = lower.lastIndexOf('the post ', appeared);
    if (start >= 0 && POST_APPEARED.test(text.slice(start))) return text.slice(0, start);
  }
  for (const phrase of READ_MORE) {
    const at = lower.lastIndexOf(phrase);
    if (at >= 0 && READ_MORE_REST.test(text.slice(at + phrase.length))) return text.slice(0, at);
  }
  if (text.endsWith(']')) {
    const stripped = text.replace(ELLIPSIS, '');
    if (stripped !== text) return stripped;
  }
  return null;
}

/** Plain text without trailing boilerplate, trimmed. */
export function stripBoilerplate(text: string): string {
  const cut = Math.max(0, text.length - TAIL);
  let tail = text.slice(cut);
  if (!HINT.test(tail)) return text.trim();
  tail = tail.trimEnd();
  for (let pass = 0; pass < 3; pass++) {
    const next = cutOnce(tail);
    if (next === null) break;
    tail = next.trimEnd();
  }
  return (cut === 0 ? tail : text.slice(0, cut) + tail).trim();
}

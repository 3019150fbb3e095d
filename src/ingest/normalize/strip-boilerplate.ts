/**
 * Removes feed-generator boilerplate from plain text (FEEDS.md P10): WordPress's
 * "The post X appeared first on Y.", "Continue reading", "Read more" and trailing "[…]".
 * Boilerplate is always appended, so only the tail is examined, and each pattern is anchored
 * at the last occurrence of its phrase (end-anchored regexes over whole articles were the most
 * expensive step of normalisation).
 */

const TAIL = 320;
const READ_MORE = ['continue reading', 'read more', 'read the full story', 'read the full article', 'weiterlesen', 'lire la suite', 'leia mais'];
const READ_MORE_REST = /^[^.]{0,120}?(→|»|\.\.\.|…)?\s*$/u;
const POST_APPEARED = /^The post .{1,300}? appeared first on .{1,200}?\.?\s*$/isu;
const ELLIPSIS = /\s*\[(…|\.\.\.)\]\s*$/u;
// Every pattern ends within the last ~210 characters; one short test rules most texts out.
const HINT = /appeared first on|continue reading|read more|read the full|weiterlesen|lire la suite|leia mais|\[(…|\.\.\.)\]/i;

function cutOnce(text: string): string {
  const lower = text.toLowerCase();
  const post = lower.lastIndexOf('the post ');
  if (post >= 0 && lower.includes('appeared first on', post) && POST_APPEARED.test(text.slice(post))) return text.slice(0, post);
  for (const phrase of READ_MORE) {
    const at = lower.lastIndexOf(phrase);
    if (at >= 0 && READ_MORE_REST.test(text.slice(at + phrase.length))) return text.slice(0, at);
  }
  return text.replace(ELLIPSIS, '');
}

/** Plain text without trailing boilerplate, trimmed. */
export function stripBoilerplate(text: string): string {
  if (!HINT.test(text.slice(-320))) return text.trim();
  const cut = Math.max(0, text.length - TAIL);
  let tail = text.slice(cut);
  for (let pass = 0; pass < 3; pass++) {
    const next = cutOnce(tail).trimEnd();
    if (next === tail) break;
    tail = next;
  }
  return (text.slice(0, cut) + tail).trim();
}

/**
 * Cleans decoded XML text before the parser sees it (docs/ingestion.md R14, R16): drops junk before the
 * first tag, illegal control characters and any DOCTYPE (so no DTD or external entity can ever
 * be fetched or expanded: billion-laughs payloads become plain undefined-entity text).
 */

// XML 1.0 section 2.2: only tab, LF, CR and characters from U+0020 are allowed.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Index where the XML document starts: the declaration, or the first element/PI/comment. */
function documentStart(text: string): number {
  const decl = text.indexOf('<?xml');
  if (decl >= 0 && decl < 4096) return decl;
  const first = text.search(/<[A-Za-z!?]/);
  return first < 0 ? 0 : first;
}

/** Removes a DOCTYPE including an internal subset `[...]`, whatever its size. */
export function stripDoctype(text: string): string {
  const start = text.search(/<!DOCTYPE/i);
  if (start < 0) return text;
  let depth = 0;
  for (let i = start + 9; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b /* [ */) depth++;
    else if (ch === 0x5d /* ] */) depth = Math.max(0, depth - 1);
    else if (ch === 0x3e /* > */ && depth === 0) return text.slice(0, start) + text.slice(i + 1);
  }
  return text.slice(0, start); // unterminated DOCTYPE: nothing after it is trustworthy
}

/** Returns XML text ready for the parser. */
export function prepareXml(text: string): string {
  let out = text.replace(/^\uFEFF/, '');
  // feedparser-style comment headers or server junk before `<?xml` would make it "not first".
  const start = documentStart(out);
  if (start > 0) out = out.slice(start);
  out = out.replace(ILLEGAL_XML_CHARS, '');
  return stripDoctype(out);
}

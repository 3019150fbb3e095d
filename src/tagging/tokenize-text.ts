/**
 * Splits text into word tokens (runs of letters and digits), so phrases match on word
 * boundaries: "Shanghai" never contains the token "AI", and "Otter.ai" yields "Otter" and "ai".
 * Punctuation, apostrophes and hyphens separate tokens. A char-code scanner that records each
 * token's offsets and a hash of its lowercased text and allocates no string per token: token
 * substrings were the tagger's main cost (see docs/tagging.md, benchmark).
 */

/** Tokens of one text as offsets into `source`, with FNV-1a hashes of their lowercased form. */
export interface TextTokens {
  source: string;
  /** `source` lowercased, same length (so offsets hold for both). */
  lowered: string;
  start: number[];
  end: number[];
  hash: number[];
}

/** A character that is a token of its own: separates fields so no phrase spans them. */
export const FIELD_BREAK = '\u0001';

// 1 where a BMP code unit is a letter, digit or combining mark (so decomposed accents stay in
// their word), or FIELD_BREAK. Surrogates (emoji, rare scripts) separate words.
const WORD_UNIT = new Uint8Array(0x10000);
{
  const word = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0xd800; c++) if (word.test(String.fromCharCode(c))) WORD_UNIT[c] = 1;
  for (let c = 0xe000; c < 0x10000; c++) if (word.test(String.fromCharCode(c))) WORD_UNIT[c] = 1;
  WORD_UNIT[1] = 1;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Hashes are cut to 30 bits so they stay small integers (V8 Smis): Map keys and arrays of
// larger numbers fall back to boxed doubles, which made lookups several times slower.
const HASH_MASK = 0x3fffffff;

/** FNV-1a hash of a lowercase word (the same function the scanner applies), 30 bits. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

/** Lowercases without changing length (the rare characters that would, e.g. "İ", stay as they are). */
function lowerSameLength(source: string): string {
  let out = '';
  for (const ch of source) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Tokenises `source`. */
export function tokenizeText(source: string): TextTokens {
  let lowered = source.toLowerCase();
  if (lowered.length !== source.length) lowered = lowerSameLength(source);
  const start: number[] = [];
  const end: number[] = [];
  const hash: number[] = [];
  const n = lowered.length;
  let i = 0;
  while (i < n) {
    let c = lowered.charCodeAt(i);
    if (WORD_UNIT[c] === 0) {
      i++;
      continue;
    }
    const from = i;
    let h = FNV_OFFSET;
    while (WORD_UNIT[c] === 1) {
      h = Math.imul(h ^ c, FNV_PRIME);
      if (++i >= n) break;
      c = lowered.charCodeAt(i);
    }
    start.push(from);
    end.push(i);
    hash.push(h & HASH_MASK);
  }
  return { source, lowered, start, end, hash };
}

/** Number of tokens. */
export function tokenCount(tokens: TextTokens): number {
  return tokens.start.length;
}

/** Index of the first token equal to FIELD_BREAK, or the token count. */
export function fieldBreakIndex(tokens: TextTokens): number {
  const at = tokens.source.indexOf(FIELD_BREAK);
  if (at < 0) return tokens.start.length;
  const k = tokens.start.indexOf(at);
  return k < 0 ? tokens.start.length : k;
}

/** The original-case text of tokens [from, to). */
export function tokenSpanText(tokens: TextTokens, from: number, to: number): string {
  return tokens.source.slice(tokens.start[from], tokens.end[to - 1]);
}

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
  start: number[];
  end: number[];
  hash: number[];
}

/** A character that is a token of its own: separates fields so no phrase spans them. */
export const FIELD_BREAK = '\u0001';

// WORD_UNIT: 1 where a BMP code unit is a letter, digit or combining mark (so decomposed accents
// stay in their word), or FIELD_BREAK; surrogates (emoji, rare scripts) separate words.
// LOWER: each code unit's lowercase form when that is one unit (else itself), so the scanner
// lowercases as it goes instead of copying the whole text.
const WORD_UNIT = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
{
  const word = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    LOWER[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    if (lower.length === 1) LOWER[c] = lower.charCodeAt(0);
    if (word.test(ch)) WORD_UNIT[c] = 1;
  }
  WORD_UNIT[1] = 1;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Hashes are cut to 30 bits so they stay small integers (V8 Smis): Map keys and arrays of
// larger numbers fall back to boxed doubles, which made lookups several times slower.
const HASH_MASK = 0x3fffffff;

/** True for letters, digits and combining marks (and FIELD_BREAK): the units words are made of. */
export function isWordUnit(code: number): boolean {
  return WORD_UNIT[code] === 1;
}

/** Lowercase form of one UTF-16 code unit (as the scanner sees it). */
export function lowerUnit(code: number): number {
  return LOWER[code]!;
}

/** FNV-1a hash of a word's lowercased code units (the same function the scanner applies), 30 bits. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ LOWER[word.charCodeAt(i)]!, FNV_PRIME);
  return h & HASH_MASK;
}

/** The lowercase form of a word as the scanner compares it. */
export function lowerWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += String.fromCharCode(LOWER[word.charCodeAt(i)]!);
  return out;
}

/** Tokenises `source`. */
export function tokenizeText(source: string): TextTokens {
  const start: number[] = [];
  const end: number[] = [];
  const hash: number[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    let c = source.charCodeAt(i);
    if (WORD_UNIT[c] === 0) {
      i++;
      continue;
    }
    const from = i;
    let h = FNV_OFFSET;
    while (WORD_UNIT[c] === 1) {
      h = Math.imul(h ^ LOWER[c]!, FNV_PRIME);
      if (++i >= n) break;
      c = source.charCodeAt(i);
    }
    start.push(from);
    end.push(i);
    hash.push(h & HASH_MASK);
  }
  return { source, start, end, hash };
}

/** The original-case text of tokens [from, to). */
export function tokenSpanText(tokens: TextTokens, from: number, to: number): string {
  return tokens.source.slice(tokens.start[from], tokens.end[to - 1]);
}

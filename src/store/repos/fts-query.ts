/** At most this many words reach the full-text engine; longer queries are cut, not rejected. */
const MAX_TERMS = 12;

/**
 * The words of a user's search as plain tokens (letters and digits only). Operators, quotes,
 * column filters and parentheses are dropped, so user input can never change the query syntax.
 */
export function searchTerms(words: string): string[] {
  const tokens = words.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(tokens)].slice(0, MAX_TERMS);
}

/**
 * An FTS5 MATCH expression requiring every term. Each term is a double-quoted string (FTS5
 * "string" syntax), so words like NOT, OR, NEAR or `title:` are matched literally.
 */
export function toFts5Query(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ');
}

import { isQueryProblem, parseQuery, type ParsedQuery, type QueryTerm } from '../../search/parse-query.js';

/**
 * A user's search parsed with the shared query language (src/search/parse-query.ts), or null
 * when it has no usable word. Tokens are letters and digits only, so database operators, column
 * filters and parentheses typed by a person are plain text and never change the query syntax.
 */
export function searchQuery(words: string): ParsedQuery | null {
  const parsed = parseQuery(words);
  return isQueryProblem(parsed) ? null : parsed;
}

// Each term is a double-quoted FTS5 string (a phrase when it has several tokens), so words like
// NOT, OR, NEAR or `title:` are matched literally.
function fts5Term(term: QueryTerm): string {
  return `"${term.tokens.join(' ').replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression: groups joined by OR, each `(a AND "b c") NOT x`. */
export function toFts5Query(query: ParsedQuery): string {
  return query.groups
    .map((group) => `(${group.include.map(fts5Term).join(' AND ')})${group.exclude.map((term) => ` NOT ${fts5Term(term)}`).join('')}`)
    .join(' OR ');
}

function tsTerm(term: QueryTerm): string {
  const parts = term.tokens.map((token) => `'${token}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
}

/** The PostgreSQL to_tsquery text: `(a & (b <-> c) & !x) | (...)`; tokens are letters and digits only. */
export function toTsQuery(query: ParsedQuery): string {
  return query.groups
    .map((group) => `(${[...group.include.map(tsTerm), ...group.exclude.map((term) => `!${tsTerm(term)}`)].join(' & ')})`)
    .join(' | ');
}

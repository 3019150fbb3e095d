/**
 * The query language shared by `search`, watches and query mutes, so `search <query>` shows what
 * a watch will catch:
 *
 *   words             every word must appear (AND)
 *   "quoted phrase"   the words in this order, next to each other
 *   -word, -"phrase"  the item must not contain it
 *   a b OR c d        either side (OR binds loosest: (a AND b) OR (c AND d))
 *
 * Words are letters and digits; case, accents and other characters are ignored, so nothing a
 * person types can reach a database's query syntax, and there are no regular expressions.
 */

/** A word (one token) or a phrase (several tokens in order). */
export interface QueryTerm {
  tokens: string[];
}

/** One side of an OR: all of `include`, none of `exclude`. */
export interface QueryGroup {
  include: QueryTerm[];
  exclude: QueryTerm[];
}

/** A parsed query: matches when any group matches. */
export interface ParsedQuery {
  groups: QueryGroup[];
  /** The canonical text (lower case, single spaces): what is stored and compared. */
  text: string;
}

/** Why a query cannot be used, in words for the person who typed it. */
export interface QueryProblem {
  problem: string;
}

/** At most this many words and phrases in one query. */
export const MAX_QUERY_TERMS = 12;
/** At most this many characters in one query. */
export const MAX_QUERY_CHARS = 200;

/** The letter-and-digit tokens of a text: NFKC, lower case, accents removed. */
export function queryTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface RawToken {
  kind: 'term' | 'or';
  text: string;
  negated: boolean;
}

/** Splits the typed text into words, quoted phrases and ORs; null text names an unclosed quote. */
function scan(input: string): RawToken[] | QueryProblem {
  const tokens: RawToken[] = [];
  let index = 0;
  while (index < input.length) {
    const char = input[index]!;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    let negated = false;
    if (char === '-' && index + 1 < input.length && !/\s/.test(input[index + 1]!)) {
      negated = true;
      index += 1;
    }
    if (input[index] === '"' || input[index] === '“' || input[index] === '”') {
      const rest = input.slice(index + 1);
      const close = rest.search(/["“”]/);
      if (close < 0) return { problem: `the quote before "${rest.trim().slice(0, 40)}" is never closed` };
      tokens.push({ kind: 'term', text: rest.slice(0, close), negated });
      index += close + 2;
      continue;
    }
    const word = /^[^\s"“”]+/.exec(input.slice(index))?.[0] ?? '';
    index += word.length;
    if (word === 'OR' && !negated) tokens.push({ kind: 'or', text: word, negated });
    else tokens.push({ kind: 'term', text: word, negated });
  }
  return tokens;
}

function termText(term: QueryTerm): string {
  return term.tokens.length === 1 ? term.tokens[0]! : `"${term.tokens.join(' ')}"`;
}

/** Parses a query; returns a problem (never throws) when it cannot be used. */
export function parseQuery(input: string): ParsedQuery | QueryProblem {
  if (input.length > MAX_QUERY_CHARS) return { problem: `the query is too long (${input.length} characters, at most ${MAX_QUERY_CHARS})` };
  const scanned = scan(input);
  if ('problem' in scanned) return scanned;
  const groups: QueryGroup[] = [];
  let current: QueryGroup = { include: [], exclude: [] };
  let terms = 0;
  for (const token of scanned) {
    if (token.kind === 'or') {
      if (current.include.length === 0 && current.exclude.length === 0) return { problem: '`OR` needs words on both sides' };
      groups.push(current);
      current = { include: [], exclude: [] };
      continue;
    }
    const words = queryTokens(token.text);
    if (words.length === 0) continue;
    terms += 1;
    (token.negated ? current.exclude : current.include).push({ tokens: words });
  }
  if (groups.length > 0 && current.include.length === 0 && current.exclude.length === 0) return { problem: '`OR` needs words on both sides' };
  groups.push(current);
  if (terms === 0) return { problem: 'the query needs at least one word (letters or digits)' };
  if (terms > MAX_QUERY_TERMS) return { problem: `the query has ${terms} words and phrases; at most ${MAX_QUERY_TERMS}` };
  const onlyExcluded = groups.find((group) => group.include.length === 0);
  if (onlyExcluded) {
    return { problem: `\`-${termText(onlyExcluded.exclude[0]!)}\` only narrows other words: add a word to look for` };
  }
  const text = groups
    .map((group) => [...group.include.map(termText), ...group.exclude.map((term) => `-${termText(term)}`)].join(' '))
    .join(' OR ');
  return { groups, text };
}

/** True when parseQuery failed. */
export function isQueryProblem(value: ParsedQuery | QueryProblem): value is QueryProblem {
  return 'problem' in value;
}

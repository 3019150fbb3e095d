import { queryTokens, type ParsedQuery, type QueryTerm } from './parse-query.js';

/**
 * Folds a plural -s ("fines" and "fine" meet). Search in the database also stems other word
 * forms; watches and mutes match in memory, where this one fold keeps them predictable.
 */
export function foldToken(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** An item's words, tokenised once per batch and shared by every query matched against it. */
export interface MatchText {
  tokens: string[];
  set: ReadonlySet<string>;
}

/** The words of an item's title and summary, as queries see them. */
export function toMatchText(item: { title: string; summary: string }): MatchText {
  const tokens = queryTokens(`${item.title}\n${item.summary}`).map(foldToken);
  return { tokens, set: new Set(tokens) };
}

function hasTerm(term: QueryTerm, text: MatchText): boolean {
  const wanted = term.tokens.map(foldToken);
  if (wanted.length === 1) return text.set.has(wanted[0]!);
  if (!wanted.every((token) => text.set.has(token))) return false;
  const { tokens } = text;
  outer: for (let start = 0; start + wanted.length <= tokens.length; start += 1) {
    for (let offset = 0; offset < wanted.length; offset += 1) if (tokens[start + offset] !== wanted[offset]) continue outer;
    return true;
  }
  return false;
}

/** True when the item's words satisfy the query (any OR group: all its words, none excluded). */
export function matchesQuery(query: ParsedQuery, text: MatchText): boolean {
  return query.groups.some((group) => group.include.every((term) => hasTerm(term, text)) && !group.exclude.some((term) => hasTerm(term, text)));
}

/** Many queries, each with the values (channels, rules) that share it. */
export interface QueryIndex<T> {
  /** The values of every query the text matches; each distinct query is evaluated at most once. */
  match(text: MatchText): T[];
  readonly size: number;
}

/**
 * Indexes queries by one required word of each OR group (the longest, usually the rarest), so an
 * item is checked only against queries that share a word with it, and a query typed in many
 * channels is checked once. Cost per item: its distinct words, plus the few candidate queries.
 */
export function createQueryIndex<T>(entries: Iterable<{ query: ParsedQuery; value: T }>): QueryIndex<T> {
  const byText = new Map<string, { query: ParsedQuery; values: T[] }>();
  for (const { query, value } of entries) {
    const entry = byText.get(query.text);
    if (entry) entry.values.push(value);
    else byText.set(query.text, { query, values: [value] });
  }
  const byAnchor = new Map<string, Array<{ query: ParsedQuery; values: T[] }>>();
  for (const entry of byText.values()) {
    const anchors = new Set(entry.query.groups.map((group) => anchorOf(group.include)));
    for (const anchor of anchors) {
      const list = byAnchor.get(anchor);
      if (list) list.push(entry);
      else byAnchor.set(anchor, [entry]);
    }
  }
  return {
    size: byText.size,
    match(text) {
      if (byAnchor.size === 0) return [];
      const seen = new Set<ParsedQuery>();
      const values: T[] = [];
      for (const token of text.set) {
        for (const entry of byAnchor.get(token) ?? []) {
          if (seen.has(entry.query)) continue;
          seen.add(entry.query);
          if (matchesQuery(entry.query, text)) values.push(...entry.values);
        }
      }
      return values;
    },
  };
}

function anchorOf(include: QueryTerm[]): string {
  let best = '';
  for (const term of include) for (const token of term.tokens) if (foldToken(token).length > best.length) best = foldToken(token);
  return best;
}

/**
 * A token trie over every phrase of the taxonomy: one pass over an item's tokens finds all
 * phrase occurrences, overlapping ones included, so "GDPR breaches" can count as `gdpr` while
 * its "breaches" is excluded for `breach`.
 */
import { expandPhrase } from './expand-phrase.js';
import { tokenizeText, type TextTokens } from './tokenize-text.js';

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  ends: number[] | undefined;
}

interface CompiledPhrase {
  /** Per token: the exact spelling required (acronyms, `=` phrases), or null for any case. */
  exact: (string | null)[] | null;
}

/** One occurrence of a phrase: token range [start, end) in the scanned text. */
export interface PhraseHit {
  phrase: number;
  start: number;
  end: number;
}

/** Phrase lookup structure built once per tagger. */
export interface PhraseIndex {
  /** Registers a phrase (with its `{a,b}` variants); returns the ids of its variants. */
  add(phrase: string): number[];
  /** Appends every phrase occurrence in `tokens` to `hits`. */
  findAll(tokens: TextTokens, hits: PhraseHit[]): void;
  /** Number of distinct phrase variants registered. */
  size(): number;
}

// An all-capitals token of two or more characters is an acronym and must match in capitals
// (taxonomy.md: "acronyms by case"), so "AI" is not "ai" in "Otter.ai" and "ICO" is not "ico".
const ACRONYM = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}]+$/u;

/** Creates an empty phrase index. */
export function createPhraseIndex(): PhraseIndex {
  const root = new Map<string, TrieNode>();
  const phrases: CompiledPhrase[] = [];
  const ids = new Map<string, number>();

  function addVariant(variant: string): number | null {
    const caseSensitive = variant.startsWith('=');
    const tokens = tokenizeText(caseSensitive ? variant.slice(1) : variant);
    if (tokens.lower.length === 0) return null;
    const originals = tokens.lower.map((_, i) => tokens.source.slice(tokens.start[i], tokens.end[i]));
    const exact = originals.map((t) => (caseSensitive || ACRONYM.test(t) ? t : null));
    const key = `${tokens.lower.join(' ')}|${exact.map((e) => e ?? '').join(' ')}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = phrases.length;
    phrases.push({ exact: exact.some((e) => e !== null) ? exact : null });
    ids.set(key, id);
    let level = root;
    let node: TrieNode | undefined;
    for (const token of tokens.lower) {
      if (node) level = node.next ??= new Map();
      node = level.get(token);
      if (!node) {
        node = { next: undefined, ends: undefined };
        level.set(token, node);
      }
    }
    (node!.ends ??= []).push(id);
    return id;
  }

  function caseMatches(phrase: CompiledPhrase, tokens: TextTokens, from: number): boolean {
    if (!phrase.exact) return true;
    for (let k = 0; k < phrase.exact.length; k++) {
      const want = phrase.exact[k];
      if (want === null || want === undefined) continue;
      const at = from + k;
      if (tokens.source.slice(tokens.start[at], tokens.end[at]) !== want) return false;
    }
    return true;
  }

  return {
    add(phrase) {
      const out: number[] = [];
      for (const variant of expandPhrase(phrase.trim())) {
        const id = addVariant(variant.trim());
        if (id !== null && !out.includes(id)) out.push(id);
      }
      return out;
    },
    findAll(tokens, hits) {
      const { lower } = tokens;
      const n = lower.length;
      for (let i = 0; i < n; i++) {
        let node = root.get(lower[i]!);
        let j = i;
        while (node) {
          j++;
          if (node.ends) {
            for (const id of node.ends) if (caseMatches(phrases[id]!, tokens, i)) hits.push({ phrase: id, start: i, end: j });
          }
          if (j >= n || !node.next) break;
          node = node.next.get(lower[j]!);
        }
      }
    },
    size: () => phrases.length,
  };
}

/**
 * A token trie over every phrase of the taxonomy: one pass over an item's tokens finds all
 * phrase occurrences, overlapping ones included, so "GDPR breaches" can count as `gdpr` while
 * its "breaches" is excluded for `breach`. Edges are keyed by token hash and confirmed by
 * comparing the text in place, so lookups allocate nothing. (A native-regex prefilter of
 * first words was tried and was twice as slow: see docs/tagging.md.)
 */
import { expandPhrase } from './expand-phrase.js';
import { hashWord, lowerUnit, lowerWord, tokenizeText, tokenSpanText, type TextTokens } from './tokenize-text.js';

interface TrieNode {
  next: Map<number, TrieEdge> | undefined;
  ends: number[] | undefined;
}

/** An edge for one word; words whose hashes collide are chained through `collision`. */
interface TrieEdge {
  word: string;
  node: TrieNode;
  collision: TrieEdge | undefined;
}

/** Per token: the exact spelling required (acronyms, `=` phrases), or null for any case. */
type CaseRule = (string | null)[] | null;

/**
 * Phrase occurrences as a flat list of numbers, (phrase id, start offset, end offset) per hit,
 * offsets being character positions in the scanned text; no object per hit on the hot path.
 */
export type PhraseHits = number[];

/** Phrase lookup structure built once per tagger. */
export interface PhraseIndex {
  /** Registers a phrase (with its `{a,b}` variants); returns the ids of its variants. */
  add(phrase: string): number[];
  /** Appends every phrase occurrence in `text` to `hits` as (phrase, start, end) triples. */
  findAll(text: string, hits: PhraseHits): void;
  /** Number of distinct phrase variants registered. */
  size(): number;
}

// An all-capitals token of two or more characters is an acronym and must match in capitals
// (docs/tagging.md, phrase syntax; L9), so "AI" is not "ai" in "Otter.ai" and "ICO" is not "ico".
const ACRONYM = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}]+$/u;

// The first word of a phrase is looked up for every token: an open-addressing table of hashes
// in an Int32Array is much cheaper than Map.get there. Deeper levels use small Maps.
const ROOT_BITS = 13;
const ROOT_SIZE = 1 << ROOT_BITS;
const ROOT_MASK = ROOT_SIZE - 1;

interface RootTable {
  keys: Int32Array;
  edges: (TrieEdge | undefined)[];
}

function rootEdge(root: RootTable, hash: number): TrieEdge | undefined {
  let slot = hash & ROOT_MASK;
  for (;;) {
    const key = root.keys[slot]!;
    if (key === hash) return root.edges[slot];
    if (key === -1) return undefined;
    slot = (slot + 1) & ROOT_MASK;
  }
}

function setRootEdge(root: RootTable, hash: number, edge: TrieEdge): void {
  let slot = hash & ROOT_MASK;
  while (root.keys[slot] !== -1 && root.keys[slot] !== hash) slot = (slot + 1) & ROOT_MASK;
  root.keys[slot] = hash;
  root.edges[slot] = edge;
}

/** True when token k's lowercased text equals `word` (compared in place, no substring). */
function tokenIs(tokens: TextTokens, k: number, word: string): boolean {
  const from = tokens.start[k]!;
  if (tokens.end[k]! - from !== word.length) return false;
  const text = tokens.source;
  for (let q = 0; q < word.length; q++) if (lowerUnit(text.charCodeAt(from + q)) !== word.charCodeAt(q)) return false;
  return true;
}

function follow(edge: TrieEdge | undefined, tokens: TextTokens, k: number): TrieNode | undefined {
  while (edge !== undefined) {
    if (tokenIs(tokens, k, edge.word)) return edge.node;
    edge = edge.collision;
  }
  return undefined;
}

function caseMatches(rule: CaseRule, tokens: TextTokens, from: number): boolean {
  if (rule === null) return true;
  for (let k = 0; k < rule.length; k++) {
    const want = rule[k];
    if (want === null || want === undefined) continue;
    const at = from + k;
    if (tokens.end[at]! - tokens.start[at]! !== want.length || !tokens.source.startsWith(want, tokens.start[at])) return false;
  }
  return true;
}

/** Creates an empty phrase index. */
export function createPhraseIndex(): PhraseIndex {
  const root: RootTable = { keys: new Int32Array(ROOT_SIZE).fill(-1), edges: new Array<TrieEdge | undefined>(ROOT_SIZE).fill(undefined) };
  let rootWords = 0;
  const caseRules: CaseRule[] = [];
  const ids = new Map<string, number>();

  function child(node: TrieNode | null, word: string): TrieNode {
    const h = hashWord(word);
    const first = node === null ? rootEdge(root, h) : node.next?.get(h);
    let edge = first;
    while (edge !== undefined && edge.word !== word) edge = edge.collision;
    if (edge !== undefined) return edge.node;
    edge = { word, node: { next: undefined, ends: undefined }, collision: first };
    if (node !== null) (node.next ??= new Map()).set(h, edge);
    else {
      // Keep the table at most half full so probes stay short.
      if (++rootWords > ROOT_SIZE / 2) throw new Error(`phrase index: more than ${ROOT_SIZE / 2} distinct first words`);
      setRootEdge(root, h, edge);
    }
    return edge.node;
  }

  function addVariant(variant: string): number | null {
    const caseSensitive = variant.startsWith('=');
    const tokens = tokenizeText(caseSensitive ? variant.slice(1) : variant);
    const count = tokens.start.length;
    if (count === 0) return null;
    const words: string[] = [];
    const exact: (string | null)[] = [];
    for (let k = 0; k < count; k++) {
      const original = tokenSpanText(tokens, k, k + 1);
      words.push(lowerWord(original));
      exact.push(caseSensitive || ACRONYM.test(original) ? original : null);
    }
    const key = `${words.join(' ')}|${exact.map((e) => e ?? '').join(' ')}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = caseRules.length;
    caseRules.push(exact.some((e) => e !== null) ? exact : null);
    ids.set(key, id);
    let node: TrieNode | null = null;
    for (const word of words) node = child(node, word);
    (node!.ends ??= []).push(id);
    return id;
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
    findAll(text, hits) {
      const tokens = tokenizeText(text);
      const n = tokens.start.length;
      for (let i = 0; i < n; i++) {
        let node = follow(rootEdge(root, tokens.hash[i]!), tokens, i);
        let j = i;
        while (node !== undefined) {
          j++;
          const ends = node.ends;
          if (ends !== undefined) {
            for (let e = 0; e < ends.length; e++) {
              const id = ends[e]!;
              if (caseMatches(caseRules[id]!, tokens, i)) hits.push(id, tokens.start[i]!, tokens.end[j - 1]!);
            }
          }
          if (j >= n) break;
          node = node.next === undefined ? undefined : follow(node.next.get(tokens.hash[j]!), tokens, j);
        }
      }
    },
    size: () => caseRules.length,
  };
}

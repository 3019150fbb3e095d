/**
 * Turns an item's phrase evidence into topics: the scope gate (L2), strong phrases, rules (all
 * groups matched, optionally near each other, not cancelled), rules that yield to other topics
 * (L7, L8), the four-label cap (L3), and the explanation texts.
 */
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import { FIELD_BREAK, isWordUnit, lowerUnit } from './tokenize-text.js';

/** Topics in order of evidence, the phrases behind each, and jurisdiction tags with theirs. */
export interface TagResult {
  topics: string[];
  why: Record<string, string[]>;
  /** Jurisdiction ids (`us`, `eu`, `uk`, `apac`, `intl`), sorted. */
  jurisdictions: string[];
  /** Jurisdiction id -> the phrases in the text that led to it, as written there. */
  jurisdictionWhy: Record<string, string[]>;
}

/** Phrase evidence for one item; hit references are offsets into `hits` (flat triples). */
export interface ItemEvidence {
  /** The judged text: title, FIELD_BREAK, description. */
  source: string;
  /** (phrase, start, end) triples; start and end are character offsets in `source`. */
  hits: number[];
  /** Character offset where the description starts (title hits come before it). */
  breakAt: number;
  /** Per topic: strong-phrase hits. */
  strong: (number[] | undefined)[];
  /** Per compiled rule: (group, hit) pairs. */
  groups: (number[] | undefined)[];
  /** Per compiled rule: one bit per group that has a hit. */
  groupMask: (number | undefined)[];
  /** Per compiled rule: a cancelling phrase occurred. */
  none: (boolean | undefined)[];
  /** Topics with any evidence, in order of first evidence. */
  touched: number[];
  /** Bit per topic below 30 that is in `touched` (a cheaper membership test). */
  touchedMask: number;
  inTitle: (boolean | undefined)[];
  scope: boolean;
  /** A generic scope word ("data") occurred: subject rules may apply, event rules only beside a subject topic. */
  genericScope: boolean;
  /** Per jurisdiction (index into CompiledTaxonomy.jurisdictionIds): offsets of its hits in `hits`. */
  jurisdictionHits: (number[] | undefined)[];
  /** The same for names that count only when no jurisdiction has a hit above ("federal"). */
  weakJurisdictionHits: (number[] | undefined)[];
}

const MAX_TOPICS = 4; // docs/tagging.md L3: 0-4 labels, when in doubt leave it out.

/** True when at most `limit` words start in (from, to] of `text` (counting stops early). */
function wordsWithin(text: string, from: number, to: number, limit: number): boolean {
  let words = 0;
  let inWord = true; // `from` is the start of a hit, so a word is under way there
  for (let i = from, last = Math.min(to, text.length - 1); i <= last; i++) {
    const word = isWordUnit(text.charCodeAt(i));
    if (word && !inWord && ++words > limit) return false;
    inWord = word;
  }
  return true;
}

/** Hits within `near` words of one first-group hit (same field) covering every group, or null. */
function nearHits(e: ItemEvidence, pairs: number[], complete: number, near: number): number[] | null {
  for (let a = 0; a < pairs.length; a += 2) {
    if (pairs[a] !== 0) continue;
    const at = e.hits[pairs[a + 1]! + 1]!;
    const inTitle = at < e.breakAt;
    const out: number[] = [];
    let mask = 0;
    for (let p = 0; p < pairs.length; p += 2) {
      const h = pairs[p + 1]!;
      const pos = e.hits[h + 1]!;
      if (pos < e.breakAt === inTitle && wordsWithin(e.source, Math.min(pos, at), Math.max(pos, at), near)) {
        out.push(h);
        mask |= 1 << pairs[p]!;
      }
    }
    if (mask === complete) return out;
  }
  return null;
}

/** True when one of the topic's self-scoped, non-deferred rules fires. */
function selfScopedFires(c: CompiledTaxonomy, e: ItemEvidence, topic: number): boolean {
  for (const r of c.rulesByTopic[topic]!) {
    const compiled = c.rules[r]!;
    const pairs = e.groups[r];
    if (!compiled.rule.selfScoped || compiled.deferred || pairs === undefined || e.groupMask[r] !== compiled.complete || e.none[r]) continue;
    if (compiled.rule.near === undefined || nearHits(e, pairs, compiled.complete, compiled.rule.near)) return true;
  }
  return false;
}

/** What the scope evidence lets apply: only self-scoped rules, every rule but event rules, or every rule. */
type Scope = typeof SCOPE_NONE | typeof SCOPE_SUBJECTS | typeof SCOPE_ALL;
const SCOPE_NONE = 0;
const SCOPE_SUBJECTS = 1;
const SCOPE_ALL = 2;

/** Hits of the topic's rules that fire in this pass, or null. `assigned` is set in the second pass. */
function ruleHits(c: CompiledTaxonomy, e: ItemEvidence, topic: number, scope: Scope, assigned: string[] | null): number[] | null {
  let out: number[] | null = null;
  for (const r of c.rulesByTopic[topic]!) {
    const pairs = e.groups[r];
    const compiled = c.rules[r]!;
    if (pairs === undefined || e.groupMask[r] !== compiled.complete || e.none[r] || compiled.deferred !== (assigned !== null)) continue;
    const { rule } = compiled;
    if (assigned && rule.unlessTopics!.some((id) => assigned.includes(id))) continue;
    if (!rule.selfScoped && (scope === SCOPE_NONE || (scope === SCOPE_SUBJECTS && rule.event))) continue;
    const hits = rule.near === undefined ? null : nearHits(e, pairs, compiled.complete, rule.near);
    if (rule.near !== undefined && hits === null) continue;
    out ??= [];
    if (hits) for (const h of hits) out.push(h);
    else for (let p = 1; p < pairs.length; p += 2) out.push(pairs[p]!);
  }
  return out;
}

function sameIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (lowerUnit(a.charCodeAt(i)) !== lowerUnit(b.charCodeAt(i))) return false;
  return true;
}

// Words that say nothing on their own ("data", "users"): shown only as part of a longer phrase.
const GENERIC_EVIDENCE = new Set([
  'data', 'information', 'records', 'customer', 'customers', 'user', 'users', 'people', 'personal', 'members', 'consumers',
  'online', 'internet', 'app', 'apps', 'platform', 'platforms', 'tools', 'software', 'company', 'website', 'websites',
  'accounts', 'market', 'commercial', 'collection', 'collected', 'accessible', 'database', 'location', 'testing',
]);
const GENERIC_MAX_LENGTH = Math.max(...[...GENERIC_EVIDENCE].map((w) => w.length));

/** End of a hit, with an abbreviation's last dot given back ("U.S" is written "U.S."). */
function hitEnd(e: ItemEvidence, h: number): number {
  const end = e.hits[h + 2]!;
  return e.source.charCodeAt(end) === 46 /* . */ && e.source.charCodeAt(end - 2) === 46 ? end + 1 : end;
}

/**
 * Explanation texts for hits, as the reader sees them in the text: hits that overlap or touch
 * (one space or hyphen apart) are shown as one phrase ("selling location data", not "selling",
 * "location data", "data"); generic words alone are left out, and when nothing else is left the
 * short stretch of text they span is shown ("market for vehicle data").
 * Deduplicated ignoring case, in text order.
 */
function explain(e: ItemEvidence, hits: number[]): string[] {
  // (start, end) pairs sorted by start, longer first on ties: insertion sort, as lists are short.
  const spans: number[] = [];
  for (const h of hits) {
    const start = e.hits[h + 1]!;
    const end = hitEnd(e, h);
    let at = spans.length;
    while (at > 0 && (spans[at - 2]! > start || (spans[at - 2] === start && spans[at - 1]! < end))) at -= 2;
    spans.splice(at, 0, start, end);
  }
  const source = e.source;
  const merged: number[] = [];
  let from = spans[0]!;
  let to = spans[1]!;
  for (let k = 2; k < spans.length; k += 2) {
    const start = spans[k]!;
    const gap = start - to;
    if (gap <= 0 || (gap === 1 && (source.charCodeAt(to) === 32 || source.charCodeAt(to) === 45))) {
      if (spans[k + 1]! > to) to = spans[k + 1]!;
      continue;
    }
    merged.push(from, to);
    from = start;
    to = spans[k + 1]!;
  }
  merged.push(from, to);
  const texts: string[] = [];
  for (let k = 0; k < merged.length; k += 2) {
    const text = source.slice(merged[k], merged[k + 1]);
    if (!isGeneric(text) && !texts.some((t) => sameIgnoringCase(t, text))) texts.push(text);
  }
  if (texts.length > 0) return texts;
  // Only generic words ("market" ... "data"): show the stretch of text they span when it is short.
  const stretch = source.slice(merged[0], merged[merged.length - 1]);
  if (stretch.length <= 60 && !stretch.includes(FIELD_BREAK)) return [stretch];
  for (let k = 0; k < merged.length; k += 2) {
    const text = source.slice(merged[k], merged[k + 1]);
    if (!texts.some((t) => sameIgnoringCase(t, text))) texts.push(text);
  }
  return texts;
}

function isGeneric(text: string): boolean {
  return text.length <= GENERIC_MAX_LENGTH && GENERIC_EVIDENCE.has(text.toLowerCase());
}

/** Jurisdictions, sorted by id, with the phrases behind each; none when the item is not privacy news. */
function decideJurisdictions(c: CompiledTaxonomy, e: ItemEvidence, privacyNews: boolean): Pick<TagResult, 'jurisdictions' | 'jurisdictionWhy'> {
  const jurisdictions: string[] = [];
  const jurisdictionWhy: Record<string, string[]> = {};
  if (!privacyNews) return { jurisdictions, jurisdictionWhy };
  // Weak names ("federal") place an item only when no other name does; they still explain a jurisdiction named otherwise.
  const named = e.jurisdictionHits.some((hits) => hits !== undefined) ? e.jurisdictionHits : e.weakJurisdictionHits;
  for (const j of c.jurisdictionOrder) {
    const hits = named[j];
    if (hits === undefined) continue;
    const weak = named === e.jurisdictionHits ? e.weakJurisdictionHits[j] : undefined;
    const id = c.jurisdictionIds[j]!;
    jurisdictions.push(id);
    jurisdictionWhy[id] = explain(e, weak ? hits.concat(weak).sort((a, b) => a - b) : hits);
  }
  return { jurisdictions, jurisdictionWhy };
}

/** Decides topics, explanations and jurisdictions from the evidence. */
export function decideTopics(c: CompiledTaxonomy, e: ItemEvidence): TagResult {
  let inScope = e.scope;
  for (const t of e.touched) if (e.strong[t] !== undefined) inScope = true;
  // A self-scoped rule that fires (e.g. police near drones) also makes the item privacy news.
  if (!inScope) for (const t of e.touched) if (selfScopedFires(c, e, t)) inScope = true;
  // A generic word such as "data" alone does not make an item privacy news, so it places nothing (J4).
  const privacyNews = inScope;
  if (e.touched.length === 0) return { topics: [], why: {}, ...decideJurisdictions(c, e, privacyNews) };
  // With only a generic scope word ("data"), a suit, fine or law counts only beside a subject topic (L2).
  const scope = inScope ? SCOPE_ALL : e.genericScope ? SCOPE_SUBJECTS : SCOPE_NONE;
  let assignment = assignTopics(c, e, scope);
  if (scope === SCOPE_SUBJECTS && assignment.found.length > 0) assignment = assignTopics(c, e, SCOPE_ALL);
  const { found, foundHits } = assignment;
  const scores = found.map((t, k) => (e.strong[t]?.length ?? 0) * 2 + foundHits[k]!.length + (e.inTitle[t] ? 3 : 0));
  const order = found.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || found[a]! - found[b]!);
  const why: Record<string, string[]> = {};
  const topics: string[] = [];
  for (const k of order.slice(0, MAX_TOPICS)) {
    const id = c.topics[found[k]!]!.id;
    topics.push(id);
    why[id] = explain(e, foundHits[k]!);
  }
  return { topics, why, ...decideJurisdictions(c, e, privacyNews || topics.length > 0) };
}

/** Topics with evidence under `scope`, with the hits behind each. */
function assignTopics(c: CompiledTaxonomy, e: ItemEvidence, scope: Scope): { found: number[]; foundHits: number[][] } {
  const found: number[] = [];
  const foundHits: number[][] = [];
  for (const t of e.touched) {
    const strong = e.strong[t];
    const hits = ruleHits(c, e, t, scope, null);
    if (strong || hits) {
      found.push(t);
      foundHits.push(strong && hits ? strong.concat(hits) : (strong ?? hits!));
    }
  }
  // Rules that yield to other topics can depend on each other (employment yields to breach, the
  // bare word "surveillance" to employment): settle them over a few rounds.
  const firstPass = found.map((t) => c.topics[t]!.id);
  let deferred = new Map<number, number[]>();
  for (let round = 0; round < 3; round++) {
    const assigned = [...firstPass, ...[...deferred.keys()].map((t) => c.topics[t]!.id)];
    const next = new Map<number, number[]>();
    for (const t of e.touched) {
      const hits = ruleHits(c, e, t, scope, assigned);
      if (hits) next.set(t, hits);
    }
    const stable = next.size === deferred.size && [...next.keys()].every((t) => deferred.has(t));
    deferred = next;
    if (stable) break;
  }
  for (const [t, hits] of deferred) {
    const k = found.indexOf(t);
    if (k >= 0) foundHits[k] = foundHits[k]!.concat(hits);
    else {
      found.push(t);
      foundHits.push(hits);
    }
  }
  return { found, foundHits };
}

/**
 * Turns an item's phrase evidence into topics: the scope gate (B2), strong phrases, rules (all
 * groups matched, optionally near each other, not cancelled), rules that yield to other topics
 * (B7, B8), the four-label cap (B3), and the explanation texts.
 */
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import type { TagResult } from './tagger.js';
import { tokenSpanText, type TextTokens } from './tokenize-text.js';

/** Phrase evidence for one item; hit references are offsets into `hits` (flat triples). */
export interface ItemEvidence {
  tokens: TextTokens;
  hits: number[];
  /** Token index where the description starts (title tokens come before it). */
  breakAt: number;
  /** Per topic: strong-phrase hits. */
  strong: (number[] | undefined)[];
  /** Per compiled rule: per group, the hits. */
  groups: (number[][] | undefined)[];
  /** Per compiled rule: a cancelling phrase occurred. */
  none: (boolean | undefined)[];
  /** Topics with any evidence, in order of first evidence. */
  touched: number[];
  inTitle: (boolean | undefined)[];
  scope: boolean;
  jurisdictions: string[];
}

const MAX_TOPICS = 4; // taxonomy.md B3: 0-4 labels, when in doubt leave it out.

/** Hits of each group near one first-group hit (same field), or null when there are none. */
function nearHits(e: ItemEvidence, groups: number[][], near: number): number[] | null {
  for (const anchor of groups[0]!) {
    const at = e.hits[anchor + 1]!;
    const inTitle = at < e.breakAt;
    const out: number[] = [];
    let ok = true;
    for (const group of groups) {
      let any = false;
      for (const h of group) {
        const pos = e.hits[h + 1]!;
        if (pos < e.breakAt === inTitle && Math.abs(pos - at) <= near) {
          out.push(h);
          any = true;
        }
      }
      if (!any) {
        ok = false;
        break;
      }
    }
    if (ok) return out;
  }
  return null;
}

/** Hits of the topic's rules that fire in this pass, or null. `assigned` is set in the second pass. */
function ruleHits(c: CompiledTaxonomy, e: ItemEvidence, topic: number, inScope: boolean, assigned: string[] | null): number[] | null {
  let out: number[] | null = null;
  for (const r of c.rulesByTopic[topic]!) {
    const groups = e.groups[r];
    const compiled = c.rules[r]!;
    if (groups === undefined || e.none[r] || compiled.deferred !== (assigned !== null)) continue;
    const { rule } = compiled;
    if (assigned && rule.unlessTopics!.some((id) => assigned.includes(id))) continue;
    if (!inScope && !rule.selfScoped) continue;
    let complete = true;
    for (const g of groups) if (g.length === 0) complete = false;
    if (!complete) continue;
    const hits = rule.near === undefined ? null : nearHits(e, groups, rule.near);
    if (rule.near !== undefined && hits === null) continue;
    out ??= [];
    if (hits) for (const h of hits) out.push(h);
    else for (const g of groups) for (const h of g) out.push(h);
  }
  return out;
}

/** Explanation texts for hits, deduplicated ignoring case, in order. */
function explain(e: ItemEvidence, hits: number[]): string[] {
  const texts: string[] = [];
  for (const h of hits) {
    const text = tokenSpanText(e.tokens, e.hits[h + 1]!, e.hits[h + 2]!);
    let duplicate = false;
    for (const t of texts) {
      if (t.length === text.length && (t === text || t.toLowerCase() === text.toLowerCase())) {
        duplicate = true;
        break;
      }
    }
    if (!duplicate) texts.push(text);
  }
  return texts;
}

/** Decides topics, explanations and jurisdictions from the evidence. */
export function decideTopics(c: CompiledTaxonomy, e: ItemEvidence): TagResult {
  let inScope = e.scope;
  for (const t of e.touched) if (e.strong[t] !== undefined) inScope = true;
  const jurisdictions = inScope ? e.jurisdictions.sort() : [];
  if (e.touched.length === 0) return { topics: [], why: {}, jurisdictions };
  const found: number[] = [];
  const foundHits: number[][] = [];
  for (const t of e.touched) {
    const strong = e.strong[t];
    const hits = ruleHits(c, e, t, inScope, null);
    if (strong || hits) {
      found.push(t);
      foundHits.push(strong && hits ? strong.concat(hits) : (strong ?? hits!));
    }
  }
  const assigned = found.map((t) => c.topics[t]!.id);
  for (const t of e.touched) {
    const hits = ruleHits(c, e, t, inScope, assigned);
    if (!hits) continue;
    const k = found.indexOf(t);
    if (k >= 0) foundHits[k] = foundHits[k]!.concat(hits);
    else {
      found.push(t);
      foundHits.push(hits);
    }
  }
  const scores = found.map((t, k) => (e.strong[t]?.length ?? 0) * 2 + foundHits[k]!.length + (e.inTitle[t] ? 3 : 0));
  const order = found.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || found[a]! - found[b]!);
  const why: Record<string, string[]> = {};
  const topics: string[] = [];
  for (const k of order.slice(0, MAX_TOPICS)) {
    const id = c.topics[found[k]!]!.id;
    topics.push(id);
    why[id] = explain(e, foundHits[k]!);
  }
  return { topics, why, jurisdictions: inScope || topics.length > 0 ? e.jurisdictions.sort() : [] };
}

/**
 * The topic tagger: deterministic, offline and explainable. It judges an item from its title and
 * description only (docs/tagging.md L1), applies the privacy-scope gate (L2), each topic's phrases,
 * exclusions and rules, and keeps at most four labels (L3). Every label carries the phrases that
 * led to it.
 */
import {
  compileTaxonomy,
  USE_EXCLUDE,
  USE_GROUP,
  JURISDICTION_ADJECTIVE,
  JURISDICTION_WEAK,
  USE_JURISDICTION,
  USE_JURISDICTION_EXCLUDE,
  USE_NONE,
  USE_PUBLIC_NOUN,
  USE_PHRASE,
  USE_SCOPE,
  USE_SCOPE_EXCLUDE,
  type CompiledTaxonomy,
} from './compile-taxonomy.js';
import { decideTopics, type ItemEvidence, type TagResult } from './decide-topics.js';
import { judgedFields } from './judged-fields.js';
import { FIELD_BREAK } from './tokenize-text.js';
import type { TaggingVocabulary, TopicDefinition } from './topic-definition.js';
import { defaultVocabulary } from './vocabulary.js';

/** What the tagger reads from an item. */
export interface TagInput {
  title: string;
  description?: string | null;
  content?: string | null;
  link?: string | null;
}

export type { TagResult };

/** A compiled tagger for one taxonomy. */
export interface Tagger {
  tag(input: TagInput): TagResult;
  /** The topics it was built from. */
  readonly topics: readonly TopicDefinition[];
}

/** Builds a tagger for `topics` (defaults plus feeds.json overrides, see applyTopicOverrides). */
export function createTagger(topics: TopicDefinition[], vocabulary: TaggingVocabulary = defaultVocabulary): Tagger {
  const compiled = compileTaxonomy(topics, vocabulary);
  // One evidence record reused for every item: tagging is synchronous and the record is fully
  // consumed before tag() returns, so this saves a dozen allocations per item.
  const scratch = emptyEvidence();
  return { topics, tag: (input) => decideTopics(compiled, collectEvidence(compiled, input, scratch)) };
}

function emptyEvidence(): ItemEvidence {
  return {
    source: '', hits: [], breakAt: 0, strong: [], groups: [], groupMask: [], none: [],
    touched: [], touchedMask: 0, inTitle: [], scope: false, genericScope: false, jurisdictionHits: [], weakJurisdictionHits: [],
  };
}

function resetEvidence(e: ItemEvidence, source: string): void {
  e.source = source;
  e.hits.length = 0;
  e.breakAt = 0;
  e.strong.length = 0;
  e.groups.length = 0;
  e.groupMask.length = 0;
  e.none.length = 0;
  e.touched.length = 0;
  e.touchedMask = 0;
  e.inTitle.length = 0;
  e.scope = false;
  e.genericScope = false;
  e.jurisdictionHits.length = 0;
  e.weakJurisdictionHits.length = 0;
}

/** True when hit [start, end) overlaps an exclusion span of `topic` (flat triples topic, start, end). */
function excluded(spans: number[], topic: number, start: number, end: number): boolean {
  for (let s = 0; s < spans.length; s += 3) {
    if (spans[s] === topic && start < spans[s + 2]! && spans[s + 1]! < end) return true;
  }
  return false;
}

/** True when a public noun starts right after `end` (one space or hyphen between): "French regulator". */
function nounFollows(source: string, nounStarts: number[], end: number, spans: number[] | null): boolean {
  for (const start of nounStarts) {
    if (start === end + 1 && !(spans && excluded(spans, -2, start, start + 1))) {
      const between = source.charCodeAt(end);
      if (between === 32 || between === 45 /* - */ || between === 0xa0) return true;
    }
  }
  return false;
}

/** True when a money sign follows (spaces and dots skipped): "U.S. $3 million" is a currency, not a place. */
function beforeAmount(source: string, end: number): boolean {
  for (let i = end; i < source.length && i < end + 3; i++) {
    const code = source.charCodeAt(i);
    if (code === 36 /* $ */) return true;
    if (code !== 32 && code !== 46 /* . */) return false;
  }
  return false;
}

function collectEvidence(c: CompiledTaxonomy, input: TagInput, e: ItemEvidence): ItemEvidence {
  const [title, description] = judgedFields(input);
  // One text; the break character is a word of its own in no phrase, so no match spans both fields.
  const source = description ? `${title} ${FIELD_BREAK} ${description}` : title;
  resetEvidence(e, source);
  const hits = e.hits;
  c.index.findAll(source, hits);
  if (hits.length === 0) return e;
  e.breakAt = description ? title.length + 1 : source.length;
  const { useTable: table, useFrom: from } = c;
  let spans: number[] | null = null;
  let nounStarts: number[] | null = null;
  for (let h = 0; h < hits.length; h += 3) {
    const p = hits[h]!;
    for (let u = from[p]! * 4, last = from[p + 1]! * 4; u < last; u += 4) {
      const kind = table[u]!;
      if (kind === USE_EXCLUDE || kind === USE_SCOPE_EXCLUDE || kind === USE_JURISDICTION_EXCLUDE) (spans ??= []).push(table[u + 1]!, hits[h + 1]!, hits[h + 2]!);
      else if (kind === USE_PUBLIC_NOUN) (nounStarts ??= []).push(hits[h + 1]!);
    }
  }
  for (let h = 0; h < hits.length; h += 3) {
    const p = hits[h]!;
    const start = hits[h + 1]!;
    const end = hits[h + 2]!;
    for (let u = from[p]! * 4, last = from[p + 1]! * 4; u < last; u += 4) {
      const kind = table[u]!;
      const topic = table[u + 1]!;
      if (kind === USE_JURISDICTION) {
        const strength = table[u + 2]!;
        if ((spans && excluded(spans, -2, start, end)) || beforeAmount(source, end)) continue;
        if (strength === JURISDICTION_ADJECTIVE && !(nounStarts && nounFollows(source, nounStarts, end, spans))) continue;
        ((strength === JURISDICTION_WEAK ? e.weakJurisdictionHits : e.jurisdictionHits)[topic] ??= []).push(h);
      } else if (kind === USE_SCOPE) {
        if (!spans || !excluded(spans, -1, start, end)) {
          if (table[u + 2] === 1) e.genericScope = true;
          else e.scope = true;
        }
      } else if (kind === USE_NONE) {
        e.none[table[u + 2]!] = true;
      } else if (kind === USE_PHRASE || kind === USE_GROUP) {
        if (spans && excluded(spans, topic, start, end)) continue;
        if (topic < 30 ? (e.touchedMask & (1 << topic)) === 0 : !e.touched.includes(topic)) {
          e.touched.push(topic);
          if (topic < 30) e.touchedMask |= 1 << topic;
        }
        if (start < e.breakAt) e.inTitle[topic] = true;
        if (kind === USE_PHRASE) (e.strong[topic] ??= []).push(h);
        else {
          const rule = table[u + 2]!;
          const group = table[u + 3]!;
          (e.groups[rule] ??= []).push(group, h);
          e.groupMask[rule] = (e.groupMask[rule] ?? 0) | (1 << group);
        }
      }
    }
  }
  return e;
}

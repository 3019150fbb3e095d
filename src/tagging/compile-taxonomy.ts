/**
 * Compiles topic definitions and the shared vocabulary into one phrase index plus a table of
 * what each phrase means (which topic, which rule group, exclusion, scope or jurisdiction).
 */
import { createPhraseIndex, type PhraseIndex } from './phrase-index.js';
import type { TaggingVocabulary, TopicDefinition, TopicRule } from './topic-definition.js';

/** What one phrase occurrence counts as (`rule` is an index into CompiledTaxonomy.rules). */
export type PhraseUse =
  | { kind: 'phrase'; topic: number }
  | { kind: 'exclude'; topic: number }
  | { kind: 'group'; topic: number; rule: number; group: number }
  | { kind: 'none'; topic: number; rule: number }
  | { kind: 'scope'; generic: boolean }
  | { kind: 'scope-exclude' }
  | { kind: 'jurisdiction'; id: string; strength: JurisdictionStrength }
  | { kind: 'public-noun' }
  | { kind: 'jurisdiction-exclude' };

/** How a jurisdiction name counts: on its own, only before a public noun, or only when nothing else does. */
export type JurisdictionStrength = typeof JURISDICTION_NAME | typeof JURISDICTION_ADJECTIVE | typeof JURISDICTION_WEAK;
/** A name that places an item on its own. */
export const JURISDICTION_NAME = 0;
/** An adjective that needs a public noun right after it. */
export const JURISDICTION_ADJECTIVE = 1;
/** A name that counts only when no other jurisdiction is named. */
export const JURISDICTION_WEAK = 2;

/** A rule with its topic, numbered across the whole taxonomy. */
export interface CompiledRule {
  topic: number;
  rule: TopicRule;
  /** Bit mask with one bit per group: the rule can fire when all bits are seen. */
  complete: number;
  /** Rules with `unlessTopics` run in a second pass, after the other evidence is known. */
  deferred: boolean;
}

// Numeric codes of PhraseUse kinds in the flat use table (plain constants: the hot loop compares
// small integers instead of strings).
/** Use code: a strong phrase of a topic. */
export const USE_PHRASE = 0;
/** Use code: an exclusion context of a topic. */
export const USE_EXCLUDE = 1;
/** Use code: a phrase of one rule group. */
export const USE_GROUP = 2;
/** Use code: a phrase that cancels a rule. */
export const USE_NONE = 3;
/** Use code: a privacy-scope word (the record's third number is 1 for a generic one such as "data"). */
export const USE_SCOPE = 4;
/** Use code: a context that cancels a scope word. */
export const USE_SCOPE_EXCLUDE = 5;
/** Use code: a jurisdiction phrase (the record's third number is its JurisdictionStrength). */
export const USE_JURISDICTION = 6;
/** Use code: a public noun that makes a jurisdiction adjective count. */
export const USE_PUBLIC_NOUN = 7;
/** Use code: a context that cancels the jurisdiction names it overlaps. */
export const USE_JURISDICTION_EXCLUDE = 8;

/** The compiled form the tagger runs on. */
export interface CompiledTaxonomy {
  topics: TopicDefinition[];
  index: PhraseIndex;
  /** Indexed by phrase id. */
  uses: PhraseUse[][];
  /**
   * The same uses as flat records of four numbers (kind, topic or jurisdiction, rule, group):
   * phrase id p owns records useFrom[p] .. useFrom[p + 1] - 1. Monomorphic on the hot path.
   */
  useTable: Int32Array;
  useFrom: Int32Array;
  jurisdictionIds: string[];
  /** Indexes into `jurisdictionIds` in id order (results list jurisdictions sorted). */
  jurisdictionOrder: number[];
  rules: CompiledRule[];
  /** Per topic: the indexes of its rules in `rules`. */
  rulesByTopic: number[][];
}

/** Builds the phrase index for `topics` and `vocabulary`. */
export function compileTaxonomy(topics: TopicDefinition[], vocabulary: TaggingVocabulary): CompiledTaxonomy {
  const index = createPhraseIndex();
  const uses: PhraseUse[][] = [];
  const rules: CompiledRule[] = [];
  const register = (phrase: string, use: PhraseUse) => {
    for (const id of index.add(phrase)) {
      const list = (uses[id] ??= []);
      // The same phrase listed twice in one role (e.g. via {a,b} expansion) counts once.
      if (!list.some((u) => JSON.stringify(u) === JSON.stringify(use))) list.push(use);
    }
  };
  topics.forEach((topic, t) => {
    for (const p of topic.phrases) register(p, { kind: 'phrase', topic: t });
    for (const p of topic.exclude) register(p, { kind: 'exclude', topic: t });
    for (const rule of topic.rules) {
      const r = rules.length;
      if (rule.all.length === 0 || rule.all.length > 30) throw new Error(`topic "${topic.id}": a rule needs 1 to 30 groups`);
      rules.push({ topic: t, rule, complete: 2 ** rule.all.length - 1, deferred: (rule.unlessTopics?.length ?? 0) > 0 });
      rule.all.forEach((group, g) => {
        for (const p of group) register(p, { kind: 'group', topic: t, rule: r, group: g });
      });
      for (const p of rule.none ?? []) register(p, { kind: 'none', topic: t, rule: r });
    }
  });
  for (const p of vocabulary.scope) register(p, { kind: 'scope', generic: false });
  for (const p of vocabulary.genericScope) register(p, { kind: 'scope', generic: true });
  for (const p of vocabulary.scopeExclude) register(p, { kind: 'scope-exclude' });
  const jurisdictionUses: [Record<string, string[]>, JurisdictionStrength][] = [
    [vocabulary.jurisdictions, JURISDICTION_NAME],
    [vocabulary.jurisdictionAdjectives, JURISDICTION_ADJECTIVE],
    [vocabulary.weakJurisdictions, JURISDICTION_WEAK],
  ];
  for (const [lists, strength] of jurisdictionUses) {
    for (const [id, phrases] of Object.entries(lists)) {
      if (!(id in vocabulary.jurisdictions)) throw new Error(`jurisdiction "${id}" has adjectives or weak names but no names`);
      for (const p of phrases) register(p, { kind: 'jurisdiction', id, strength });
    }
  }
  for (const p of vocabulary.publicNouns) register(p, { kind: 'public-noun' });
  for (const p of vocabulary.jurisdictionExclude) register(p, { kind: 'jurisdiction-exclude' });
  const rulesByTopic = topics.map((_, t) => rules.flatMap((r, i) => (r.topic === t ? [i] : [])));
  const jurisdictionIds = Object.keys(vocabulary.jurisdictions);
  const jurisdictionOrder = jurisdictionIds.map((_, j) => j).sort((a, b) => (jurisdictionIds[a]! < jurisdictionIds[b]! ? -1 : 1));
  const { useTable, useFrom } = flattenUses(uses, index.size(), jurisdictionIds);
  return { topics, index, uses, useTable, useFrom, jurisdictionIds, jurisdictionOrder, rules, rulesByTopic };
}

function flattenUses(uses: PhraseUse[][], phrases: number, jurisdictionIds: string[]): { useTable: Int32Array; useFrom: Int32Array } {
  const useFrom = new Int32Array(phrases + 1);
  const records: number[] = [];
  for (let p = 0; p < phrases; p++) {
    useFrom[p] = records.length / 4;
    for (const use of uses[p] ?? []) {
      switch (use.kind) {
        case 'phrase': records.push(USE_PHRASE, use.topic, 0, 0); break;
        case 'exclude': records.push(USE_EXCLUDE, use.topic, 0, 0); break;
        case 'group': records.push(USE_GROUP, use.topic, use.rule, use.group); break;
        case 'none': records.push(USE_NONE, use.topic, use.rule, 0); break;
        case 'scope': records.push(USE_SCOPE, -1, use.generic ? 1 : 0, 0); break;
        case 'scope-exclude': records.push(USE_SCOPE_EXCLUDE, -1, 0, 0); break;
        case 'jurisdiction': records.push(USE_JURISDICTION, jurisdictionIds.indexOf(use.id), use.strength, 0); break;
        case 'public-noun': records.push(USE_PUBLIC_NOUN, -1, 0, 0); break;
        case 'jurisdiction-exclude': records.push(USE_JURISDICTION_EXCLUDE, -2, 0, 0); break;
      }
    }
  }
  useFrom[phrases] = records.length / 4;
  return { useTable: Int32Array.from(records), useFrom };
}

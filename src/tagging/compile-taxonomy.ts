/**
 * Compiles topic definitions and the shared vocabulary into one phrase index plus a table of
 * what each phrase means (which topic, which rule group, exclusion, scope or jurisdiction).
 */
import { createPhraseIndex, type PhraseIndex } from './phrase-index.js';
import type { TaggingVocabulary, TopicDefinition } from './topic-definition.js';

/** What one phrase occurrence counts as. */
export type PhraseUse =
  | { kind: 'phrase'; topic: number }
  | { kind: 'exclude'; topic: number }
  | { kind: 'group'; topic: number; rule: number; group: number }
  | { kind: 'none'; topic: number; rule: number }
  | { kind: 'scope' }
  | { kind: 'scope-exclude' }
  | { kind: 'jurisdiction'; id: string };

/** The compiled form the tagger runs on. */
export interface CompiledTaxonomy {
  topics: TopicDefinition[];
  index: PhraseIndex;
  /** Indexed by phrase id. */
  uses: PhraseUse[][];
  /** Rules with `unlessTopics` run in a second pass, after the other evidence is known. */
  deferred: boolean[][];
}

/** Builds the phrase index for `topics` and `vocabulary`. */
export function compileTaxonomy(topics: TopicDefinition[], vocabulary: TaggingVocabulary): CompiledTaxonomy {
  const index = createPhraseIndex();
  const uses: PhraseUse[][] = [];
  const register = (phrase: string, use: PhraseUse) => {
    for (const id of index.add(phrase)) (uses[id] ??= []).push(use);
  };
  topics.forEach((topic, t) => {
    for (const p of topic.phrases) register(p, { kind: 'phrase', topic: t });
    for (const p of topic.exclude) register(p, { kind: 'exclude', topic: t });
    topic.rules.forEach((rule, r) => {
      rule.all.forEach((group, g) => {
        for (const p of group) register(p, { kind: 'group', topic: t, rule: r, group: g });
      });
      for (const p of rule.none ?? []) register(p, { kind: 'none', topic: t, rule: r });
    });
  });
  for (const p of vocabulary.scope) register(p, { kind: 'scope' });
  for (const p of vocabulary.scopeExclude) register(p, { kind: 'scope-exclude' });
  for (const [id, phrases] of Object.entries(vocabulary.jurisdictions)) {
    for (const p of phrases) register(p, { kind: 'jurisdiction', id });
  }
  const deferred = topics.map((topic) => topic.rules.map((rule) => (rule.unlessTopics?.length ?? 0) > 0));
  return { topics, index, uses, deferred };
}

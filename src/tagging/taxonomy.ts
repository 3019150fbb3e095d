/**
 * The 17-topic taxonomy (docs/tagging.md), kept as data in ./topics/, and the merge of user topics
 * from feeds.json over it.
 */
import type { TopicOverride } from './topic-config.js';
import type { TopicDefinition } from './topic-definition.js';
import { legalTopics } from './topics/legal-topics.js';
import { securityTopics } from './topics/security-topics.js';
import { subjectTopics } from './topics/subject-topics.js';

export type { TopicDefinition, TopicRule, TaggingVocabulary } from './topic-definition.js';

const ORDER = [
  'ai', 'gdpr', 'us-state-law', 'legislation', 'enforcement', 'lawsuit', 'breach', 'security', 'surveillance',
  'biometrics', 'children', 'education', 'health', 'employment', 'adtech', 'data-brokers', 'transfers',
];

function copyTopic(topic: TopicDefinition): TopicDefinition {
  return structuredClone(topic);
}

/** The built-in topics in taxonomy order (fresh copies: callers may change them). */
export function defaultTopics(): TopicDefinition[] {
  const byId = new Map([...subjectTopics, ...legalTopics, ...securityTopics].map((t) => [t.id, t]));
  return ORDER.map((id) => copyTopic(byId.get(id)!));
}

/**
 * Applies feeds.json `topics` entries: an entry with a built-in id changes its label or
 * definition and adds phrases and exclusions; a new id adds a topic, which needs phrases.
 * Throws an Error naming the entry when an override cannot be applied.
 */
export function applyTopicOverrides(base: TopicDefinition[], overrides: readonly TopicOverride[]): TopicDefinition[] {
  const topics = base.map(copyTopic);
  const byId = new Map(topics.map((t) => [t.id, t]));
  for (const override of overrides) {
    const existing = byId.get(override.id);
    if (existing) {
      if (override.label !== undefined) existing.label = override.label;
      if (override.definition !== undefined) existing.definition = override.definition;
      existing.phrases.push(...(override.phrases ?? []));
      existing.exclude.push(...(override.exclude ?? []));
      continue;
    }
    if (!override.phrases || override.phrases.length === 0) {
      throw new Error(`topic "${override.id}" is new, so it needs at least one phrase in "phrases"`);
    }
    const topic: TopicDefinition = {
      id: override.id,
      label: override.label ?? override.id,
      definition: override.definition ?? '',
      phrases: [...override.phrases],
      exclude: [...(override.exclude ?? [])],
      rules: [],
    };
    topics.push(topic);
    byId.set(topic.id, topic);
  }
  return topics;
}

import type { TopicRef } from './topic-resolver.js';

/** `"gpdr" is not a topic: did you mean gdpr?` (or a pointer to `topics`). */
export function unknownTopicProblem(typed: string, suggestions: readonly TopicRef[]): string {
  if (suggestions.length === 0) return `"${typed}" is not a topic: \`topics\` lists them all`;
  return `"${typed}" is not a topic: did you mean ${suggestions.map((topic) => `\`${topic.id}\``).join(' or ')}?`;
}

/** Several unknown topics in one sentence. */
export function unknownTopicsProblem(unknown: ReadonlyArray<{ typed: string; suggestions: readonly TopicRef[] }>): string {
  return unknown.map((entry) => unknownTopicProblem(entry.typed, entry.suggestions)).join('; ');
}

/** Looks up topic ids in the taxonomy, keeping unknown ids (e.g. removed topics) as plain refs. */
export function topicsById(ids: readonly string[], topics: readonly TopicRef[]): TopicRef[] {
  return ids.map((id) => topics.find((topic) => topic.id === id) ?? { id, label: id });
}

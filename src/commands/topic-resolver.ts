import { nearMissDistance } from './edit-distance.js';

/** The part of a taxonomy topic the command core needs (structurally a TopicDefinition). */
export interface TopicRef {
  id: string;
  label: string;
  definition?: string;
  aliases?: readonly string[];
}

/** How one typed topic name resolved: exactly, as a unique near miss, or not at all. */
export type TopicResolution<T extends TopicRef = TopicRef> =
  | { kind: 'exact'; topic: T }
  | { kind: 'near'; topic: T; typed: string }
  | { kind: 'unknown'; typed: string; suggestions: T[] };

/** "US State Law" and "us-state-law" compare equal; "AI & automated decisions" -> "ai-automated-decisions". */
export function topicKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function namesOf(topic: TopicRef): string[] {
  return [topic.id, topic.label, ...(topic.aliases ?? [])].map(topicKey).filter(Boolean);
}

function findExact<T extends TopicRef>(key: string, topics: readonly T[]): T | undefined {
  return topics.find((topic) => namesOf(topic).includes(key));
}

/** Resolves a typed topic name by id, label or alias, then by near miss (`gpdr` -> `gdpr`). */
export function resolveTopic<T extends TopicRef>(typed: string, topics: readonly T[]): TopicResolution<T> {
  const key = topicKey(typed);
  const exact = findExact(key, topics);
  if (exact) return { kind: 'exact', topic: exact };
  if (!key) return { kind: 'unknown', typed, suggestions: [] };
  const near = topics
    .map((topic) => ({ topic, distance: closestName(key, topic) }))
    .filter((entry): entry is { topic: T; distance: number } => entry.distance !== null)
    .sort((x, y) => x.distance - y.distance);
  const best = near[0];
  if (best && near.filter((entry) => entry.distance === best.distance).length === 1) {
    return { kind: 'near', topic: best.topic, typed };
  }
  // A prefix ("bio" for biometrics) is a helpful suggestion even when too far for a near miss.
  const prefixed = topics.filter((topic) => key.length >= 2 && namesOf(topic).some((name) => name.startsWith(key)));
  const suggestions = [...near.map((entry) => entry.topic), ...prefixed].filter((t, i, all) => all.indexOf(t) === i);
  return { kind: 'unknown', typed, suggestions: suggestions.slice(0, 3) };
}

/** The smallest near-miss distance of `key` to any name of the topic, or null when none is near. */
function closestName(key: string, topic: TopicRef): number | null {
  let best: number | null = null;
  for (const name of namesOf(topic)) {
    const distance = nearMissDistance(key, name);
    if (distance !== null && (best === null || distance < best)) best = distance;
  }
  return best;
}

/** The outcome of resolving a list of typed topics (`subscribe ai us state law gpdr`). */
export interface TopicListResolution<T extends TopicRef = TopicRef> {
  resolved: Array<{ topic: T; typed?: string }>;
  unknown: Array<{ typed: string; suggestions: T[] }>;
}

/**
 * Resolves words into topics, preferring the longest run of words that names a topic exactly
 * (so multi-word labels work without quotes), then single words with near-miss matching.
 */
export function resolveTopicList<T extends TopicRef>(words: readonly string[], topics: readonly T[]): TopicListResolution<T> {
  const result: TopicListResolution<T> = { resolved: [], unknown: [] };
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let end = Math.min(words.length, i + 5); end > i + 1; end--) {
      // Phrases only ever match exactly: no near-miss work for every run of words.
      const exact = findExact(topicKey(words.slice(i, end).join(' ')), topics);
      if (exact) {
        addUnique(result, exact);
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = words[i] ?? '';
    const resolution = resolveTopic(word, topics);
    if (resolution.kind === 'exact') addUnique(result, resolution.topic);
    else if (resolution.kind === 'near') addUnique(result, resolution.topic, word);
    else result.unknown.push({ typed: word, suggestions: resolution.suggestions });
    i += 1;
  }
  return result;
}

function addUnique<T extends TopicRef>(result: TopicListResolution<T>, topic: T, typed?: string): void {
  if (result.resolved.some((entry) => entry.topic.id === topic.id)) return;
  result.resolved.push(typed === undefined ? { topic } : { topic, typed });
}

/** The taxonomy as `privacy-radar topics` prints it: a readable list or JSON. */
import type { TopicDefinition } from './topic-definition.js';

/** id, label and definition of each topic. */
export function listTopics(topics: readonly TopicDefinition[]): { id: string; label: string; definition: string }[] {
  return topics.map(({ id, label, definition }) => ({ id, label, definition }));
}

/** Human-readable listing: "id  label" then the indented definition. */
export function formatTopicsText(topics: readonly TopicDefinition[]): string {
  const width = Math.max(0, ...topics.map((t) => t.id.length));
  return topics
    .map((t) => `${t.id.padEnd(width)}  ${t.label}${t.definition ? `\n${' '.repeat(width + 2)}${t.definition}` : ''}`)
    .join('\n');
}

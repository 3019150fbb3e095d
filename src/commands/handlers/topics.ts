import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import type { HandlerContext } from './handler-context.js';

/** `topics`: the taxonomy, id and label with its one-line definition. */
export async function handleTopics({ deps }: HandlerContext): Promise<ChatMessage> {
  const fields = deps.topics.map((topic) => ({ label: `${topic.label} (${topic.id})`, value: topic.definition ?? '' }));
  const title = `${deps.topics.length} topics`;
  const text = [title, ...deps.topics.map((topic) => `• ${topic.id}: ${topic.label}`)].join('\n');
  return reply({ text, title, fields, lines: ['Use the id or the label, e.g. `latest gdpr` or `subscribe ai lawsuit`.'] });
}

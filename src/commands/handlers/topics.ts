import type { ChatMessage } from '../../chat/message.js';
import { problemReply, reply } from '../build-reply.js';
import { describeTopicForReaders } from '../topic-description.js';
import { resolveTopic } from '../topic-resolver.js';
import { unknownTopicProblem } from '../topic-problems.js';
import type { HandlerContext } from './handler-context.js';

/** `topics`: the taxonomy, label and id with what each covers; `topics ai`: that topic alone. */
export async function handleTopics({ deps }: HandlerContext, topicWords: string[] = []): Promise<ChatMessage> {
  if (topicWords.length > 0) {
    const typed = topicWords.join(' ');
    const resolution = resolveTopic(typed, deps.topics);
    if (resolution.kind === 'unknown') return problemReply(unknownTopicProblem(typed, resolution.suggestions), `topics ${resolution.suggestions[0]?.id ?? 'ai'}`);
    const topic = deps.topics.find((candidate) => candidate.id === resolution.topic.id)!;
    const lines = [
      describeTopicForReaders(topic.definition ?? ''),
      `Follow it here with \`subscribe ${topic.id}\`; see its newest stories with \`latest ${topic.id}\`.`,
    ].filter(Boolean);
    return reply({ text: [topic.label, ...lines].join('\n'), title: `${topic.label} (${topic.id})`, lines });
  }
  const fields = deps.topics.map((topic) => ({ label: `${topic.label} (${topic.id})`, value: describeTopicForReaders(topic.definition ?? '') }));
  const title = `${deps.topics.length} topics`;
  const text = [title, ...deps.topics.map((topic) => `• ${topic.label} (${topic.id})`)].join('\n');
  return reply({ text, title, fields, lines: ['Use the id or the label, e.g. `latest gdpr` or `subscribe ai lawsuit`; `topics gdpr` shows one topic.'] });
}

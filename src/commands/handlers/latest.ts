import type { ChatMessage } from '../../chat/message.js';
import { DEFAULT_LIMITS } from '../command-deps.js';
import { listText, problemReply, reply, toStoryItems } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { resolveTopic, type TopicRef } from '../topic-resolver.js';
import { unknownTopicProblem } from '../topic-problems.js';
import type { HandlerContext } from './handler-context.js';
import { viewer } from './watches.js';

type LatestCommand = Extract<ParsedCommand, { name: 'latest' }>;

// Near-identical items collapse into one story, so fetch more rows than stories shown.
const OVERFETCH = 3;

/** `latest [topic] [n] [public]`: the newest stories, optionally for one topic. */
export async function handleLatest(command: LatestCommand, { deps, context }: HandlerContext): Promise<ChatMessage> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const count = command.count ?? limits.latestDefault;
  if (!Number.isInteger(count) || count < 1 || count > limits.latestMax) {
    return problemReply(`the count must be a whole number from 1 to ${limits.latestMax} (got ${command.count})`, EXAMPLES.latest);
  }
  let topic: TopicRef | undefined;
  const lines: string[] = [];
  if (command.topicWords.length > 0) {
    const typed = command.topicWords.join(' ');
    const resolution = resolveTopic(typed, deps.topics);
    if (resolution.kind === 'unknown') {
      return problemReply(unknownTopicProblem(typed, resolution.suggestions), `latest ${resolution.suggestions[0]?.id ?? 'ai'} ${count}`);
    }
    topic = resolution.topic;
    if (resolution.kind === 'near') lines.push(`Showing \`${topic.id}\` (you typed "${typed}").`);
  }
  const rows = await deps.store.items.latest({ ...(topic ? { topic: topic.id } : {}), limit: count * OVERFETCH, ...viewer(context.destination) });
  const items = toStoryItems(rows, count);
  const title = topic ? `Latest on ${topic.label}` : 'Latest privacy news';
  if (items.length === 0) {
    const empty = topic ? `No items on ${topic.label} yet.` : 'No items yet: the feeds have not been polled.';
    return reply({ text: empty, title, lines: [...lines, empty], visibility: command.public ? 'public' : 'private' });
  }
  return reply({
    text: listText(title, items),
    title,
    ...(lines.length > 0 ? { lines } : {}),
    items,
    visibility: command.public ? 'public' : 'private',
  });
}

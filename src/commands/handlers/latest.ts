import type { ChatMessage } from '../../chat/message.js';
import { DEFAULT_LIMITS } from '../command-deps.js';
import { listText, problemReply, reply, toStoryItems } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { resolveTopic, type TopicRef } from '../topic-resolver.js';
import { unknownTopicProblem } from '../topic-problems.js';
import { splitTopicAndRegions, unknownRegionProblem } from '../region-words.js';
import { regionMarks } from '../../core/regions.js';
import type { HandlerContext } from './handler-context.js';

type LatestCommand = Extract<ParsedCommand, { name: 'latest' }>;

// Near-identical items collapse into one story, so fetch more rows than stories shown.
const OVERFETCH = 3;

/** `latest [topic] [region...] [n] [public]`: the newest stories, optionally for one topic and some regions. */
export async function handleLatest(command: LatestCommand, { deps }: HandlerContext): Promise<ChatMessage> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const count = command.count ?? limits.latestDefault;
  if (!Number.isInteger(count) || count < 1 || count > limits.latestMax) {
    return problemReply(`the count must be a whole number from 1 to ${limits.latestMax} (got ${command.count})`, EXAMPLES.latest);
  }
  let topic: TopicRef | undefined;
  const lines: string[] = [];
  // `latest ai us`: trailing region words filter by jurisdiction (`latest us` alone too).
  const { topicWords, regions, badRegion } = splitTopicAndRegions(command.topicWords, deps.topics);
  if (badRegion !== undefined) return problemReply(unknownRegionProblem(badRegion), `latest ${topicWords.join(' ')} us`);
  if (topicWords.length > 0) {
    const typed = topicWords.join(' ');
    const resolution = resolveTopic(typed, deps.topics);
    if (resolution.kind === 'unknown') {
      return problemReply(unknownTopicProblem(typed, resolution.suggestions), `latest ${resolution.suggestions[0]?.id ?? 'ai'} ${count}`);
    }
    topic = resolution.topic;
    if (resolution.kind === 'near') lines.push(`Showing \`${topic.id}\` (you typed "${typed}").`);
  }
  const rows = await deps.store.items.latest({ ...(topic ? { topic: topic.id } : {}), ...(regions.length > 0 ? { regions } : {}), limit: count * OVERFETCH });
  const items = toStoryItems(rows, count);
  const where = regions.length > 0 ? ` (${regionMarks(regions)})` : '';
  const title = `${topic ? `Latest on ${topic.label}` : 'Latest privacy news'}${where}`;
  if (items.length === 0) {
    const empty = regions.length > 0
      ? `No items${topic ? ` on ${topic.label}` : ''} tagged ${regionMarks(regions)} yet.`
      : topic ? `No items on ${topic.label} yet.` : 'No items yet: the feeds have not been polled.';
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

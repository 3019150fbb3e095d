import type { ChatMessage } from '../../chat/message.js';
import { problemReply, reply } from '../build-reply.js';
import { topicsById } from '../topic-problems.js';
import type { HandlerContext } from './handler-context.js';

/**
 * "Not relevant": records (item, topic, channel) for each topic this channel follows that the
 * item has (the topics that brought it here), or all of the item's topics when none of them is
 * followed any more. Never who clicked. Operators read the counts (`feedback`, /metrics).
 */
export async function handleNotRelevant(itemId: number, { deps, context, now }: HandlerContext): Promise<ChatMessage> {
  const item = await deps.store.items.getById(itemId);
  if (!item) return problemReply(`item #${itemId} is no longer stored`, 'latest');
  const followed = (await deps.store.subscriptions.get(context.destination))?.topics ?? [];
  const matched = item.topics.filter((topic) => followed.includes(topic));
  const topics = matched.length > 0 ? matched : item.topics;
  if (topics.length === 0) {
    const text = `Thanks. #${item.id} has no topic, so there is nothing to record.`;
    return reply({ text, lines: [text] });
  }
  await deps.store.feedback.recordNotRelevant(context.destination, item.id, topics, now);
  const labels = topicsById(topics, deps.topics).map((topic) => topic.label).join(', ');
  const text = `Thanks: #${item.id} is recorded as not relevant for ${labels} in this channel (no names are kept). The operators use these counts to improve tagging.`;
  return reply({ text, lines: [text] });
}

import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import { EXAMPLES } from '../parse-command.js';
import { topicsById } from '../topic-problems.js';
import { describeSchedule } from './describe-schedule.js';
import type { HandlerContext } from './handler-context.js';
import { describeRegionFilter, EVERY_REGION } from '../../core/regions.js';

/** `subscriptions`: this channel's topics, delivery status (with pause reason) and digest. */
export async function handleSubscriptions({ deps, context }: HandlerContext): Promise<ChatMessage> {
  const subscription = await deps.store.subscriptions.get(context.destination);
  if (!subscription || subscription.topics.length === 0) {
    const text = `This channel has no subscriptions. Example: \`${EXAMPLES.subscribe}\``;
    return reply({ text, lines: [text] });
  }
  const topics = topicsById(subscription.topics, deps.topics);
  const status = subscription.status === 'paused' ? `paused (${subscription.pausedReason ?? 'no reason recorded'})` : 'active';
  const fields = [
    { label: 'Topics', value: topics.map((topic) => `${topic.label} (${topic.id})`).join(', ') },
    { label: 'Deliveries', value: status },
    { label: 'Weekly digest', value: describeSchedule(subscription.digest) },
    { label: 'Regions', value: describeRegionFilter(subscription.regionFilter ?? EVERY_REGION) },
  ];
  if (subscription.lastDigestAt) fields.push({ label: 'Last digest', value: subscription.lastDigestAt.toISOString() });
  const title = 'This channel’s subscriptions';
  return reply({ text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'), title, fields });
}

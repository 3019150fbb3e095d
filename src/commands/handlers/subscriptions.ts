import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import { EXAMPLES } from '../parse-command.js';
import { topicsById } from '../topic-problems.js';
import { describeSchedule } from './describe-schedule.js';
import type { HandlerContext } from './handler-context.js';
import { describeMute } from './mutes.js';
import { describeQuiet } from './quiet.js';
import { describeRegionFilter, EVERY_REGION } from '../../core/regions.js';

/**
 * `subscriptions`: everything that shapes what this channel receives, in one reply: topics,
 * delivery status (with pause reason), watches, mutes, quiet hours and the digest.
 */
export async function handleSubscriptions({ deps, context }: HandlerContext): Promise<ChatMessage> {
  const [subscription, watches, mutes] = await Promise.all([
    deps.store.subscriptions.get(context.destination),
    deps.store.watches.list(context.destination),
    deps.store.mutes.list(context.destination),
  ]);
  if (!subscription || (subscription.topics.length === 0 && watches.length === 0)) {
    const text = `This channel has no subscriptions. Example: \`${EXAMPLES.subscribe}\``;
    const muted = mutes.length > 0 ? [`Mutes: ${mutes.map(describeMute).join(', ')}.`] : [];
    return reply({ text: [text, ...muted].join('\n'), lines: [text, ...muted] });
  }
  const topics = topicsById(subscription.topics, deps.topics);
  const status = subscription.status === 'paused' ? `paused (${subscription.pausedReason ?? 'no reason recorded'})` : 'active';
  const fields = [
    { label: 'Topics', value: topics.length === 0 ? 'none' : topics.map((topic) => `${topic.label} (${topic.id})`).join(', ') },
    { label: 'Deliveries', value: status },
    { label: 'Watches', value: watches.length === 0 ? 'none' : watches.join('; ') },
    { label: 'Mutes', value: mutes.length === 0 ? 'none' : mutes.map(describeMute).join(', ') },
    { label: 'Quiet hours', value: describeQuiet(subscription.quiet) },
    { label: 'Weekly digest', value: describeSchedule(subscription.digest) },
    { label: 'Regions', value: describeRegionFilter(subscription.regionFilter ?? EVERY_REGION) },
  ];
  if (subscription.lastDigestAt) fields.push({ label: 'Last digest', value: subscription.lastDigestAt.toISOString() });
  const title = 'This channel’s subscriptions';
  return reply({ text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'), title, fields });
}

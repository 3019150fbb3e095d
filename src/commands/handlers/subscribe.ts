import type { ChatMessage } from '../../chat/message.js';
import type { Destination, StoredItem } from '../../core/types.js';
import { problemReply, reply, toStoryItems } from '../build-reply.js';
import type { CommandDeps } from '../command-deps.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { resolveTopicList } from '../topic-resolver.js';
import { topicsById, unknownTopicsProblem } from '../topic-problems.js';
import { describeSchedule } from './describe-schedule.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';
import { handleSettings } from './settings.js';

type SubscribeCommand = Extract<ParsedCommand, { name: 'subscribe' }>;

const PREVIEW = 3;

/**
 * `subscribe <topic...>`: adds topics, confirms, and previews the three newest matching items.
 * Near misses are suggested, never applied: a channel setting should not change on a guess.
 */
export async function handleSubscribe(command: SubscribeCommand, { deps, context, now }: HandlerContext): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change subscriptions');
  if (command.topicWords.length === 0) return resumeOrExplain(deps, context.destination, { deps, context, now });
  const { resolved, unknown } = resolveTopicList(command.topicWords, deps.topics);
  const guessed = resolved.filter((entry) => entry.typed !== undefined);
  const problems = [...unknown, ...guessed.map((entry) => ({ typed: entry.typed ?? '', suggestions: [entry.topic] }))];
  if (problems.length > 0) {
    const fixed = [...resolved.filter((entry) => entry.typed === undefined).map((e) => e.topic.id), ...problems.map((p) => p.suggestions[0]?.id ?? 'ai')];
    return problemReply(unknownTopicsProblem(problems), `subscribe ${[...new Set(fixed)].join(' ')}`);
  }
  const ids = resolved.map((entry) => entry.topic.id);
  const before = await deps.store.subscriptions.get(context.destination);
  const subscription = await deps.store.subscriptions.subscribe(context.destination, ids, deps.digestDefaults, now);
  const lines = [
    `New items on ${ids.map((id) => `\`${id}\``).join(', ')} will be posted in this channel.`,
    `This channel follows: ${topicsById(subscription.topics, deps.topics).map((t) => t.label).join(', ')}.`,
    `Weekly digest: ${describeSchedule(subscription.digest)}.`,
  ];
  if (before?.status === 'paused') {
    await deps.store.subscriptions.resume(context.destination);
    lines.push('Deliveries to this channel were paused and have been resumed.');
  }
  const preview = await previewItems(deps.store.items, ids);
  const items = toStoryItems(preview, PREVIEW);
  if (items.length === 0) lines.push('No stored items on these topics yet.');
  const title = `Subscribed to ${ids.join(', ')}`;
  return reply({
    text: [title, ...lines].join('\n'),
    title,
    lines,
    ...(items.length > 0 ? { sections: [{ heading: 'Newest matching items', items }] } : {}),
  });
}

/** The newest stored items on any of `ids`, newest first (subscribe's preview, App Home's stories). */
export async function previewItems(items: { latest(q: { topic?: string; limit: number }): Promise<StoredItem[]> }, ids: string[], perTopicLimit = PREVIEW * 3): Promise<StoredItem[]> {
  const perTopic = await Promise.all(ids.map((topic) => items.latest({ topic, limit: perTopicLimit })));
  const unique = new Map<number, StoredItem>();
  for (const item of perTopic.flat()) unique.set(item.id, item);
  return [...unique.values()].sort((a, b) => b.firstSeenAt.getTime() - a.firstSeenAt.getTime() || b.id - a.id);
}

/**
 * Bare `subscribe`: resumes a paused channel; in a channel without a subscription it offers the
 * settings form to pick topics from; otherwise explains what is missing.
 */
async function resumeOrExplain(deps: CommandDeps, destination: Destination, ctx: HandlerContext): Promise<ChatMessage> {
  const current = await deps.store.subscriptions.get(destination);
  if (!current) return handleSettings(ctx, `Pick topics for this channel in the form, or type \`${EXAMPLES.subscribe}\`.`);
  if (current.status !== 'paused') return problemReply('name at least one topic', EXAMPLES.subscribe);
  await deps.store.subscriptions.resume(destination);
  const text = `Deliveries to this channel are resumed. It follows: ${current.topics.join(', ')}.`;
  return reply({ text, lines: [text] });
}

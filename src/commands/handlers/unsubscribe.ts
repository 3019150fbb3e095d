import type { ChatMessage } from '../../chat/message.js';
import { problemReply, reply } from '../build-reply.js';
import type { ParsedCommand } from '../parse-command.js';
import { resolveTopicList } from '../topic-resolver.js';
import { unknownTopicsProblem } from '../topic-problems.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

type UnsubscribeCommand = Extract<ParsedCommand, { name: 'unsubscribe' }>;

/** `unsubscribe <topic...|all>`: removes topics, or the whole subscription (and its digest). */
export async function handleUnsubscribe(command: UnsubscribeCommand, { deps, context }: HandlerContext): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change subscriptions');
  const current = await deps.store.subscriptions.get(context.destination);
  if (!current) {
    const text = 'This channel has no subscriptions, so there is nothing to remove.';
    return reply({ text, lines: [text] });
  }
  if (command.topicWords === 'all') {
    await deps.store.subscriptions.unsubscribe(context.destination, 'all');
    const text = 'Unsubscribed from everything: this channel gets no more posts or digests.';
    return reply({ text, lines: [text] });
  }
  const { resolved, unknown } = resolveTopicList(command.topicWords, deps.topics);
  const guessed = resolved.filter((entry) => entry.typed !== undefined);
  if (unknown.length > 0 || guessed.length > 0) {
    const problems = [...unknown, ...guessed.map((entry) => ({ typed: entry.typed ?? '', suggestions: [entry.topic] }))];
    const example = problems[0]?.suggestions[0]?.id ?? current.topics[0] ?? 'gdpr';
    return problemReply(unknownTopicsProblem(problems), `unsubscribe ${example}`);
  }
  const ids = resolved.map((entry) => entry.topic.id);
  const notFollowed = ids.filter((id) => !current.topics.includes(id));
  const removing = ids.filter((id) => current.topics.includes(id));
  if (removing.length === 0) {
    const text = `This channel does not follow ${notFollowed.map((id) => `\`${id}\``).join(', ')}. It follows: ${current.topics.join(', ')}.`;
    return reply({ text, lines: [text] });
  }
  const remaining = await deps.store.subscriptions.unsubscribe(context.destination, removing);
  const lines = [`Unsubscribed from ${removing.map((id) => `\`${id}\``).join(', ')}.`];
  if (notFollowed.length > 0) lines.push(`(Not followed anyway: ${notFollowed.join(', ')}.)`);
  lines.push(remaining && remaining.topics.length > 0 ? `Still following: ${remaining.topics.join(', ')}.` : 'This channel follows no topics now.');
  return reply({ text: lines.join('\n'), lines });
}

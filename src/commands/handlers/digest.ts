import type { ChatMessage } from '../../chat/message.js';
import type { DigestSchedule } from '../../core/types.js';
import { reply } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { describeSchedule } from './describe-schedule.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

type DigestCommand = Extract<ParsedCommand, { name: 'digest' }>;

function say(text: string): ChatMessage {
  return reply({ text, lines: [text] });
}

/** `digest [on|off|preview|now|weekly <day> <HH:MM> [zone]]`: the channel's weekly digest. */
export async function handleDigest({ request }: DigestCommand, { deps, context }: HandlerContext): Promise<ChatMessage> {
  const destination = context.destination;
  if (request.action === 'preview' || request.action === 'now') {
    if (request.action === 'now' && !context.canManage) return refuseManage('post a digest');
    if (!deps.digest) return say('Digests are not available in this installation.');
    if (!(await deps.store.subscriptions.get(destination))) return say(`This channel has no subscriptions, so it has no digest. Example: \`${EXAMPLES.subscribe}\``);
    if (request.action === 'preview') return { ...(await deps.digest.preview(destination)), visibility: 'private' };
    return { ...reply(await deps.digest.sendNow(destination)), visibility: 'private' };
  }
  const subscription = await deps.store.subscriptions.get(destination);
  if (!subscription) return say(`This channel has no subscriptions, so it has no digest. Subscribe first, e.g. \`${EXAMPLES.subscribe}\``);
  if (request.action === 'show') {
    return say(`Weekly digest: ${describeSchedule(subscription.digest)}. Change it with \`${EXAMPLES.digest}\` or \`digest off\`.`);
  }
  if (!context.canManage) return refuseManage('change the digest');
  const schedule: DigestSchedule =
    request.action === 'weekly'
      ? { enabled: true, weekday: request.weekday, time: request.time, timeZone: request.timeZone ?? subscription.digest.timeZone }
      : { ...subscription.digest, enabled: request.action === 'on' };
  await deps.store.subscriptions.setDigest(destination, schedule);
  return say(`Weekly digest: ${describeSchedule(schedule)}.`);
}

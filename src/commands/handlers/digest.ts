import type { ChatMessage } from '../../chat/message.js';
import type { CommandDeps } from '../command-deps.js';
import { destinationKey } from '../../delivery/destination-key.js';
import type { DigestSchedule } from '../../core/types.js';
import { reply } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { describeSchedule } from './describe-schedule.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

type DigestCommand = Extract<ParsedCommand, { name: 'digest' }>;

/**
 * `digest now` posts to the whole channel: each channel may use it once per cooldown, so a
 * repeated or replayed command cannot flood it. Held per command handler (per process); a restart
 * forgets it, which costs at most one extra digest.
 */
export const DIGEST_NOW_COOLDOWN_MS = 10 * 60_000;
const lastDigestNow = new WeakMap<CommandDeps, Map<string, Date>>();

function cooldownsOf(deps: CommandDeps, now: Date): Map<string, Date> {
  let map = lastDigestNow.get(deps);
  if (!map) lastDigestNow.set(deps, (map = new Map()));
  // Bounded: entries older than the cooldown mean nothing and are dropped.
  for (const [key, at] of map) if (now.getTime() - at.getTime() >= DIGEST_NOW_COOLDOWN_MS) map.delete(key);
  return map;
}

function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

function refuseDigestNow(last: Date, now: Date, timeZone: string): ChatMessage {
  const next = new Date(last.getTime() + DIGEST_NOW_COOLDOWN_MS);
  const minutes = Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 60_000));
  const text =
    `A digest was posted here at ${clockTime(last, timeZone)} (${timeZone}). ` +
    `\`digest now\` can be used again at ${clockTime(next, timeZone)}, in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return { ...say(text), visibility: 'private' };
}

function say(text: string): ChatMessage {
  return reply({ text, lines: [text] });
}

/** `digest [on|off|preview|now|weekly <day> <HH:MM> [zone]]`: the channel's weekly digest. */
export async function handleDigest({ request }: DigestCommand, { deps, context, now }: HandlerContext): Promise<ChatMessage> {
  const destination = context.destination;
  if (request.action === 'preview' || request.action === 'now') {
    if (request.action === 'now' && !context.canManage) return refuseManage('post a digest');
    if (!deps.digest) return say('Digests are not available in this installation.');
    const current = await deps.store.subscriptions.get(destination);
    if (!current) return say(`This channel has no subscriptions, so it has no digest. Example: \`${EXAMPLES.subscribe}\``);
    if (request.action === 'preview') return { ...(await deps.digest.preview(destination)), visibility: 'private' };
    const cooldowns = cooldownsOf(deps, now);
    const last = cooldowns.get(destinationKey(destination));
    if (last) return refuseDigestNow(last, now, current.digest.timeZone);
    const sent = await deps.digest.sendNow(destination);
    cooldowns.set(destinationKey(destination), now);
    return { ...reply(sent), visibility: 'private' };
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

import type { ChatMessage } from '../../chat/message.js';
import type { QuietHours } from '../../core/types.js';
import { heldRows, isQuietAt, quietUntil, releaseHeld } from '../../delivery/quiet-hours.js';
import { problemReply, reply } from '../build-reply.js';
import { EXAMPLES } from '../parse-command.js';
import type { QuietRequest } from '../parse-quiet-args.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

function say(text: string): ChatMessage {
  return reply({ text, lines: [text] });
}

/** "22:00-07:00 and all weekend (Europe/Berlin)" or "off". */
export function describeQuiet(quiet: QuietHours | null | undefined): string {
  if (!quiet) return 'off';
  return `${quiet.start}-${quiet.end}${quiet.weekends ? ' and all weekend' : ''} (${quiet.timeZone})`;
}

function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

/**
 * `quiet <HH:MM>-<HH:MM> [weekends] [zone]`: item posts in the window are held and arrive as one
 * roll-up when it ends; the digest is not affected. The zone defaults to the digest's. Typed
 * commands and forms call this same function.
 */
export async function setQuietHours(request: Extract<QuietRequest, { action: 'set' }>, { deps, context, now }: HandlerContext): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change quiet hours');
  const subscription = await deps.store.subscriptions.get(context.destination);
  if (!subscription) return problemReply('this channel follows no topics or watches, so there is nothing to hold; subscribe first', EXAMPLES.subscribe);
  const quiet: QuietHours = { start: request.start, end: request.end, weekends: request.weekends, timeZone: request.timeZone ?? subscription.digest.timeZone };
  await deps.store.subscriptions.setQuiet(context.destination, quiet);
  const until = quietUntil(quiet, now);
  const state = until
    ? `It is quiet now: posts are held until ${clockTime(until, quiet.timeZone)}.`
    : 'It is not quiet now.';
  return say(`Quiet hours: ${describeQuiet(quiet)}. Posts in that time are held and arrive as one message when it ends; the weekly digest is not affected. ${state}`);
}

/** `quiet off`: no more quiet hours; anything held is posted now, as one message. */
export async function quietOff({ deps, context, now }: HandlerContext): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change quiet hours');
  const subscription = await deps.store.subscriptions.get(context.destination);
  if (!subscription?.quiet) return say('This channel has no quiet hours.');
  await deps.store.subscriptions.setQuiet(context.destination, null);
  const released = await releaseHeld(deps.store, context.destination, await heldRows(deps.store, context.destination), now);
  const held = released === 0 ? 'Nothing was held.' : `The ${released} held ${released === 1 ? 'item is' : 'items are'} posted now, as one message.`;
  return say(`Quiet hours are off. ${held}`);
}

/** `quiet`: the channel's quiet hours and whether it is quiet now. */
export async function showQuietHours({ deps, context, now }: HandlerContext): Promise<ChatMessage> {
  const subscription = await deps.store.subscriptions.get(context.destination);
  if (!subscription?.quiet) return say(`This channel has no quiet hours. Example: \`${EXAMPLES.quiet}\``);
  const quietNow = isQuietAt(subscription.quiet, now);
  return say(`Quiet hours: ${describeQuiet(subscription.quiet)}. ${quietNow ? 'It is quiet now.' : 'It is not quiet now.'} \`quiet off\` ends them.`);
}

/** Dispatches a parsed `quiet` request. */
export function handleQuiet(request: QuietRequest, ctx: HandlerContext): Promise<ChatMessage> {
  if (request.action === 'set') return setQuietHours(request, ctx);
  return request.action === 'off' ? quietOff(ctx) : showQuietHours(ctx);
}

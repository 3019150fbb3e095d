import type { ChatMessage } from '../../chat/message.js';
import { isQueryProblem, parseQuery } from '../../search/parse-query.js';
import { problemReply, reply, toStoryItems } from '../build-reply.js';
import { EXAMPLES } from '../parse-command.js';
import { ensureChannel, MAX_WATCHES, quoteQuery } from './channel-rules.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

const PREVIEW = 3;

function say(text: string, extra: string[] = []): ChatMessage {
  return reply({ text: [text, ...extra].join('\n'), lines: [text, ...extra] });
}

/**
 * `watch <query>`: the channel also receives new items matching the query, whatever their topics.
 * The reply previews the three newest stored items the query matches. Typed commands and buttons
 * or forms call this same function.
 */
export async function addWatch(typed: string, { deps, context, now }: HandlerContext): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change watches');
  const query = parseQuery(typed.trim());
  if (isQueryProblem(query)) return problemReply(query.problem, EXAMPLES.watch);
  const existing = await deps.store.watches.list(context.destination);
  if (existing.includes(query.text)) return say(`This channel already watches ${quoteQuery(query.text)}.`);
  if (existing.length >= MAX_WATCHES) {
    return problemReply(`this channel has ${existing.length} watches, the most it can have; remove one with \`unwatch\` first`, EXAMPLES.unwatch);
  }
  await ensureChannel(deps, context.destination, now);
  const added = await deps.store.watches.add(context.destination, query.text, now, MAX_WATCHES);
  if (added === 'limit') return problemReply(`this channel has ${MAX_WATCHES} watches, the most it can have; remove one with \`unwatch\` first`, EXAMPLES.unwatch);
  const lines = [
    `Watching ${quoteQuery(query.text)}: new items that match are posted in this channel, whatever their topics.`,
    `\`search ${query.text}\` shows what it catches; \`unwatch ${query.text}\` stops it.`,
  ];
  const rows = await deps.store.items.search({ words: query.text, limit: PREVIEW * 3, ...viewer(context.destination) });
  const items = toStoryItems(rows, PREVIEW);
  if (items.length === 0) lines.push('No stored items match it yet.');
  const title = `Watching ${query.text}`;
  return reply({ text: [title, ...lines].join('\n'), title, lines, ...(items.length > 0 ? { sections: [{ heading: 'Newest matching items', items }] } : {}) });
}

/** `unwatch <query|all>`: removes one watch (typed as `watches` lists it, or equivalently) or all. */
export async function removeWatch(typed: string | 'all', { deps, context }: HandlerContext): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change watches');
  if (typed === 'all') {
    const removed = await deps.store.watches.remove(context.destination, 'all');
    await dropEmptyChannel(deps, context);
    return say(removed === 0 ? 'This channel has no watches.' : `Removed all ${removed} watches of this channel.`);
  }
  const query = parseQuery(typed.trim());
  if (isQueryProblem(query)) return problemReply(query.problem, EXAMPLES.unwatch);
  const removed = await deps.store.watches.remove(context.destination, query.text);
  if (removed === 0) {
    const current = await deps.store.watches.list(context.destination);
    const listed = current.length === 0 ? 'It has no watches.' : `Its watches: ${current.map(quoteQuery).join(', ')}.`;
    return say(`This channel does not watch ${quoteQuery(query.text)}. ${listed}`);
  }
  await dropEmptyChannel(deps, context);
  return say(`Stopped watching ${quoteQuery(query.text)}.`);
}

/** `watches`: the channel's watches, oldest first. */
export async function listWatches({ deps, context }: HandlerContext): Promise<ChatMessage> {
  const watches = await deps.store.watches.list(context.destination);
  if (watches.length === 0) return say(`This channel has no watches. Example: \`${EXAMPLES.watch}\``);
  const title = `${watches.length} ${watches.length === 1 ? 'watch' : 'watches'} (at most ${MAX_WATCHES})`;
  const lines = watches.map((query) => `• ${query}`);
  return reply({ text: [title, ...lines].join('\n'), title, lines });
}

/** A channel kept only for its watches goes when the last one does (as with its last topic). */
async function dropEmptyChannel({ store }: HandlerContext['deps'], { destination }: HandlerContext['context']): Promise<void> {
  const subscription = await store.subscriptions.get(destination);
  if (subscription && subscription.topics.length === 0 && (await store.watches.list(destination)).length === 0) {
    await store.subscriptions.unsubscribe(destination, 'all');
  }
}

/** Items a channel of this workspace may see (its own chat-added sources and the operator's). */
export function viewer(destination: HandlerContext['context']['destination']): { workspace: { platform: typeof destination.platform; workspaceId: string } } {
  return { workspace: { platform: destination.platform, workspaceId: destination.workspaceId } };
}

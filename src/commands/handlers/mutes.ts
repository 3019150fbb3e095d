import type { ChatMessage } from '../../chat/message.js';
import type { Mute } from '../../core/types.js';
import { isQueryProblem, parseQuery } from '../../search/parse-query.js';
import { problemReply, reply } from '../build-reply.js';
import { closestWords } from '../edit-distance.js';
import { EXAMPLES, type MuteTarget } from '../parse-command.js';
import { MAX_MUTES, quoteQuery } from './channel-rules.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

function say(text: string): ChatMessage {
  return reply({ text, lines: [text] });
}

/** How a mute reads in replies and in `mutes`. */
export function describeMute(mute: Mute): string {
  return mute.kind === 'source' ? `source ${mute.feedId}` : quoteQuery(mute.query);
}

/** The mute a target names (a query in its canonical form), or the reply explaining why not. */
async function resolveTarget(target: MuteTarget, example: string, ctx: HandlerContext): Promise<{ mute: Mute } | { refusal: ChatMessage }> {
  if (target.kind === 'query') {
    const query = parseQuery(target.query.trim());
    return isQueryProblem(query) ? { refusal: problemReply(query.problem, example) } : { mute: { kind: 'query', query: query.text } };
  }
  const feed = await ctx.deps.store.feeds.get(target.feedId);
  const { destination } = ctx.context;
  const visible = feed && (!feed.owner || (feed.owner.platform === destination.platform && feed.owner.workspaceId === destination.workspaceId));
  if (visible) return { mute: { kind: 'source', feedId: feed.id } };
  const ids = (await ctx.deps.store.feeds.list())
    .filter((known) => !known.owner || (known.owner.platform === destination.platform && known.owner.workspaceId === destination.workspaceId))
    .map((known) => known.id);
  const near = closestWords(target.feedId, ids)[0];
  const problem = `there is no source with the id "${target.feedId}"${near ? `: did you mean \`${near}\`?` : ': `feeds` lists the ids'}`;
  return { refusal: problemReply(problem, near ? `mute source ${near}` : example) };
}

/**
 * `mute source <feed id>` / `mute <query>`: never post items from that source, or matching that
 * query, in this channel (topics and watches alike). Muted items stay searchable. Typed commands
 * and buttons or forms ("Mute this source here") call this same function.
 */
export async function addMute(target: MuteTarget, ctx: HandlerContext): Promise<ChatMessage> {
  if (!ctx.context.canManage) return refuseManage('change mutes');
  const resolved = await resolveTarget(target, EXAMPLES.mute, ctx);
  if ('refusal' in resolved) return resolved.refusal;
  const { mute } = resolved;
  const added = await ctx.deps.store.mutes.add(ctx.context.destination, mute, ctx.now, MAX_MUTES);
  if (added === 'exists') return say(`This channel already mutes ${describeMute(mute)}.`);
  if (added === 'limit') return problemReply(`this channel has ${MAX_MUTES} mutes, the most it can have; remove one with \`unmute\` first`, EXAMPLES.unmute);
  const what = mute.kind === 'source' ? `Items from ${mute.feedId}` : `Items matching ${quoteQuery(mute.query)}`;
  return say(`Muted ${describeMute(mute)}: ${what} will not be posted in this channel (topics and watches alike). They stay searchable; \`unmute ${mute.kind === 'source' ? `source ${mute.feedId}` : mute.query}\` undoes this.`);
}

/** `unmute <source <id>|query|all>`. */
export async function removeMute(target: MuteTarget | 'all', ctx: HandlerContext): Promise<ChatMessage> {
  if (!ctx.context.canManage) return refuseManage('change mutes');
  const { destination } = ctx.context;
  if (target === 'all') {
    const removed = await ctx.deps.store.mutes.remove(destination, 'all');
    return say(removed === 0 ? 'This channel has no mutes.' : `Removed all ${removed} mutes of this channel.`);
  }
  let mute: Mute;
  if (target.kind === 'source') mute = target;
  else {
    const query = parseQuery(target.query.trim());
    if (isQueryProblem(query)) return problemReply(query.problem, EXAMPLES.unmute);
    mute = { kind: 'query', query: query.text };
  }
  if ((await ctx.deps.store.mutes.remove(destination, mute)) === 0) {
    const current = await ctx.deps.store.mutes.list(destination);
    return say(`This channel does not mute ${describeMute(mute)}. ${current.length === 0 ? 'It has no mutes.' : `Its mutes: ${current.map(describeMute).join(', ')}.`}`);
  }
  return say(`Unmuted ${describeMute(mute)}.`);
}

/** `mutes`: the channel's mutes, oldest first. */
export async function listMutes({ deps, context }: HandlerContext): Promise<ChatMessage> {
  const mutes = await deps.store.mutes.list(context.destination);
  if (mutes.length === 0) return say(`This channel has no mutes. Example: \`${EXAMPLES.mute}\``);
  const title = `${mutes.length} ${mutes.length === 1 ? 'mute' : 'mutes'} (at most ${MAX_MUTES})`;
  const lines = mutes.map((mute) => `• ${describeMute(mute)}`);
  return reply({ text: [title, ...lines].join('\n'), title, lines });
}

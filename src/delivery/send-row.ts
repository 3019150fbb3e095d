import type { SendOptions, SendResult } from '../chat/chat-port.js';
import type { OutboxRow } from '../store/store.js';
import type { DispatchContext } from './dispatch-context.js';

/** The outcome of trying one row: a platform result, or a reason it was not sent. */
export type RowAttempt =
  | { kind: 'result'; result: SendResult }
  | { kind: 'nothing'; reason: string }
  | { kind: 'wait'; reason: string };

/**
 * Renders a row and sends it through its platform's port. A port that throws is treated as a
 * network-style retry: the adapter should return values, but a bug must not lose the row.
 */
export async function sendRow(row: OutboxRow, ctx: DispatchContext): Promise<RowAttempt> {
  const renderer = ctx.renderers[row.kind];
  if (!renderer) return { kind: 'result', result: { kind: 'retry', afterMs: 0, error: `no renderer for ${row.kind}` } };
  const port = ctx.ports.get(row.destination.platform);
  if (!port) return { kind: 'wait', reason: `no chat port for ${row.destination.platform}` };
  const message = await renderer(row, { store: ctx.store, clock: ctx.clock });
  if (!message) return { kind: 'nothing', reason: 'nothing to send (item no longer stored)' };
  const options: SendOptions = {};
  if (row.kind === 'story_update' && row.storyId != null) {
    const replyTo = await ctx.store.outbox.storyMessageRef(row.destination, row.storyId);
    if (replyTo) options.replyTo = replyTo;
    else if (await storyLeadPending(row, ctx)) return { kind: 'wait', reason: 'waiting for the story’s first post' };
  }
  try {
    return { kind: 'result', result: await port.send(row.destination, message, options) };
  } catch (error) {
    ctx.logger.error({ err: error, rowId: row.id, platform: row.destination.platform }, 'chat port threw instead of returning a SendResult');
    return { kind: 'result', result: { kind: 'retry', afterMs: 0, error: `exception: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** True while the story's first post in this channel is still queued: the reply must thread under it. */
async function storyLeadPending(row: OutboxRow, ctx: DispatchContext): Promise<boolean> {
  const rows = await ctx.store.outbox.list({ destination: row.destination });
  return rows.some(
    (other) => other.id !== row.id && other.kind === 'item' && other.storyId === row.storyId && ['pending', 'failed', 'sending'].includes(other.status),
  );
}

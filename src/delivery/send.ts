/**
 * One send and its outcome: find the thread a reply belongs in, render the row, call the
 * platform's ChatPort, and record what the platform answered. The dispatcher decides on the
 * outcome's kind alone (adapters map platform errors to the closed SendResult set), and a row's
 * failed sends are counted in its own column, never read back out of error text.
 */
import type { SendOptions, SendResult } from '../chat/chat-port.js';
import { destinationKey, workspaceKey } from '../core/types.js';
import type { OutboxRow } from '../store/store.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';

/** Where a row goes in its channel: top level, under a thread, or not yet (its lead post is queued). */
export type ThreadTarget = { kind: 'post'; replyTo: string | null } | { kind: 'wait' };

/**
 * A story update replies under the story's first post in the channel. While that post is still
 * queued (pending, backing off, claimed elsewhere) the reply waits for it, so it is neither posted
 * top-level nor lost; when the lead will never be posted (dead, rolled up) it is a plain post.
 */
export async function findThread(row: OutboxRow, ctx: DispatchContext): Promise<ThreadTarget> {
  if (row.kind !== 'story_update' || row.storyId == null) return { kind: 'post', replyTo: null };
  const replyTo = await ctx.store.outbox.storyMessageRef(row.destination, row.storyId);
  if (replyTo) return { kind: 'post', replyTo };
  return (await ctx.store.outbox.storyLeadQueued(row.destination, row.storyId)) ? { kind: 'wait' } : { kind: 'post', replyTo: null };
}

/**
 * Renders and sends one claimed row whose channel slot is reserved, then records the outcome.
 * Returns the reason the channel's remaining rows must be parked (gone, auth revoked), or null.
 */
export async function sendRow(row: OutboxRow, thread: { replyTo: string | null }, ctx: DispatchContext, stats: DispatchStats): Promise<string | null> {
  const renderer = ctx.renderers[row.kind];
  // A missing renderer is a wiring fault a restart may fix: counted as a failure, never dropped silently.
  if (!renderer) return recordOutcome(row, { kind: 'transient', error: `no renderer for ${row.kind}` }, ctx, stats);
  const message = await renderer(row, { store: ctx.store, clock: ctx.clock });
  if (!message) {
    await ctx.store.outbox.markDead(row.id, 'nothing to send (item no longer stored)');
    stats.dead += 1;
    return null;
  }
  const port = ctx.ports.get(row.destination.platform);
  if (!port) return parkRow(row, `no chat port for ${row.destination.platform}`, ctx, stats);
  const options: SendOptions = thread.replyTo ? { replyTo: thread.replyTo } : {};
  let result: SendResult;
  try {
    result = await ctx.global.run(() => ctx.workspaceLimiter(workspaceKey(row.destination)).run(() => port.send(row.destination, message, options)));
  } catch (error) {
    // Adapters return values; a bug that throws must still not lose the row.
    ctx.logger.error({ err: error, rowId: row.id, platform: row.destination.platform }, 'chat port threw instead of returning a SendResult');
    result = { kind: 'transient', error: `exception: ${error instanceof Error ? error.message : String(error)}` };
  }
  return recordOutcome(row, result, ctx, stats);
}

/** Applies one outcome to the row, its channel and its workspace (docs/delivery.md has the table). */
async function recordOutcome(row: OutboxRow, result: SendResult, ctx: DispatchContext, stats: DispatchStats): Promise<string | null> {
  const { store, logger } = ctx;
  const now = ctx.clock.now();
  const destination = row.destination;
  switch (result.kind) {
    case 'sent':
      // Committed before the channel's next send: a crash can repeat at most this one message.
      await store.outbox.markSent(row.id, now, result.messageRef);
      stats.sent += 1;
      return null;
    case 'rate_limited': {
      // The platform pacing us, not a failure: the failure count is untouched, however often it happens.
      const until = new Date(now.getTime() + Math.max(0, result.retryAfterMs));
      await store.outbox.markRetry(row.id, until, `rate_limited: retry after ${Math.ceil(result.retryAfterMs / 1000)} s`);
      await holdChannel(row, until, ctx);
      stats.retried += 1;
      return null;
    }
    case 'transient': {
      const failures = row.failures + 1;
      if (failures >= ctx.options.maxAttempts) {
        await store.outbox.markFailed(row.id, result.error, null);
        logger.error({ rowId: row.id, kind: row.kind, destination, error: result.error, failures }, 'outbox row dead after repeated failures');
        stats.dead += 1;
        return null;
      }
      const until = new Date(now.getTime() + backoffDelay(failures, result.retryAfterMs ?? 0, ctx.options));
      await store.outbox.markFailed(row.id, result.error, until);
      await holdChannel(row, until, ctx);
      stats.retried += 1;
      return null;
    }
    case 'invalid_payload':
      // Resending the same message cannot succeed; the item still reaches the channel's digest.
      await store.outbox.markDead(row.id, `invalid_payload: ${result.reason}`);
      logger.error({ rowId: row.id, kind: row.kind, destination, reason: result.reason }, 'platform refused the message: outbox row dead');
      stats.dead += 1;
      return null;
    case 'gone':
      await store.subscriptions.pause(destination, result.reason);
      logger.warn({ destination, reason: result.reason }, 'channel gone: subscription paused');
      return parkRow(row, result.reason, ctx, stats);
    case 'auth_revoked': {
      const reason = `auth_revoked: ${result.reason}`;
      ctx.revoked.set(workspaceKey(destination), reason);
      const subscriptions = await store.subscriptions.list({ platform: destination.platform, workspaceId: destination.workspaceId });
      for (const subscription of subscriptions) {
        if (subscription.status === 'active') await store.subscriptions.pause(subscription.destination, reason);
      }
      logger.warn({ platform: destination.platform, workspaceId: destination.workspaceId, reason: result.reason }, 'workspace credentials revoked: subscriptions paused');
      return parkRow(row, reason, ctx, stats);
    }
  }
}

/** Only this channel waits (429 or backoff): its other rows are deferred, other channels keep flowing. */
async function holdChannel(row: OutboxRow, until: Date, ctx: DispatchContext): Promise<void> {
  ctx.pacer.hold(destinationKey(row.destination), until);
  await ctx.store.outbox.deferDestination(row.destination, until);
}

/** Exponential backoff with equal jitter, never shorter than the platform's retry hint. */
export function backoffDelay(failures: number, hintMs: number, options: Pick<DispatchContext['options'], 'backoffBaseMs' | 'backoffMaxMs' | 'random'>): number {
  const exponential = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  const jittered = exponential / 2 + (options.random() * exponential) / 2;
  return Math.max(hintMs, Math.round(jittered));
}

/**
 * Parks a row of a paused channel: not sent, not lost, not a failure. It is looked at again every
 * parkRecheckMs and sent once the subscription is resumed; after parkMaxMs it is marked dead (its
 * item still reaches the channel's digest). Returns the reason, for the channel's later rows.
 */
export async function parkRow(row: OutboxRow, reason: string, ctx: DispatchContext, stats: DispatchStats): Promise<string> {
  const now = ctx.clock.now();
  if (now.getTime() - row.createdAt.getTime() > ctx.options.parkMaxMs) {
    await ctx.store.outbox.markDead(row.id, `expired while paused: ${reason}`);
    stats.dead += 1;
    return reason;
  }
  await ctx.store.outbox.markRetry(row.id, new Date(now.getTime() + ctx.options.parkRecheckMs), `parked: ${reason}`);
  stats.parked += 1;
  return reason;
}

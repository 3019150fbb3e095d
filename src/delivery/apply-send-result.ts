import type { SendResult } from '../chat/chat-port.js';
import type { OutboxRow } from '../store/store.js';
import { backoffDelay, failureError, failuresSoFar, isRateLimit } from './backoff.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';
import { destinationKey, workspaceKey } from './destination-key.js';
import { parkRow } from './park-row.js';

/** What the caller should do with the channel's remaining rows after this result. */
export type AfterSend = 'continue' | 'hold' | 'park';

/** Records a send outcome on the row and the channel/workspace it concerns. */
export async function applySendResult(row: OutboxRow, result: SendResult, ctx: DispatchContext, stats: DispatchStats): Promise<AfterSend> {
  const { store, logger } = ctx;
  const now = ctx.clock.now();
  const destination = row.destination;
  switch (result.kind) {
    case 'sent':
      await store.outbox.markSent(row.id, now, result.messageRef);
      stats.sent += 1;
      return 'continue';
    case 'retry': {
      // A 429 (Retry-After) is the platform pacing us, not a failure: it does not count.
      const rateLimited = isRateLimit(result.error);
      const failures = failuresSoFar(row.lastError) + (rateLimited ? 0 : 1);
      if (!rateLimited && failures >= ctx.options.maxAttempts) {
        await store.outbox.markDead(row.id, failureError(failures, result.error));
        logger.error({ rowId: row.id, kind: row.kind, destination, error: result.error, failures }, 'outbox row dead after repeated failures');
        stats.dead += 1;
        return 'hold';
      }
      const delay = rateLimited ? result.afterMs : backoffDelay(failures, result.afterMs, ctx.options);
      const until = new Date(now.getTime() + delay);
      await store.outbox.markRetry(row.id, until, failures > 0 ? failureError(failures, result.error) : result.error);
      // Only this channel waits: one rate-limited channel must not hold up every other channel's rows.
      ctx.pacer.hold(destinationKey(destination), until);
      await store.outbox.deferDestination(destination, until);
      stats.retried += 1;
      return 'hold';
    }
    case 'gone':
      await store.subscriptions.pause(destination, result.reason);
      logger.warn({ destination, reason: result.reason }, 'channel gone: subscription paused');
      await parkRow(row, result.reason, ctx, stats);
      return 'park';
    case 'auth_revoked': {
      ctx.revoked.add(workspaceKey(destination));
      const subscriptions = await store.subscriptions.list({ platform: destination.platform, workspaceId: destination.workspaceId });
      for (const subscription of subscriptions) {
        if (subscription.status === 'active') await store.subscriptions.pause(subscription.destination, `auth_revoked: ${result.reason}`);
      }
      logger.warn({ platform: destination.platform, workspaceId: destination.workspaceId, reason: result.reason }, 'workspace credentials revoked: subscriptions paused');
      await parkRow(row, `auth_revoked: ${result.reason}`, ctx, stats);
      return 'park';
    }
  }
}

import type { Destination } from '../core/types.js';
import type { OutboxRow } from '../store/store.js';
import { applySendResult } from './apply-send-result.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';
import { destinationKey, workspaceKey } from './destination-key.js';
import { parkRow } from './park-row.js';
import { sendRow } from './send-row.js';
import { rollUpRows } from './roll-up-rows.js';
import { CAPPED_KINDS, planHourlyCap } from './plan-hourly-cap.js';

const HOUR_MS = 3_600_000;

/**
 * Handles one channel's claimed rows, oldest first: drops rows of unsubscribed channels, parks
 * rows of paused ones, rolls rows over the hourly cap into one message, then sends while the
 * channel's pacing slot allows and releases the rest for later.
 */
export async function processDestination(destination: Destination, rows: OutboxRow[], ctx: DispatchContext, stats: DispatchStats): Promise<void> {
  const { store } = ctx;
  const subscription = await store.subscriptions.get(destination);
  if (!subscription) {
    for (const row of rows) await store.outbox.markDead(row.id, 'unsubscribed: the channel has no subscription');
    stats.dead += rows.length;
    return;
  }
  if (subscription.status === 'paused') {
    for (const row of rows) await parkRow(row, subscription.pausedReason ?? 'paused', ctx, stats);
    return;
  }
  const now = ctx.clock.now();
  const capped = rows.filter((row) => CAPPED_KINDS.has(row.kind));
  const budget = ctx.options.hourlyCap - (await store.outbox.countSentSince(destination, new Date(now.getTime() - HOUR_MS)));
  const plan = planHourlyCap(capped, budget);
  if (plan.rollUp.length > 0) await rollUpRows(destination, plan.rollUp, ctx, stats);
  const rolled = new Set(plan.rollUp);
  const queue = rows.filter((row) => !rolled.has(row));
  await sendInOrder(queue, ctx, stats);
}

async function sendInOrder(queue: OutboxRow[], ctx: DispatchContext, stats: DispatchStats): Promise<void> {
  let parkReason: string | null = null;
  let paced = 0;
  for (const row of queue) {
    const key = destinationKey(row.destination);
    const interval = ctx.options.channelIntervalMs[row.destination.platform];
    if (parkReason !== null || ctx.revoked.has(workspaceKey(row.destination))) {
      await parkRow(row, parkReason ?? 'auth_revoked', ctx, stats);
      continue;
    }
    if (!ctx.ports.has(row.destination.platform)) {
      // The platform is not configured in this process (e.g. Teams credentials removed): keep the row.
      await parkRow(row, `no chat port for ${row.destination.platform}`, ctx, stats);
      continue;
    }
    const busyUntil = ctx.pacer.reserve(key, ctx.clock.now(), interval);
    if (busyUntil) {
      // Release the claim now rather than sleeping on it; the row comes due when the slot frees.
      // Spread the released rows one interval apart so they come due in order, one per slot.
      const dueAt = new Date(busyUntil.getTime() + paced * interval);
      await ctx.store.outbox.markRetry(row.id, dueAt, row.lastError ?? 'paced: waiting for the channel’s next slot');
      paced += 1;
      stats.paced += 1;
      continue;
    }
    const attempt = await ctx.global.run(() => ctx.workspaceLimiter(workspaceKey(row.destination)).run(() => sendRow(row, ctx)));
    if (attempt.kind === 'nothing') {
      await ctx.store.outbox.markDead(row.id, attempt.reason);
      stats.dead += 1;
    } else if (attempt.kind === 'wait') {
      await ctx.store.outbox.markRetry(row.id, new Date(ctx.clock.now().getTime() + Math.max(interval, 5_000)), row.lastError ?? attempt.reason);
      stats.paced += 1;
    } else {
      const after = await applySendResult(row, attempt.result, ctx, stats);
      if (after === 'park') parkReason = attempt.result.kind === 'gone' ? attempt.result.reason : 'auth_revoked';
    }
  }
}

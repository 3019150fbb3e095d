import type { OutboxRow } from '../store/store.js';
import type { DispatchContext, DispatchStats } from './dispatch-context.js';

/**
 * Parks a row of a paused channel: not sent, not lost. It is looked at again every
 * parkRecheckMs and sent once the subscription is resumed; after parkMaxMs it is marked dead
 * (its item still reaches the channel's digest).
 */
export async function parkRow(row: OutboxRow, reason: string, ctx: DispatchContext, stats: DispatchStats): Promise<void> {
  const now = ctx.clock.now();
  if (now.getTime() - row.createdAt.getTime() > ctx.options.parkMaxMs) {
    await ctx.store.outbox.markDead(row.id, `expired while paused: ${reason}`);
    stats.dead += 1;
    return;
  }
  await ctx.store.outbox.markRetry(row.id, new Date(now.getTime() + ctx.options.parkRecheckMs), `parked: ${reason}`);
  stats.parked += 1;
}

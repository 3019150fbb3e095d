/**
 * The outbox dispatcher: a pass claims due rows, groups them by channel, reads the channels'
 * subscriptions and hourly counts (one query each for the whole pass) and handles the channels
 * concurrently (their store commits overlap on separate connections), each channel's rows oldest
 * first and one at a time, so a row's mark-sent is committed before the next send to that channel.
 * Per channel: unsubscribed rows die, paused ones are parked, item posts in quiet hours are held
 * and later rolled into one message, rows over the hourly cap are rolled up, and the rest are
 * paced and sent (src/delivery/send.ts: one send and its outcome).
 */
import type { ChatPort } from '../chat/chat-port.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { destinationKey, workspaceKey, type Destination, type Platform, type QuietHours, type Subscription } from '../core/types.js';
import type { OutboxRow, Store } from '../store/store.js';
import { rollupDedupKey } from './dedup-keys.js';
import {
  createLimiter,
  createPacer,
  emptyStats,
  resolveDispatcherOptions,
  type DispatchContext,
  type DispatcherOptions,
  type DispatchStats,
  type Limiter,
} from './dispatch-context.js';
import { payloadItemId, type RollupPayload } from './payloads.js';
import { createDefaultRenderers, type RendererRegistry } from './render.js';
import { findThread, parkRow, sendRow } from './send.js';
import { heldRows, holdNote, isHeld, quietUntil, releaseHeld } from './quiet-hours.js';

const HOUR_MS = 3_600_000;
/** Kinds counted against a channel's hourly cap; digests, notices and rollups are not. */
const CAPPED_KINDS: ReadonlySet<string> = new Set(['item', 'story_update']);
/** How long a story reply waits before looking for its lead post again (at least one pacing interval). */
const LEAD_RECHECK_MS = 5_000;

/** What createDispatcher needs. Delivery's own renderers are always present; `renderers` adds (digest) or replaces. */
export interface DispatcherDeps {
  store: Store;
  ports: ChatPort[];
  clock: Clock;
  logger: Logger;
  renderers?: RendererRegistry;
  options?: Partial<DispatcherOptions>;
  /** Called with each timed pass's outcome (the app counts deliveries for /metrics). */
  onPass?: (stats: DispatchStats) => void;
}

/** The outbox dispatcher: claim due rows, send them through the chat ports, record outcomes. */
export interface Dispatcher {
  /** One claim-and-send pass; safe to call concurrently (claims are atomic in the store). */
  runOnce(): Promise<DispatchStats>;
  /** Runs runOnce every intervalMs (a tick is skipped while the previous one still runs). */
  start(intervalMs: number): void;
  /** Stops claiming and waits for sends in flight. */
  stop(): Promise<void>;
}

/** Creates a dispatcher; all timing comes from the injected clock, so tests drive it by hand. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const options = resolveDispatcherOptions(deps.options);
  const workspaceLimiters = new Map<string, Limiter>();
  const ctx: DispatchContext = {
    store: deps.store,
    ports: new Map<Platform, ChatPort>(deps.ports.map((port) => [port.platform, port])),
    clock: deps.clock,
    logger: deps.logger,
    renderers: { ...createDefaultRenderers(), ...deps.renderers },
    options,
    pacer: createPacer(),
    global: createLimiter(options.concurrency),
    workspaceLimiter(workspace) {
      let limiter = workspaceLimiters.get(workspace);
      if (!limiter) workspaceLimiters.set(workspace, (limiter = createLimiter(options.workspaceConcurrency)));
      return limiter;
    },
    revoked: new Map(),
  };
  const inFlight = new Set<Promise<DispatchStats>>();
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let ticking = false;

  async function pass(): Promise<DispatchStats> {
    const stats = emptyStats();
    const rows = await ctx.store.outbox.claim(options.workerId, options.batchSize, ctx.clock.now(), options.claimMs);
    stats.claimed = rows.length;
    if (rows.length === 0) return stats;
    const passCtx: DispatchContext = { ...ctx, revoked: new Map() };
    const groups = groupByDestination(rows);
    let channels: PassChannels;
    try {
      channels = await readChannels([...groups.keys()], passCtx);
    } catch (error) {
      // Rows stay claimed; the claim expires and another pass retries them.
      ctx.logger.error({ err: error, rows: rows.length }, 'reading the channels of a dispatcher pass failed');
      return stats;
    }
    await Promise.all([...groups].map(([destination, group]) => runDestination(destination, group, channels, passCtx, stats)));
    return stats;
  }

  async function runDestination(destination: Destination, rows: OutboxRow[], channels: PassChannels, passCtx: DispatchContext, stats: DispatchStats): Promise<void> {
    try {
      const key = destinationKey(destination);
      await processDestination(destination, rows, channels.subscriptions.get(key) ?? null, channels.sentLastHour.get(key) ?? 0, passCtx, stats);
    } catch (error) {
      // Rows stay claimed; the claim expires and another pass retries them. Logged once here.
      ctx.logger.error({ err: error, destination, rows: rows.length }, 'dispatching to a channel failed');
    }
  }

  function runOnce(): Promise<DispatchStats> {
    if (stopping) return Promise.resolve(emptyStats());
    const run = pass();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run)).catch(() => undefined);
    return run;
  }

  return {
    runOnce,
    start(intervalMs) {
      if (timer || stopping) return;
      timer = setInterval(() => {
        if (ticking) return;
        ticking = true;
        runOnce()
          .then((stats) => deps.onPass?.(stats))
          .catch((error: unknown) => ctx.logger.error({ err: error }, 'dispatcher pass failed'))
          .finally(() => {
            ticking = false;
          });
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
  };
}

function groupByDestination(rows: OutboxRow[]): Map<Destination, OutboxRow[]> {
  const byKey = new Map<string, { destination: Destination; rows: OutboxRow[] }>();
  for (const row of rows) {
    const key = destinationKey(row.destination);
    const group = byKey.get(key) ?? { destination: row.destination, rows: [] };
    group.rows.push(row);
    byKey.set(key, group);
  }
  return new Map([...byKey.values()].map((group) => [group.destination, group.rows.sort((a, b) => a.id - b.id)]));
}

/** What a pass reads about its channels before sending: subscriptions and posts in the last hour. */
interface PassChannels {
  subscriptions: Map<string, Subscription>;
  sentLastHour: Map<string, number>;
}

/**
 * One query for the subscriptions and one for the hourly counts of all the pass's channels (both
 * at once), instead of two per channel: a pass of 50 channels made 100 reads besides its sends.
 */
async function readChannels(destinations: Destination[], ctx: DispatchContext): Promise<PassChannels> {
  const since = new Date(ctx.clock.now().getTime() - HOUR_MS);
  const [subscriptions, sentLastHour] = await Promise.all([
    ctx.store.subscriptions.getMany(destinations),
    ctx.store.outbox.countSentSinceMany(destinations, since),
  ]);
  return { subscriptions, sentLastHour };
}

/**
 * Handles one channel's claimed rows, oldest first: drops rows of unsubscribed channels, parks
 * rows of paused ones, rolls rows over the hourly cap into one message, then sends while the
 * channel's pacing slot allows and releases the rest for later.
 */
async function processDestination(
  destination: Destination,
  claimed: OutboxRow[],
  subscription: Subscription | null,
  sentLastHour: number,
  ctx: DispatchContext,
  stats: DispatchStats,
): Promise<void> {
  let rows = claimed;
  const { store } = ctx;
  if (!subscription) {
    for (const row of rows) await store.outbox.markDead(row.id, 'unsubscribed: the channel has no subscription');
    stats.dead += rows.length;
    return;
  }
  if (subscription.status === 'paused') {
    for (const row of rows) await parkRow(row, subscription.pausedReason ?? 'paused', ctx, stats);
    return;
  }
  const quiet = await applyQuietHours(destination, rows, subscription.quiet ?? null, ctx, stats);
  rows = rows.filter((row) => !quiet.has(row));
  const capped = rows.filter((row) => CAPPED_KINDS.has(row.kind));
  const budget = ctx.options.hourlyCap - sentLastHour;
  // Over the cap: send budget - 1 one by one and roll the rest into one message, so the channel sees `budget` posts.
  const rollUp = capped.length <= budget ? [] : capped.slice(Math.max(0, budget - 1));
  if (rollUp.length > 0) await rollUpRows(destination, rollUp, ctx, stats);
  const rolled = new Set(rollUp);
  await sendInOrder(rows.filter((row) => !rolled.has(row)), ctx, stats);
}

/**
 * Quiet hours (src/delivery/quiet-hours.ts): inside the window, item posts are held until it ends;
 * once it has ended, the held rows (these and any still waiting) become one roll-up. Returns the
 * rows it took care of, which the caller neither caps nor sends.
 */
async function applyQuietHours(
  destination: Destination, rows: OutboxRow[], quiet: QuietHours | null, ctx: DispatchContext, stats: DispatchStats,
): Promise<Set<OutboxRow>> {
  const now = ctx.clock.now();
  const until = quiet ? quietUntil(quiet, now) : null;
  if (until) {
    const hold = rows.filter((row) => CAPPED_KINDS.has(row.kind));
    for (const row of hold) await ctx.store.outbox.markRetry(row.id, until, holdNote(until));
    stats.paced += hold.length;
    return new Set(hold);
  }
  const released = rows.filter(isHeld);
  if (released.length === 0) return new Set();
  const waiting = (await heldRows(ctx.store, destination)).filter((row) => !released.some((own) => own.id === row.id));
  await releaseHeld(ctx.store, destination, [...released, ...waiting], now);
  stats.rolledUp += released.length + waiting.length;
  return new Set(released);
}

async function sendInOrder(queue: OutboxRow[], ctx: DispatchContext, stats: DispatchStats): Promise<void> {
  let parkReason: string | null = null;
  let paced = 0;
  for (const row of queue) {
    const interval = ctx.options.channelIntervalMs[row.destination.platform];
    parkReason ??= ctx.revoked.get(workspaceKey(row.destination)) ?? null;
    if (!ctx.ports.has(row.destination.platform)) {
      // The platform is not configured in this process (e.g. Teams credentials removed): keep the row.
      parkReason ??= `no chat port for ${row.destination.platform}`;
    }
    if (parkReason !== null) {
      await parkRow(row, parkReason, ctx, stats);
      continue;
    }
    const thread = await findThread(row, ctx);
    if (thread.kind === 'wait') {
      // Not a failure: the reply is looked at again once its lead post has had time to go out.
      const recheck = new Date(ctx.clock.now().getTime() + Math.max(interval, LEAD_RECHECK_MS));
      await ctx.store.outbox.markRetry(row.id, recheck, row.lastError ?? 'waiting for the story’s first post');
      stats.paced += 1;
      continue;
    }
    const busyUntil = ctx.pacer.reserve(destinationKey(row.destination), ctx.clock.now(), interval);
    if (busyUntil) {
      // Release the claim now rather than sleeping on it; the row comes due when the slot frees.
      // Spread the released rows one interval apart so they come due in order, one per slot.
      const dueAt = new Date(busyUntil.getTime() + paced * interval);
      await ctx.store.outbox.markRetry(row.id, dueAt, row.lastError ?? 'paced: waiting for the channel’s next slot');
      paced += 1;
      stats.paced += 1;
      continue;
    }
    parkReason = await sendRow(row, thread, ctx, stats);
  }
}

/**
 * Replaces rows over the hourly cap with one 'rollup' row (at most one per channel per UTC hour).
 * Rolled-up rows are marked dead with reason "rolled_up: <rollup key>": they are delivered as a
 * line of the rollup, and their items are in the digest. When this hour's rollup is already out,
 * the rows wait for the next UTC hour instead.
 */
async function rollUpRows(destination: Destination, rows: OutboxRow[], ctx: DispatchContext, stats: DispatchStats): Promise<void> {
  const now = ctx.clock.now();
  const dedupKey = rollupDedupKey(destination, now);
  const itemIds = rows.map((row) => payloadItemId(row.payload)).filter((id): id is number => id !== null);
  const payload: RollupPayload = { itemIds };
  const inserted = await ctx.store.outbox.enqueue([{ dedupKey, destination, kind: 'rollup', payload }], now);
  if (inserted === 0) {
    const nextHour = new Date(now.getTime());
    nextHour.setUTCMinutes(60, 0, 0);
    for (const row of rows) await ctx.store.outbox.markRetry(row.id, nextHour, 'over the hourly cap: waiting for the next hour');
    stats.paced += rows.length;
    return;
  }
  for (const row of rows) await ctx.store.outbox.markDead(row.id, `rolled_up: ${dedupKey}`);
  stats.rolledUp += rows.length;
}

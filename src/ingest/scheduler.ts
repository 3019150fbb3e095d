/**
 * The polling tick (node-cron). Every tick asks the poller for due feeds; a tick
 * that finds the previous one still running skips (the poller also refuses overlapping runs of
 * one feed). stop() waits for in-flight polls so shutdown never cuts a store write in half.
 */
import cron from 'node-cron';
import { systemClock, type Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { LeaseRepository } from '../store/store.js';
import type { Poller } from './poller.js';

/** Lease name: with several bot processes on one database, one of them polls at a time. */
export const POLL_LEASE = 'feed-poll';
/**
 * Short, so a crashed holder blocks the other processes for a minute at most; a heartbeat renews
 * it every third of that while the holder lives, however long one poll pass takes.
 */
export const POLL_LEASE_TTL_MS = 60_000;
const HEARTBEAT_MS = POLL_LEASE_TTL_MS / 3;

/** How the tick runs. */
export interface SchedulerOptions {
  logger: Logger;
  /** node-cron expression with seconds; default every 30 s (due-ness is per feed, see next-check). */
  cronExpression?: string;
  /** Run one tick right away instead of waiting for the first cron slot. */
  runImmediately?: boolean;
  /** When given, a tick polls only while this process holds the poll lease (several replicas). */
  leases?: LeaseRepository;
  /** Lease holder name, unique per process (default: host name and pid). */
  holder?: string;
  clock?: Clock;
}

/** A started scheduler. */
export interface RunningScheduler {
  /** Runs one tick now (tests, `start` on boot); resolves when it is done. */
  tick(): Promise<void>;
  /** Renews the poll lease now if this process holds it (the timer does so every 20 s); false if it was lost. */
  heartbeat(): Promise<boolean>;
  stop(): Promise<void>;
}

/** Starts the cron tick; see the module comment. */
export function startScheduler(poller: Poller, options: SchedulerOptions): RunningScheduler {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const holder = options.holder ?? `${process.env.HOSTNAME ?? 'bot'}:${process.pid}`;
  let current: Promise<void> | null = null;
  let stopped = false;
  let holding = false;
  let heartbeatTimer: NodeJS.Timeout | null = null;

  function setHolding(next: boolean): void {
    holding = next;
    if (next && !heartbeatTimer) {
      heartbeatTimer = setInterval(() => void heartbeat(), HEARTBEAT_MS);
      heartbeatTimer.unref();
    } else if (!next && heartbeatTimer) {
      clearInterval(heartbeatTimer);
      heartbeatTimer = null;
    }
  }

  async function heartbeat(): Promise<boolean> {
    if (!options.leases || !holding) return false;
    try {
      const renewed = await options.leases.acquire(POLL_LEASE, holder, clock.now(), POLL_LEASE_TTL_MS);
      if (!renewed) logger.warn({ holder }, 'poll lease lost to another process; this one stops polling until it gets it back');
      setHolding(renewed);
      return renewed;
    } catch (err) {
      // The next tick or heartbeat tries again; the lease runs out on its own if we never can.
      logger.warn({ err }, 'poll lease could not be renewed');
      return false;
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (current) return current; // previous tick still running: do not start another
    current = (async () => {
      try {
        if (options.leases) {
          const acquired = await options.leases.acquire(POLL_LEASE, holder, clock.now(), POLL_LEASE_TTL_MS);
          setHolding(acquired);
          if (!acquired) return;
        }
        const report = await poller.pollDue();
        if (report.feeds.length > 0) {
          const failed = report.feeds.filter((f) => f.status === 'error').length;
          logger.info({ feeds: report.feeds.length, newItems: report.newItems, failed }, 'poll tick done');
        }
      } catch (err) {
        logger.error({ err }, 'poll tick failed');
      } finally {
        current = null;
      }
    })();
    return current;
  }

  const task = cron.schedule(options.cronExpression ?? '*/30 * * * * *', () => tick(), { name: 'feed-poll' });
  if (options.runImmediately ?? true) void tick();

  return {
    tick,
    heartbeat,
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      if (current) await current; // the heartbeat keeps the lease until the last poll is done
      setHolding(false);
      await options.leases?.release(POLL_LEASE, holder).catch(() => undefined);
    },
  };
}

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
const LEASE_TTL_MS = 5 * 60_000;

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
  stop(): Promise<void>;
}

/** Starts the cron tick; see the module comment. */
export function startScheduler(poller: Poller, options: SchedulerOptions): RunningScheduler {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const holder = options.holder ?? `${process.env.HOSTNAME ?? 'bot'}:${process.pid}`;
  let current: Promise<void> | null = null;
  let stopped = false;

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (current) return current; // previous tick still running: do not start another
    current = (async () => {
      try {
        if (options.leases && !(await options.leases.acquire(POLL_LEASE, holder, clock.now(), LEASE_TTL_MS))) return;
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
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      if (current) await current;
      await options.leases?.release(POLL_LEASE, holder).catch(() => undefined);
    },
  };
}

import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/store.js';
import { digestDedupKey, type DigestPayload } from './digest-payload.js';
import { DEFAULT_MAX_LATENESS_MS, dueDigests } from './digest-schedule.js';

/** Options of the weekly digest job. */
export interface DigestSchedulerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** This process's name for the lease (e.g. hostname:pid). */
  leaseHolder: string;
  /** How long one tick may hold the lease. */
  leaseMs?: number;
  maxLatenessMs?: number;
}

/** The digest job: call runDue() every minute and once on start. */
export interface DigestScheduler {
  /** Enqueues the digests that are due; returns how many rows were newly enqueued. */
  runDue(): Promise<number>;
}

const LEASE = 'digest-scheduler';
const WEEK_MS = 7 * 24 * 3600_000;

/**
 * Enqueues one outbox row per (channel, scheduled period). A lease makes one replica do the tick;
 * the dedup key makes it safe anyway if two overlap, a process restarts mid-tick or a tick is
 * retried. A digest missed during downtime is due on the first tick after start.
 */
export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const leaseMs = deps.leaseMs ?? 50_000;
  return {
    async runDue() {
      const now = deps.clock.now();
      if (!(await deps.store.leases.acquire(LEASE, deps.leaseHolder, now, leaseMs))) return 0;
      let enqueued = 0;
      for (const { subscription, periodStart } of dueDigests(await deps.store.subscriptions.list(), now, deps.maxLatenessMs ?? DEFAULT_MAX_LATENESS_MS)) {
        const destination = subscription.destination;
        const since = subscription.lastDigestAt ?? new Date(periodStart.getTime() - WEEK_MS);
        const payload: DigestPayload = { since: since.toISOString(), until: periodStart.toISOString() };
        const inserted = await deps.store.outbox.enqueue(
          [{ dedupKey: digestDedupKey(destination, periodStart), destination, kind: 'digest', payload, storyId: null }],
          now,
        );
        // Marked even when another process enqueued it first: the period is covered either way.
        await deps.store.subscriptions.markDigestSent(destination, periodStart);
        enqueued += inserted;
        if (inserted > 0) deps.logger.info({ destination, periodStart: payload.until }, 'digest enqueued');
      }
      return enqueued;
    },
  };
}

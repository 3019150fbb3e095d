/**
 * The poll lease is short and renewed by a heartbeat while its holder lives, so a crashed poller
 * blocks the others for about a minute instead of five. Two stores on one database, as two
 * processes have, on SQLite (one file) and PostgreSQL (one schema); time is the injected clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import type { Poller } from '../../src/ingest/poller.js';
import { POLL_LEASE_TTL_MS, startScheduler } from '../../src/ingest/scheduler.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { createTwoPgStores, noticePgSkipped, PG_URL } from '../store/pg-schema.js';

noticePgSkipped('tests/ingest/poll-lease.test.ts');

function countingPoller(): Poller & { calls: number } {
  const poller = {
    calls: 0,
    pollOnce: async () => ({ feeds: [], newItems: 0 }),
    pollDue: async () => {
      poller.calls++;
      return { feeds: [], newItems: 0 };
    },
    close: async () => undefined,
  };
  return poller;
}

const NEVER = '0 0 0 1 1 *';

async function crashedHolderIsReplaced(first: Store, second: Store): Promise<void> {
  const clock = createManualClock('2026-01-05T09:00:00Z');
  const a = countingPoller();
  const b = countingPoller();
  const common = { logger: createSilentLogger(), cronExpression: NEVER, runImmediately: false, clock };
  const schedulerA = startScheduler(a, { ...common, leases: first.leases, holder: 'process-a' });
  const schedulerB = startScheduler(b, { ...common, leases: second.leases, holder: 'process-b' });
  try {
    expect(POLL_LEASE_TTL_MS).toBeLessThanOrEqual(60_000);
    await schedulerA.tick();
    expect(a.calls).toBe(1);

    // A lives: its heartbeat renews the lease before it runs out, so B keeps out.
    clock.advance(POLL_LEASE_TTL_MS * 0.75);
    expect(await schedulerA.heartbeat()).toBe(true);
    clock.advance(POLL_LEASE_TTL_MS * 0.75);
    await schedulerB.tick();
    expect(b.calls).toBe(0);

    // A crashes (no more heartbeats): B takes over once the short lease has run out, not 5 min later.
    clock.advance(POLL_LEASE_TTL_MS * 0.25 + 1);
    await schedulerB.tick();
    expect(b.calls).toBe(1);
    // Were A to come back, it would find the lease gone and not poll alongside B.
    expect(await schedulerA.heartbeat()).toBe(false);
    await schedulerA.tick();
    expect(a.calls).toBe(1);
  } finally {
    await schedulerA.stop();
    await schedulerB.stop();
  }
}

describe('poll lease heartbeat', () => {
  it('SQLite: two connections to one file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poll-lease-'));
    const file = join(dir, 'radar.db');
    const first = createStore(file);
    await first.migrate();
    const second = createStore(file);
    try {
      await crashedHolderIsReplaced(first, second);
    } finally {
      await first.close();
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!PG_URL)('PostgreSQL: two pools on one schema', async () => {
    const { first, second, cleanup } = await createTwoPgStores('t_lease');
    try {
      await crashedHolderIsReplaced(first, second);
    } finally {
      await cleanup();
    }
  });
});

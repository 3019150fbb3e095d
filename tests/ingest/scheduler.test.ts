import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/core/logger.js';
import type { Poller, PollReport } from '../../src/ingest/poller.js';
import { createManualClock } from '../../src/core/clock.js';
import { startScheduler } from '../../src/ingest/scheduler.js';
import { createStore } from '../../src/store/create-store.js';

/** A poller whose pollDue blocks until released, counting calls. */
function blockingPoller() {
  const releases: Array<() => void> = [];
  const poller: Poller & { calls: number; release(): void } = {
    calls: 0,
    release: () => releases.shift()?.(),
    pollOnce: async () => ({ feeds: [], newItems: 0 }),
    pollDue: () => {
      poller.calls++;
      return new Promise<PollReport>((resolve) => releases.push(() => resolve({ feeds: [], newItems: 0 })));
    },
    close: async () => undefined,
  };
  return poller;
}

const NEVER = '0 0 0 1 1 *'; // once a year: ticks in these tests are driven by hand

describe('scheduler (R11)', () => {
  it('does not start a tick while the previous one is still running', async () => {
    const poller = blockingPoller();
    const scheduler = startScheduler(poller, { logger: createSilentLogger(), cronExpression: NEVER });
    const first = scheduler.tick(); // joins the tick runImmediately started
    void scheduler.tick();
    expect(poller.calls).toBe(1);
    poller.release();
    await first;
    const fresh = scheduler.tick();
    expect(poller.calls).toBe(2);
    poller.release();
    await fresh;
    await scheduler.stop();
  });

  it('stop() waits for the in-flight poll', async () => {
    const poller = blockingPoller();
    const scheduler = startScheduler(poller, { logger: createSilentLogger(), cronExpression: NEVER });
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    poller.release();
    await stopping;
    expect(stopped).toBe(true);
    await scheduler.tick();
    expect(poller.calls).toBe(1); // no ticks after stop
  });

  it('node-cron drives the tick', async () => {
    const poller = blockingPoller();
    const scheduler = startScheduler(poller, { logger: createSilentLogger(), cronExpression: '* * * * * *', runImmediately: false });
    const until = Date.now() + 3000;
    while (poller.calls === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(poller.calls).toBe(1);
    poller.release();
    await scheduler.stop();
  });

  it('a failing tick is logged and the next one still runs', async () => {
    let calls = 0;
    const poller: Poller = {
      pollOnce: async () => ({ feeds: [], newItems: 0 }),
      pollDue: async () => {
        calls++;
        throw new Error('database down');
      },
      close: async () => undefined,
    };
    const scheduler = startScheduler(poller, { logger: createSilentLogger(), cronExpression: NEVER, runImmediately: false });
    await scheduler.tick();
    await scheduler.tick();
    expect(calls).toBe(2);
    await scheduler.stop();
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('several processes on one database', () => {
  it('only the holder of the poll lease polls; it moves on when the holder stops', async () => {
    const store = createStore(':memory:');
    await store.migrate();
    const clock = createManualClock();
    const a = blockingPoller();
    const b = blockingPoller();
    const common = { logger: createSilentLogger(), cronExpression: NEVER, runImmediately: false, leases: store.leases, clock };
    const first = startScheduler(a, { ...common, holder: 'a' });
    const second = startScheduler(b, { ...common, holder: 'b' });
    const tickA = first.tick();
    await until(() => a.calls === 1);
    a.release();
    await tickA;
    await second.tick();
    expect([a.calls, b.calls]).toEqual([1, 0]);
    await first.stop(); // releases the lease
    const tickB = second.tick();
    await until(() => b.calls === 1);
    b.release();
    await tickB;
    expect(b.calls).toBe(1);
    await second.stop();
    await store.close();
  });
});

import { createDispatcher } from '../../src/delivery/dispatcher.js';
import type { DispatchStats } from '../../src/delivery/dispatch-context.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatchHarness } from './dispatcher-harness.js';

type Harness = Awaited<ReturnType<typeof createDispatchHarness>>;

describe('dispatcher: concurrency, caps and stopping', () => {
  let h: Harness;
  afterEach(async () => {
    await h.dispatcher.stop();
    await h.store.close();
  });

  it('sends each (destination, item) exactly once with concurrent runOnce calls and two workers', async () => {
    h = await createDispatchHarness({ batchSize: 7 }, 2);
    const channels = Array.from({ length: 15 }, (_, i) => `C${i}`);
    for (const channel of channels) await h.subscribe(channel);
    await h.publish(3);
    const other = h.makeDispatcher('w2');
    for (let pass = 0; pass < 40; pass++) {
      await Promise.all([h.dispatcher.runOnce(), h.dispatcher.runOnce(), other.runOnce()]);
      h.clock.advance(1_200);
    }
    await other.stop();
    const delivered = h.slack.sends.filter((send) => send.result.kind === 'sent').map((send) => `${send.destination.channelId}:${send.message.items?.[0]?.url}`);
    expect(delivered).toHaveLength(45);
    expect(new Set(delivered).size).toBe(45);
    expect((await h.store.outbox.list()).every((row) => row.status === 'sent')).toBe(true);
    // Within one process, concurrent passes still respect each channel's pacing slot.
    const sameWorker = h.slack.sends.filter((send) => send.result.kind === 'sent');
    for (const channel of channels) {
      const times = sameWorker.filter((send) => send.destination.channelId === channel).map((send) => send.at ?? 0);
      expect(times).toHaveLength(3);
    }
  });

  it('never posts twice to one channel inside its interval, even with concurrent passes', async () => {
    h = await createDispatchHarness({ batchSize: 4 }, 2);
    for (const channel of ['C1', 'C2']) await h.subscribe(channel);
    await h.publish(6);
    for (let pass = 0; pass < 30; pass++) {
      await Promise.all([h.dispatcher.runOnce(), h.dispatcher.runOnce(), h.dispatcher.runOnce()]);
      h.clock.advance(400);
    }
    for (const channel of ['C1', 'C2']) {
      const times = h.slack.sentTo(channel).map((send) => send.at ?? 0);
      expect(times).toHaveLength(6);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_100);
    }
  });

  it('keeps sends per workspace and globally under their caps', async () => {
    h = await createDispatchHarness({ workspaceConcurrency: 2, concurrency: 3 }, 10);
    for (let i = 0; i < 6; i++) await h.subscribe(`A${i}`, ['ai'], 'T1');
    await h.publish(1);
    await h.dispatcher.runOnce();
    expect(h.slack.sends).toHaveLength(6);
    expect(h.slack.maxInFlight()).toBe(2);

    const g = await createDispatchHarness({ workspaceConcurrency: 5, concurrency: 3 }, 10);
    for (let i = 0; i < 8; i++) await g.subscribe(`B${i}`, ['ai'], `T${i}`);
    await g.publish(1);
    await g.dispatcher.runOnce();
    expect(g.slack.maxInFlight()).toBe(3);
    await g.store.close();
  });

  it('stop() waits for sends in flight and then claims nothing', async () => {
    h = await createDispatchHarness({}, 40);
    await h.subscribe('C1');
    await h.subscribe('C2');
    await h.publish(1);
    const running = h.dispatcher.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.dispatcher.stop();
    expect(h.slack.sends).toHaveLength(2);
    expect((await h.store.outbox.list()).map((row) => row.status)).toEqual(['sent', 'sent']);
    expect((await running).sent).toBe(2);
    await h.publish(1);
    expect((await h.dispatcher.runOnce()).claimed).toBe(0);
  });

  it('start() runs passes on an interval until stopped, reporting each pass', async () => {
    h = await createDispatchHarness({}, 0);
    await h.subscribe('C1');
    await h.publish(1);
    const passes: DispatchStats[] = [];
    const timed = createDispatcher({ store: h.store, ports: [h.slack.port], clock: h.clock, logger: createSilentLogger(), onPass: (stats) => passes.push(stats) });
    timed.start(5);
    for (let i = 0; i < 200 && h.slack.sends.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await timed.stop();
    expect(h.slack.sends).toHaveLength(1);
    expect(passes.reduce((sum, stats) => sum + stats.sent, 0)).toBe(1);
  });
});

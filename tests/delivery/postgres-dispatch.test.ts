import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import type { Store } from '../../src/store/store.js';
import { createTwoPgStores, noticePgSkipped, PG_URL } from '../store/pg-schema.js';
import { createRecordingPort } from './recording-port.js';
import { DIGEST_DEFAULTS, slackChannel, taggedItem } from './store-harness.js';

noticePgSkipped('tests/delivery/postgres-dispatch.test.ts');
describe.skipIf(!PG_URL)('two dispatchers on one PostgreSQL database', () => {
  let first: Store;
  let second: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ first, second, cleanup } = await createTwoPgStores('t_delivery'));
  });
  afterAll(() => cleanup());

  it('delivers each (channel, item) exactly once', async () => {
    const clock = createManualClock('2026-01-05T09:00:00Z');
    await first.feeds.syncConfig([{ id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' }]);
    const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
    for (const channel of channels) await first.subscriptions.subscribe(slackChannel(channel, `T${channel.length}`), ['ai'], DIGEST_DEFAULTS, clock.now());
    const items = await first.items.insertNew('reuters', [taggedItem(), taggedItem(), taggedItem()], clock.now());
    expect(await routeNewItems(first, items, clock.now())).toBe(90);
    expect(await routeNewItems(second, items, clock.now())).toBe(0);
    const port = createRecordingPort('slack', 1, clock);
    const make = (store: Store, workerId: string) =>
      createDispatcher({ store, ports: [port.port], clock, logger: createSilentLogger(), options: { workerId, batchSize: 8, random: () => 0.5 } });
    const a = make(first, 'a');
    const b = make(second, 'b');
    for (let pass = 0; pass < 30 && port.sends.length < 90; pass++) {
      await Promise.all([a.runOnce(), b.runOnce(), a.runOnce()]);
      clock.advance(1_200);
    }
    await Promise.all([a.stop(), b.stop()]);
    const sent = port.sends.filter((send) => send.result.kind === 'sent').map((send) => `${send.destination.channelId}:${send.message.items?.[0]?.url}`);
    expect(sent).toHaveLength(90);
    expect(new Set(sent).size).toBe(90);
    expect((await first.outbox.list({ status: 'sent' })).length).toBe(90);
  });
});

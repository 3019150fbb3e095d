import { afterEach, describe, expect, it } from 'vitest';
import type { ChatPort, SendResult } from '../../src/chat/chat-port.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import type { Store } from '../../src/store/store.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from './store-harness.js';

/** A platform that enforces 1 message per second per channel (answering 429 otherwise), like Slack. */
function createStrictPort(clock: { now(): Date }) {
  const lastAt = new Map<string, number>();
  const delivered: string[] = [];
  let rateLimited = 0;
  const port: ChatPort = {
    platform: 'slack',
    async send(destination, message): Promise<SendResult> {
      const now = clock.now().getTime();
      const last = lastAt.get(destination.channelId);
      if (last !== undefined && now - last < 1_000) {
        rateLimited += 1;
        return { kind: 'rate_limited', retryAfterMs: 1_000 - (now - last) };
      }
      lastAt.set(destination.channelId, now);
      delivered.push(`${destination.channelId}:${message.items?.[0]?.url}`);
      return { kind: 'sent', messageRef: `${destination.channelId}-${delivered.length}` };
    },
  };
  return { port, delivered, rateLimited: () => rateLimited };
}

describe('dispatcher fan-out', () => {
  let store: Store;
  afterEach(async () => store.close());

  it('delivers one item to 2,000 channels and a burst to a few, exactly once, without 429s', async () => {
    store = await openTestStore();
    const clock = createManualClock('2026-01-05T09:00:00Z');
    for (let i = 0; i < 2_000; i++) await store.subscriptions.subscribe(slackChannel(`C${i}`, `T${i % 20}`), ['ai'], DIGEST_DEFAULTS, clock.now());
    await store.subscriptions.subscribe(slackChannel('BUSY'), ['gdpr'], DIGEST_DEFAULTS, clock.now());
    const items = await insertItems(store, 'reuters', [taggedItem({ topics: ['ai'] })], clock.now());
    const burst = await insertItems(store, 'bbc', Array.from({ length: 5 }, () => taggedItem({ topics: ['gdpr'] })), clock.now());
    expect(await routeNewItems(store, [...items, ...burst], clock.now())).toBe(2_005);
    const strict = createStrictPort(clock);
    const dispatcher = createDispatcher({ store, ports: [strict.port], clock, logger: createSilentLogger(), options: { batchSize: 500, random: () => 0.5 } });
    let passes = 0;
    while (passes < 100 && strict.delivered.length < 2_005) {
      await dispatcher.runOnce();
      clock.advance(250);
      passes += 1;
    }
    await dispatcher.stop();
    expect(strict.delivered).toHaveLength(2_005);
    expect(new Set(strict.delivered).size).toBe(2_005);
    expect(strict.rateLimited()).toBe(0);
    expect((await store.outbox.list({ status: 'sent' })).length).toBe(2_005);
  });
});

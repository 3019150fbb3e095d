import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import type { DispatcherOptions } from '../../src/delivery/dispatch-context.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import type { RendererRegistry } from '../../src/delivery/render.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import type { StoredItem } from '../../src/core/types.js';
import { createRecordingPort } from './recording-port.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from './store-harness.js';

/** A store, a manual clock, a recording Slack port and a dispatcher wired together. */
export async function createDispatchHarness(options: Partial<DispatcherOptions> = {}, portDelayMs = 0, renderers?: RendererRegistry) {
  const store = await openTestStore();
  const clock = createManualClock('2026-01-05T09:00:00Z');
  const slack = createRecordingPort('slack', portDelayMs, clock);
  const dispatcherOptions: Partial<DispatcherOptions> = { random: () => 0.5, workerId: 'w1', ...options };
  const make = (workerId: string) =>
    createDispatcher({
      store,
      ports: [slack.port],
      clock,
      logger: createSilentLogger(),
      ...(renderers ? { renderers } : {}),
      options: { ...dispatcherOptions, workerId },
    });
  const dispatcher = make('w1');
  return {
    store,
    clock,
    slack,
    dispatcher,
    makeDispatcher: make,
    async subscribe(channelId: string, topics = ['ai'], workspaceId = 'T1') {
      await store.subscriptions.subscribe(slackChannel(channelId, workspaceId), topics, DIGEST_DEFAULTS, clock.now());
    },
    /** Inserts n new AI items from a feed and routes them. */
    async publish(n: number, feedId = 'reuters', topics = ['ai']): Promise<StoredItem[]> {
      const items = await insertItems(store, feedId, Array.from({ length: n }, () => taggedItem({ topics })), clock.now());
      await routeNewItems(store, items, clock.now());
      return items;
    },
    /** Runs passes, advancing the clock by stepMs after each, until every row is finished (bounded). */
    async drain(stepMs = 1_200, maxPasses = 200) {
      let passes = 0;
      for (; passes < maxPasses; passes++) {
        const stats = await dispatcher.runOnce();
        clock.advance(stepMs);
        if (stats.claimed === 0 && (await unfinished()) === 0) break;
      }
      return passes;
    },
  };

  async function unfinished(): Promise<number> {
    return (await store.outbox.list({ status: 'pending' })).length + (await store.outbox.list({ status: 'failed' })).length;
  }
}

/**
 * Fan-out scenario shared by the test and the benchmark: N subscribed Slack channels, one new
 * item, the real router and outbox dispatcher, the real Slack ChatPort, and the fake Web API
 * enforcing 1 message/s per channel and answering a share of first attempts with 429.
 */
import { createManualClock } from '../../src/core/clock.js';
import { createTestActions } from './test-actions.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { createStore } from '../../src/store/create-store.js';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.js';
import { startFakeSlackApi } from './fake-slack-api.js';
import { createRecordingHandler } from './recording-handler.js';

export interface FanOutResult {
  channels: number;
  /** Successful posts per channel id. */
  perChannel: Map<string, number>;
  rateLimited: number;
  passes: number;
  wallMs: number;
  /** Time on the dispatcher's (manual) clock from first to last pass. */
  simulatedMs: number;
  unfinished: number;
}

/** Runs the scenario; every `every429`-th channel gets a 429 (Retry-After 1 s) on its first post. */
export async function runFanOut(channels: number, every429 = 10): Promise<FanOutResult> {
  const clock = createManualClock('2026-01-05T09:00:00Z');
  const api = await startFakeSlackApi({ perChannelIntervalMs: 1000, now: () => clock.now().getTime() });
  const store = createStore(':memory:');
  const logger = createSilentLogger();
  try {
    await store.migrate();
    await store.feeds.syncConfig([{ id: 'regulator', url: 'https://regulator.example/feed', name: 'Regulator' }]);
    const schedule = { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' };
    for (let i = 0; i < channels; i++) {
      const channelId = `C${String(i).padStart(5, '0')}`;
      await store.subscriptions.subscribe({ platform: 'slack', workspaceId: 'T1', channelId }, ['ai'], schedule, clock.now());
      if (i % every429 === 0) api.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }, channelId);
    }
    const adapter = createSlackAdapter({
      env: { signingSecret: 'x', botToken: 'xoxb-test', adminOnly: false, tokensEncrypted: false, apiUrl: api.apiUrl },
      commandHandler: createRecordingHandler(),
      actions: createTestActions(store),
      store,
      logger,
      clock,
    });
    const dispatcher = createDispatcher({ store, ports: [adapter.port], clock, logger, options: { workerId: 'fanout', random: () => 0.5 } });
    const [item] = await store.items.insertNew(
      'regulator',
      [{ key: 'k1', url: 'https://regulator.example/ai-fine', title: 'Regulator fines <!channel> AI firm', description: '', content: '', publishedAt: clock.now(), summary: 'A fine.', topics: ['ai'], why: { ai: ['ai'] } }],
      clock.now(),
    );
    const started = Date.now();
    const t0 = clock.now().getTime();
    await routeNewItems(store, item ? [item] : [], clock.now());
    let passes = 0;
    let unfinished = channels;
    for (; passes < 500 && unfinished > 0; passes++) {
      const stats = await dispatcher.runOnce();
      if (stats.claimed === 0) clock.advance(1_100); // nothing due now: let Retry-After / pacing elapse
      unfinished = (await store.outbox.list({ status: 'pending' })).length + (await store.outbox.list({ status: 'failed' })).length;
    }
    await dispatcher.stop();
    const perChannel = new Map<string, number>();
    for (const channel of api.posted) perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
    return { channels, perChannel, rateLimited: api.rateLimited, passes, wallMs: Date.now() - started, simulatedMs: clock.now().getTime() - t0, unfinished };
  } finally {
    await store.close();
    await api.close();
  }
}

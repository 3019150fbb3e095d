import { afterEach, describe, expect, it } from 'vitest';
import { createTestActions } from '../slack/test-actions.js';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { startFakeSlackApi, type FakeSlackApi } from '../slack/fake-slack-api.js';
import { createRecordingHandler } from '../slack/recording-handler.js';
import { createDispatchHarness } from './dispatcher-harness.js';
import { insertItems, slackChannel, taggedItem } from './store-harness.js';

type Harness = Awaited<ReturnType<typeof createDispatchHarness>>;

describe('dispatcher: typed send outcomes and the failure count', () => {
  let h: Harness;
  let api: FakeSlackApi | undefined;
  afterEach(async () => {
    await h.dispatcher.stop();
    await h.store.close();
    await api?.close();
    api = undefined;
  });

  it('never counts a 429 toward the attempt limit: rate limited more often than the limit, then sent', async () => {
    h = await createDispatchHarness({ maxAttempts: 3, backoffBaseMs: 1_000 });
    await h.subscribe('C1');
    const limited = { kind: 'rate_limited', retryAfterMs: 2_000 } as const;
    // Two real failures (one below the limit of 3) around seven 429s.
    h.slack.script('C1', { kind: 'transient', error: 'http_503' }, limited, limited, limited, limited, limited, limited, limited, { kind: 'transient', error: 'http_502' });
    await h.publish(1);
    await h.drain(1_000);
    expect(h.slack.sends.map((send) => send.result.kind)).toEqual([
      'transient', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'transient', 'sent',
    ]);
    expect((await h.store.outbox.list())[0]).toMatchObject({ status: 'sent', failures: 2 });
  });

  it('rides out more Slack 429s (over HTTP) than the attempt limit and sends when Slack recovers', async () => {
    h = await createDispatchHarness();
    api = await startFakeSlackApi({ now: () => h.clock.now().getTime() });
    for (let n = 0; n < 6; n++) api.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }, 'C1');
    const logger = createSilentLogger();
    const adapter = createSlackAdapter({
      env: { signingSecret: 'x', botToken: 'xoxb-test', adminOnly: false, apiUrl: api.apiUrl },
      commandHandler: createRecordingHandler(),
      actions: createTestActions(h.store),
      store: h.store,
      logger,
      clock: h.clock,
    });
    const dispatcher = createDispatcher({ store: h.store, ports: [adapter.port], clock: h.clock, logger, options: { workerId: 'http', maxAttempts: 2, random: () => 0.5 } });
    await h.subscribe('C1');
    await h.publish(1);
    for (let pass = 0; pass < 20 && api.posted.length === 0; pass++) {
      await dispatcher.runOnce();
      const [row] = await h.store.outbox.list();
      if (row?.status !== 'sent') expect(row).toMatchObject({ status: 'failed', failures: 0, lastError: 'rate_limited: retry after 3 s' });
      h.clock.advance(3_000);
    }
    expect(api.rateLimited).toBe(6);
    expect(api.posted).toEqual(['C1']);
    expect((await h.store.outbox.list())[0]).toMatchObject({ status: 'sent', failures: 0 });
    await dispatcher.stop();
  });

  it('marks a refused message (invalid_payload) dead at once and keeps the channel flowing', async () => {
    h = await createDispatchHarness({ channelIntervalMs: { slack: 0, teams: 0, console: 0 } });
    await h.subscribe('C1');
    h.slack.script('C1', { kind: 'invalid_payload', reason: 'slack/invalid_blocks' });
    await h.publish(2);
    expect(await h.dispatcher.runOnce()).toMatchObject({ dead: 1, sent: 1, retried: 0 });
    const rows = await h.store.outbox.list();
    expect(rows.map((row) => [row.status, row.failures, row.lastError])).toEqual([
      ['dead', 0, 'invalid_payload: slack/invalid_blocks'],
      ['sent', 0, null],
    ]);
    expect(await h.store.subscriptions.get(slackChannel('C1'))).toMatchObject({ status: 'active' });
  });

  it('holds a story reply until its lead post is sent, then threads it (another replica, lead backing off)', async () => {
    h = await createDispatchHarness({ backoffBaseMs: 10_000 });
    await h.subscribe('C1');
    const now = h.clock.now();
    const [lead] = await insertItems(h.store, 'reuters', [taggedItem({ title: 'Regulator fines app' })], now);
    await h.store.items.setStory([lead!.id], lead!.id);
    await routeNewItems(h.store, [{ ...lead!, storyId: lead!.id }], now);
    h.slack.script('C1', { kind: 'transient', error: 'http_503' });
    expect(await h.dispatcher.runOnce()).toMatchObject({ retried: 1 });
    // BBC covers the story while the lead post backs off (7.5 s); a second replica, with no
    // memory of this channel's backoff, claims the reply first.
    const [bbc] = await insertItems(h.store, 'bbc', [taggedItem({ title: 'App fined by regulator' })], h.clock.now());
    await h.store.items.setStory([bbc!.id], lead!.id);
    await routeNewItems(h.store, [{ ...bbc!, storyId: lead!.id }], h.clock.now());
    const replica = h.makeDispatcher('w2');
    expect(await replica.runOnce()).toMatchObject({ claimed: 1, sent: 0, paced: 1 });
    expect(h.slack.sentTo('C1')).toHaveLength(0);
    const reply = (await h.store.outbox.list()).find((row) => row.kind === 'story_update');
    expect(reply).toMatchObject({ status: 'failed', failures: 0 });
    h.clock.advance(2_000);
    await replica.runOnce();
    expect(h.slack.sentTo('C1')).toHaveLength(0);
    h.clock.advance(6_000);
    await h.drain();
    await replica.stop();
    const sends = h.slack.sentTo('C1');
    expect(sends.map((send) => send.message.text)).toEqual([expect.stringContaining('Regulator fines app'), 'Also covered by BBC: App fined by regulator']);
    expect(sends[1]?.options?.replyTo).toBe(sends[0]?.result.kind === 'sent' ? sends[0].result.messageRef : 'missing');
    expect((await h.store.outbox.list()).every((row) => row.status === 'sent')).toBe(true);
  });
});

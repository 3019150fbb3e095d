import { afterEach, describe, expect, it } from 'vitest';
import { createDispatchHarness } from './dispatcher-harness.js';
import { slackChannel } from './store-harness.js';

type Harness = Awaited<ReturnType<typeof createDispatchHarness>>;

describe('dispatcher: sending and pacing', () => {
  let h: Harness;
  afterEach(async () => {
    await h.dispatcher.stop();
    await h.store.close();
  });

  it('sends item rows as public item messages and records the message ref', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    const [item] = await h.publish(1);
    const stats = await h.dispatcher.runOnce();
    expect(stats).toMatchObject({ claimed: 1, sent: 1 });
    expect(h.slack.sends).toHaveLength(1);
    expect(h.slack.sends[0]?.message).toMatchObject({ kind: 'item', visibility: 'public', items: [{ title: item!.title, url: item!.url, source: 'Reuters' }] });
    const [row] = await h.store.outbox.list();
    expect(row).toMatchObject({ status: 'sent', messageRef: 'ts-1' });
    expect((await h.dispatcher.runOnce()).claimed).toBe(0);
  });

  it('paces one channel to one message per interval without sleeping', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    await h.publish(3);
    expect((await h.dispatcher.runOnce()).sent).toBe(1);
    expect(await h.dispatcher.runOnce()).toMatchObject({ sent: 0 });
    h.clock.advance(1_100);
    expect((await h.dispatcher.runOnce()).sent).toBe(1);
    h.clock.advance(1_100);
    expect((await h.dispatcher.runOnce()).sent).toBe(1);
    expect(h.slack.sentTo('C1')).toHaveLength(3);
    // Delivered in publication order.
    const ids = h.slack.sends.map((send) => send.message.items?.[0]?.title);
    expect(ids).toEqual([...ids].sort((a, b) => Number(a?.split(' ')[1]) - Number(b?.split(' ')[1])));
  });

  it('a 429 on one channel defers only that channel', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    await h.subscribe('C2');
    h.slack.script('C1', { kind: 'rate_limited', retryAfterMs: 30_000 });
    await h.publish(2);
    const first = await h.dispatcher.runOnce();
    expect(first).toMatchObject({ sent: 1, retried: 1 });
    expect(h.slack.sentTo('C2')).toHaveLength(1);
    h.clock.advance(1_200);
    await h.dispatcher.runOnce();
    expect(h.slack.sentTo('C2')).toHaveLength(2);
    expect(h.slack.sentTo('C1')).toHaveLength(0);
    h.clock.advance(29_000);
    await h.dispatcher.runOnce();
    expect(h.slack.sentTo('C1')).toHaveLength(1);
    h.clock.advance(1_200);
    await h.dispatcher.runOnce();
    expect(h.slack.sentTo('C1')).toHaveLength(2);
    const c1 = await h.store.outbox.list({ destination: slackChannel('C1') });
    expect(c1.every((row) => row.status === 'sent')).toBe(true);
  });

  it('retries 5xx with exponential backoff and marks the row dead after maxAttempts', async () => {
    h = await createDispatchHarness({ maxAttempts: 3, backoffBaseMs: 10_000 });
    await h.subscribe('C1');
    const fail = { kind: 'transient', error: 'http_503' } as const;
    h.slack.script('C1', fail, fail, fail);
    await h.publish(1);
    await h.dispatcher.runOnce();
    let [row] = await h.store.outbox.list();
    // random() = 0.5 -> equal jitter gives 0.75 of the exponential step.
    expect(row).toMatchObject({ status: 'failed', failures: 1, lastError: 'http_503' });
    expect(row!.nextAttemptAt.getTime() - h.clock.now().getTime()).toBe(7_500);
    h.clock.advance(7_500);
    await h.dispatcher.runOnce();
    [row] = await h.store.outbox.list();
    expect(row).toMatchObject({ status: 'failed', failures: 2, lastError: 'http_503' });
    expect(row!.nextAttemptAt.getTime() - h.clock.now().getTime()).toBe(15_000);
    h.clock.advance(15_000);
    await h.dispatcher.runOnce();
    [row] = await h.store.outbox.list();
    expect(row).toMatchObject({ status: 'dead', failures: 3, lastError: 'http_503' });
  });

  it('recovers after transient failures without losing the row', async () => {
    h = await createDispatchHarness({ backoffBaseMs: 1_000 });
    await h.subscribe('C1');
    h.slack.script('C1', { kind: 'transient', error: 'network: ECONNRESET' }, { kind: 'transient', retryAfterMs: 2_000, error: 'http_502' });
    await h.publish(1);
    await h.drain(1_000);
    expect(h.slack.sentTo('C1')).toHaveLength(1);
    expect((await h.store.outbox.list())[0]?.status).toBe('sent');
  });

  it('treats a port that throws as a transient failure', async () => {
    h = await createDispatchHarness({ backoffBaseMs: 1_000 });
    await h.subscribe('C1');
    await h.publish(1);
    const original = h.slack.port.send;
    let thrown = false;
    h.slack.port.send = async (...args) => {
      if (!thrown) {
        thrown = true;
        throw new Error('socket hang up');
      }
      return original(...args);
    };
    expect(await h.dispatcher.runOnce()).toMatchObject({ retried: 1 });
    expect((await h.store.outbox.list())[0]).toMatchObject({ failures: 1, lastError: 'exception: socket hang up' });
    await h.drain(1_000);
    expect(h.slack.sentTo('C1')).toHaveLength(1);
  });

  it('marks rows dead when the channel unsubscribed or the item is gone', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    await h.subscribe('C2');
    await h.subscribe('C3', ['gdpr']);
    await h.publish(1);
    await h.store.subscriptions.unsubscribe(slackChannel('C1'), 'all');
    await h.store.outbox.enqueue([{ dedupKey: 'item:x', destination: slackChannel('C3'), kind: 'item', payload: { itemId: 999_999 } }], h.clock.now());
    const stats = await h.dispatcher.runOnce();
    expect(stats).toMatchObject({ sent: 1, dead: 2 });
    const dead = await h.store.outbox.list({ status: 'dead' });
    expect(dead.map((row) => row.lastError).sort()).toEqual(['nothing to send (item no longer stored)', 'unsubscribed: the channel has no subscription']);
  });
});

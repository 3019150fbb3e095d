import { afterEach, describe, expect, it } from 'vitest';
import { enqueueAdminNotice } from '../../src/delivery/admin-notice.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { createDispatchHarness } from './dispatcher-harness.js';
import { insertItems, slackChannel, taggedItem } from './store-harness.js';

type Harness = Awaited<ReturnType<typeof createDispatchHarness>>;

describe('dispatcher: story replies, notices, custom renderers', () => {
  let h: Harness;
  afterEach(async () => {
    await h.dispatcher.stop();
    await h.store.close();
  });

  it('posts later coverage as a thread reply "Also covered by <source>: <title>"', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    const now = h.clock.now();
    const [lead] = await insertItems(h.store, 'reuters', [taggedItem({ title: 'Regulator fines app' })], now);
    await h.store.items.setStory([lead!.id], lead!.id);
    const [bbc] = await insertItems(h.store, 'bbc', [taggedItem({ title: 'App fined by regulator' })], now);
    await h.store.items.setStory([bbc!.id], lead!.id);
    // Both arrive in one batch: the reply must wait for the lead's post to thread under it.
    await routeNewItems(h.store, [lead!, bbc!].map((item) => ({ ...item, storyId: lead!.id })), now);
    await h.drain();
    const sends = h.slack.sentTo('C1');
    expect(sends).toHaveLength(2);
    expect(sends[0]?.options?.replyTo).toBeUndefined();
    expect(sends[1]?.message.text).toBe('Also covered by BBC: App fined by regulator');
    expect(sends[1]?.options?.replyTo).toBe(sends[0]?.result.kind === 'sent' ? sends[0].result.messageRef : 'missing');
  });

  it('sends a story update as a plain post when the lead was never posted here', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    const [item] = await insertItems(h.store, 'bbc', [taggedItem({ title: 'Follow-up' })], h.clock.now());
    await h.store.outbox.enqueue(
      [{ dedupKey: 'story:x', destination: slackChannel('C1'), kind: 'story_update', payload: { itemId: item!.id, storyId: 77, source: 'BBC' }, storyId: 77 }],
      h.clock.now(),
    );
    await h.drain();
    expect(h.slack.sentTo('C1')[0]).toMatchObject({ message: { text: 'Also covered by BBC: Follow-up' }, options: {} });
  });

  it('enqueues admin notices only for active admin channels', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1');
    expect(await enqueueAdminNotice(h.store, 'Feed BBC is failing (timeout)', h.clock.now())).toBe(0);
    await h.subscribe('ADM');
    await h.store.subscriptions.setAdmin(slackChannel('ADM'), true);
    await h.subscribe('ADM2');
    await h.store.subscriptions.setAdmin(slackChannel('ADM2'), true);
    await h.store.subscriptions.pause(slackChannel('ADM2'), 'is_archived');
    expect(await enqueueAdminNotice(h.store, 'Feed BBC is failing (timeout)', h.clock.now())).toBe(1);
    expect(await enqueueAdminNotice(h.store, 'Feed BBC is failing (timeout)', h.clock.now())).toBe(0);
    await h.drain();
    expect(h.slack.sentTo('ADM').map((send) => send.message)).toEqual([
      { kind: 'notice', visibility: 'public', text: 'Feed BBC is failing (timeout)', lines: ['Feed BBC is failing (timeout)'] },
    ]);
    expect(h.slack.sentTo('C1')).toHaveLength(0);
  });

  it('uses injected renderers (the digest renderer comes from src/digest/)', async () => {
    h = await createDispatchHarness({}, 0, { digest: async (row) => ({ kind: 'digest', text: `digest ${(row.payload as { period: string }).period}` }) });
    await h.subscribe('C1');
    await h.store.outbox.enqueue([{ dedupKey: 'digest:C1:2026-W02', destination: slackChannel('C1'), kind: 'digest', payload: { period: '2026-W02' } }], h.clock.now());
    await h.drain();
    expect(h.slack.sentTo('C1')[0]?.message).toEqual({ kind: 'digest', text: 'digest 2026-W02' });
  });

  it('parks rows for a platform with no chat port in this process', async () => {
    h = await createDispatchHarness();
    const teams = { platform: 'teams' as const, workspaceId: 'tenant', channelId: '19:abc' };
    await h.store.subscriptions.subscribe(teams, ['ai'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, h.clock.now());
    await h.publish(1);
    expect(await h.dispatcher.runOnce()).toMatchObject({ parked: 1, sent: 0 });
    expect((await h.store.outbox.list())[0]).toMatchObject({ status: 'failed', lastError: 'parked: no chat port for teams' });
    expect(await h.store.subscriptions.get(teams)).toMatchObject({ status: 'active' });
  });

  it('retries (then kills) rows whose kind has no renderer, never dropping them silently', async () => {
    h = await createDispatchHarness({ maxAttempts: 2, backoffBaseMs: 1_000 });
    await h.subscribe('C1');
    await h.store.outbox.enqueue([{ dedupKey: 'digest:C1:w', destination: slackChannel('C1'), kind: 'digest', payload: {} }], h.clock.now());
    await h.drain(1_000);
    expect((await h.store.outbox.list())[0]).toMatchObject({ status: 'dead', failures: 2, lastError: 'no renderer for digest' });
  });
});

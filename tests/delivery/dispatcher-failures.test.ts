import { afterEach, describe, expect, it } from 'vitest';
import { createDispatchHarness } from './dispatcher-harness.js';
import { slackChannel } from './store-harness.js';

type Harness = Awaited<ReturnType<typeof createDispatchHarness>>;

describe('dispatcher: gone channels and revoked workspaces', () => {
  let h: Harness;
  afterEach(async () => {
    await h.dispatcher.stop();
    await h.store.close();
  });

  it('pauses a gone channel, parks its rows, and sends them after resume', async () => {
    h = await createDispatchHarness({ parkRecheckMs: 60_000 });
    await h.subscribe('C1');
    await h.subscribe('C2');
    h.slack.script('C1', { kind: 'gone', reason: 'not_in_channel' });
    await h.publish(2);
    const stats = await h.dispatcher.runOnce();
    expect(stats).toMatchObject({ sent: 1, parked: 2 });
    const subscription = await h.store.subscriptions.get(slackChannel('C1'));
    expect(subscription).toMatchObject({ status: 'paused', pausedReason: 'not_in_channel' });
    const parked = await h.store.outbox.list({ destination: slackChannel('C1') });
    expect(parked.map((row) => [row.status, row.lastError])).toEqual([
      ['failed', 'parked: not_in_channel'],
      ['failed', 'parked: not_in_channel'],
    ]);
    // Still paused at the recheck: parked again, nothing sent.
    h.clock.advance(60_000);
    expect(await h.dispatcher.runOnce()).toMatchObject({ parked: 2 });
    expect(h.slack.sentTo('C1')).toHaveLength(0);
    // Resumed (e.g. `subscribe` after /invite): the rows go out at the next recheck, paced.
    await h.store.subscriptions.resume(slackChannel('C1'));
    h.clock.advance(60_000);
    await h.drain();
    expect(h.slack.sentTo('C1')).toHaveLength(2);
    expect(h.slack.sentTo('C2')).toHaveLength(2);
  });

  it('marks parked rows dead after parkMaxMs (their items remain in the digest)', async () => {
    h = await createDispatchHarness({ parkRecheckMs: 60_000, parkMaxMs: 90_000 });
    await h.subscribe('C1');
    h.slack.script('C1', { kind: 'gone', reason: 'is_archived' });
    await h.publish(1);
    await h.dispatcher.runOnce();
    h.clock.advance(60_000);
    await h.dispatcher.runOnce();
    h.clock.advance(60_000);
    expect(await h.dispatcher.runOnce()).toMatchObject({ dead: 1 });
    expect((await h.store.outbox.list())[0]).toMatchObject({ status: 'dead', lastError: 'expired while paused: is_archived' });
  });

  it('auth_revoked pauses every subscription of that workspace only', async () => {
    h = await createDispatchHarness();
    await h.subscribe('C1', ['ai'], 'T1');
    await h.subscribe('C2', ['gdpr'], 'T1');
    await h.subscribe('C9', ['ai'], 'T2');
    h.slack.script('C1', { kind: 'auth_revoked', reason: 'token_revoked' });
    await h.publish(1);
    await h.dispatcher.runOnce();
    expect(await h.store.subscriptions.get(slackChannel('C1', 'T1'))).toMatchObject({ status: 'paused', pausedReason: 'auth_revoked: token_revoked' });
    expect(await h.store.subscriptions.get(slackChannel('C2', 'T1'))).toMatchObject({ status: 'paused', pausedReason: 'auth_revoked: token_revoked' });
    expect(await h.store.subscriptions.get(slackChannel('C9', 'T2'))).toMatchObject({ status: 'active' });
    expect(h.slack.sentTo('C9')).toHaveLength(1);
    // New items no longer route to the paused workspace.
    await h.publish(1, 'reuters', ['ai', 'gdpr']);
    const rowsT1 = (await h.store.outbox.list()).filter((row) => row.destination.workspaceId === 'T1');
    expect(rowsT1).toHaveLength(1);
  });

  it('parks the rest of a workspace once its token is revoked during a pass', async () => {
    h = await createDispatchHarness({}, 5);
    for (const channel of ['C1', 'C2', 'C3']) await h.subscribe(channel);
    h.slack.script('C1', { kind: 'auth_revoked', reason: 'invalid_auth' });
    h.slack.script('C2', { kind: 'auth_revoked', reason: 'invalid_auth' });
    h.slack.script('C3', { kind: 'auth_revoked', reason: 'invalid_auth' });
    await h.publish(1);
    const stats = await h.dispatcher.runOnce();
    expect(stats.sent).toBe(0);
    expect(stats.parked).toBe(3);
    const subscriptions = await h.store.subscriptions.list({ workspaceId: 'T1' });
    expect(subscriptions.every((s) => s.status === 'paused')).toBe(true);
  });
});

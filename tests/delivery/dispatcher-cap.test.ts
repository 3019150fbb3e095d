import { afterEach, describe, expect, it } from 'vitest';
import { createDispatchHarness } from './dispatcher-harness.js';
import { slackChannel } from './store-harness.js';

type Harness = Awaited<ReturnType<typeof createDispatchHarness>>;

describe('dispatcher: hourly cap and rollups', () => {
  let h: Harness;
  afterEach(async () => {
    await h.dispatcher.stop();
    await h.store.close();
  });

  it('rolls items over the hourly cap into one message instead of dropping them', async () => {
    h = await createDispatchHarness({ hourlyCap: 10 });
    await h.subscribe('C1');
    const items = await h.publish(21);
    await h.drain();
    const sends = h.slack.sentTo('C1');
    expect(sends).toHaveLength(10);
    const rollup = sends.find((send) => send.message.kind === 'rollup');
    expect(rollup?.message.text).toMatch(/^12 more items on your topics: /);
    expect(rollup?.message.sections?.[0]).toMatchObject({ heading: '12 more items on your topics', more: 'and 2 more' });
    expect(rollup?.message.sections?.[0]?.items).toHaveLength(10);
    // Every item reached the channel exactly once: 9 posts, 12 lines of the rollup.
    const posted = sends.filter((send) => send.message.kind === 'item').map((send) => send.message.items?.[0]?.url);
    expect(posted).toEqual(items.slice(0, 9).map((item) => item.url));
    const rows = await h.store.outbox.list({ destination: slackChannel('C1') });
    expect(rows.filter((row) => row.lastError?.startsWith('rolled_up: rollup:slack:T1:C1:'))).toHaveLength(12);
    expect(rows.filter((row) => row.status === 'pending' || row.status === 'failed')).toHaveLength(0);
  });

  it('sends at most one rollup per UTC hour; later overflow waits for the next hour', async () => {
    h = await createDispatchHarness({ hourlyCap: 3 });
    await h.subscribe('C1');
    await h.publish(5);
    await h.drain();
    expect(h.slack.sentTo('C1').map((send) => send.message.kind)).toEqual(['item', 'item', 'rollup']);
    h.clock.advance(5 * 60_000);
    const late = await h.publish(2);
    await h.dispatcher.runOnce();
    const waiting = (await h.store.outbox.list({ destination: slackChannel('C1') })).filter((row) => row.status === 'failed');
    expect(waiting).toHaveLength(2);
    for (const row of waiting) {
      expect(row.lastError).toBe('over the hourly cap: waiting for the next hour');
      expect(row.nextAttemptAt.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    }
    await h.drain(60_000, 80);
    // By 10:00 the rolling hour has room again, so the late items are posted one by one.
    expect(h.slack.sentTo('C1').map((send) => send.message.kind)).toEqual(['item', 'item', 'rollup', 'item', 'item']);
    const lateRows = (await h.store.outbox.list({ destination: slackChannel('C1') })).filter((row) => late.some((item) => row.dedupKey.endsWith(`:${item.id}`)));
    expect(lateRows.every((row) => row.status === 'sent' && row.sentAt! >= new Date('2026-01-05T10:00:00Z'))).toBe(true);
  });

  it('never holds or rolls up notices: only items and story updates are capped', async () => {
    h = await createDispatchHarness({ hourlyCap: 1 });
    await h.subscribe('C1');
    await h.publish(1);
    await h.drain();
    await h.store.outbox.enqueue(
      [1, 2].map((n) => ({ dedupKey: `notice:${n}`, destination: slackChannel('C1'), kind: 'notice' as const, payload: { text: `Feed ${n} is failing` } })),
      h.clock.now(),
    );
    await h.drain();
    expect(h.slack.sentTo('C1').map((send) => send.message.kind)).toEqual(['item', 'notice', 'notice']);
    expect(h.slack.sentTo('C1')[1]?.message).toMatchObject({ text: 'Feed 1 is failing', lines: ['Feed 1 is failing'] });
  });
});

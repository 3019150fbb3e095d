import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/core/logger.js';
import { sendDigestNow } from '../../src/digest/digest-actions.js';
import { createDigestScheduler } from '../../src/digest/digest-scheduler.js';
import { renderDigestRow } from '../../src/digest/render-digest-row.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { addItem, CHANNEL, clockAt, DAY, DIGEST_TIME, HOUR, prepareChannel, tagged, TOPICS } from './digest-fixtures.js';

let store: Store;
beforeEach(async () => {
  store = createStore(':memory:');
  await store.migrate();
  await prepareChannel(store);
});
afterEach(async () => store.close());

const logger = createSilentLogger();
const digestRows = async () => (await store.outbox.list()).filter((row) => row.kind === 'digest');

describe('createDigestScheduler', () => {
  it('enqueues one digest at the channel time, and never a second for the same period', async () => {
    const clock = clockAt(new Date(DIGEST_TIME.getTime() - 60_000));
    const scheduler = createDigestScheduler({ store, clock, logger, leaseHolder: 'a' });
    expect(await scheduler.runDue()).toBe(0);
    clock.set(DIGEST_TIME);
    expect(await scheduler.runDue()).toBe(1);
    clock.advance(60_000);
    expect(await scheduler.runDue()).toBe(0);
    // A restarted process (new scheduler, new holder once the lease expired) sends nothing more.
    clock.advance(HOUR);
    expect(await createDigestScheduler({ store, clock, logger, leaseHolder: 'b' }).runDue()).toBe(0);

    const rows = await digestRows();
    expect(rows.map((row) => row.dedupKey)).toEqual(['digest:slack:T1:C123:2026-03-09T08:00:00.000Z']);
    expect(rows[0]!.payload).toEqual({ since: '2026-03-02T08:00:00.000Z', until: '2026-03-09T08:00:00.000Z' });
    expect((await store.subscriptions.get(CHANNEL))?.lastDigestAt?.toISOString()).toBe(DIGEST_TIME.toISOString());

    // The next Monday brings the next period.
    clock.set(new Date(DIGEST_TIME.getTime() + 7 * DAY));
    expect(await scheduler.runDue()).toBe(1);
    expect((await digestRows()).map((row) => (row.payload as { since: string }).since)).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
    ]);
  });

  it('sends a digest missed during downtime once, on start', async () => {
    const clock = clockAt(new Date(DIGEST_TIME.getTime() + 20 * HOUR));
    const scheduler = createDigestScheduler({ store, clock, logger, leaseHolder: 'a' });
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
  });

  it('lets only the lease holder do the tick', async () => {
    const clock = clockAt(DIGEST_TIME);
    const first = createDigestScheduler({ store, clock, logger, leaseHolder: 'replica-1' });
    const second = createDigestScheduler({ store, clock, logger, leaseHolder: 'replica-2' });
    expect(await second.runDue()).toBe(1);
    expect(await first.runDue()).toBe(0);
    expect(await store.leases.acquire('digest-scheduler', 'replica-1', DIGEST_TIME, 1000)).toBe(false);
  });

  it('renders the enqueued row for the period it was enqueued for, even when sent later', async () => {
    await addItem(store, 'eff', tagged('e1', 'Clearview AI sued again', ['ai', 'lawsuit'], new Date(DIGEST_TIME.getTime() - DAY)), new Date(DIGEST_TIME.getTime() - DAY));
    const clock = clockAt(DIGEST_TIME);
    await createDigestScheduler({ store, clock, logger, leaseHolder: 'a' }).runDue();
    // News after the digest time belongs to next week's digest.
    await addItem(store, 'eff', tagged('e2', 'Later AI news', ['ai'], new Date(DIGEST_TIME.getTime() + HOUR)), new Date(DIGEST_TIME.getTime() + HOUR));
    clock.advance(2 * HOUR);
    const [row] = await digestRows();
    const message = await renderDigestRow(row!, { store, clock, topics: TOPICS });
    expect(message?.sections?.map((s) => [s.heading, s.items.map((i) => i.title)])).toEqual([['AI & automated decisions', ['Clearview AI sued again']]]);
  });

  it('renders nothing once the channel has unsubscribed', async () => {
    await createDigestScheduler({ store, clock: clockAt(DIGEST_TIME), logger, leaseHolder: 'a' }).runDue();
    await store.subscriptions.unsubscribe(CHANNEL, 'all');
    const [row] = await digestRows();
    expect(await renderDigestRow(row!, { store, clock: clockAt(DIGEST_TIME) })).toBeNull();
  });
});

describe('sendDigestNow', () => {
  it('posts through the outbox with a unique key each time and restarts the period', async () => {
    const clock = clockAt(new Date(DIGEST_TIME.getTime() - 2 * DAY));
    const before = new Date(clock.now().getTime() - HOUR);
    await addItem(store, 'eff', tagged('n1', 'Clearview AI sued over face scans', ['ai'], before), before);
    const reply = await sendDigestNow({ store, clock }, CHANNEL);
    expect(reply).toMatchObject({ visibility: 'private', text: 'The digest is on its way to this channel.' });
    clock.set(new Date(clock.now().getTime() + HOUR));
    const later = new Date(clock.now().getTime() - 60_000);
    await addItem(store, 'bbc', tagged('n2', 'Court rules on NSO spyware case', ['ai'], later), later);
    await sendDigestNow({ store, clock }, CHANNEL);
    const rows = await digestRows();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.dedupKey)).size).toBe(2);
    expect(rows[0]!.dedupKey).toMatch(/^digest:slack:T1:C123:now:/);
    expect((await store.subscriptions.get(CHANNEL))?.lastDigestAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('refuses a channel without subscriptions', async () => {
    const reply = await sendDigestNow({ store, clock: clockAt(DIGEST_TIME) }, { ...CHANNEL, channelId: 'COTHER' });
    expect(reply.text).toMatch(/no subscriptions/);
    expect(await digestRows()).toHaveLength(0);
  });
});

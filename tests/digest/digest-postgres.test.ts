import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDigestScheduler } from '../../src/digest/digest-scheduler.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { adminQuery, noticePgSkipped, PG_URL, uniqueSchema } from '../store/pg-schema.js';
import { BERLIN_MONDAY_9, clockAt, DAY, DIGEST_TIME, FEEDS } from './digest-fixtures.js';

// Two processes (two Store instances, two pools) on one PostgreSQL database at the digest time.
noticePgSkipped('digest-postgres.test.ts');
describe.skipIf(!PG_URL)('digests with two processes on one PostgreSQL database', () => {
  const schema = uniqueSchema('t_digest');
  let first: Store;
  let second: Store;
  const channels = ['C1', 'C2', 'C3'].map((channelId) => ({ platform: 'slack' as const, workspaceId: 'T1', channelId }));

  beforeAll(async () => {
    await adminQuery(`CREATE SCHEMA ${schema}`);
    first = createStore(PG_URL, { schema });
    second = createStore(PG_URL, { schema });
    await first.migrate();
    await first.feeds.syncConfig(FEEDS);
    for (const channel of channels) await first.subscriptions.subscribe(channel, ['ai'], BERLIN_MONDAY_9, new Date(DIGEST_TIME.getTime() - 10 * DAY));
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  const digestKeys = async (): Promise<string[]> =>
    (await first.outbox.list()).filter((row) => row.kind === 'digest').map((row) => row.dedupKey).sort();

  it('enqueues exactly one digest per channel when both tick at the same moment', async () => {
    const logger = createSilentLogger();
    const clock = clockAt(DIGEST_TIME);
    const a = createDigestScheduler({ store: first, clock, logger, leaseHolder: 'process-a' });
    const b = createDigestScheduler({ store: second, clock, logger, leaseHolder: 'process-b' });
    const counts = await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(3);
    expect(await digestKeys()).toEqual(channels.map((c) => `digest:slack:T1:${c.channelId}:2026-03-09T08:00:00.000Z`));
  });

  it('still sends one per channel when the lease has expired and the other process retries the period', async () => {
    // Simulate a process that lost its lease mid-tick: clear lastDigestAt so the period looks due again.
    for (const channel of channels) await second.subscriptions.markDigestSent(channel, new Date(DIGEST_TIME.getTime() - 7 * DAY));
    const later = clockAt(new Date(DIGEST_TIME.getTime() + 5 * 60_000));
    const b = createDigestScheduler({ store: second, clock: later, logger: createSilentLogger(), leaseHolder: 'process-b' });
    expect(await b.runDue()).toBe(0);
    expect(await digestKeys()).toHaveLength(3);
  });
});

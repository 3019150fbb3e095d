import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { createTwoPgStores, noticePgSkipped, PG_URL } from './pg-schema.js';
import { slack, T0 } from './fixtures.js';

noticePgSkipped('postgres-concurrency.test.ts');
describe.skipIf(!PG_URL)('two stores on one PostgreSQL database', () => {
  let first: Store;
  let second: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ first, second, cleanup } = await createTwoPgStores());
  });
  afterAll(() => cleanup());

  it('claims disjoint rows under concurrency (FOR UPDATE SKIP LOCKED)', async () => {
    const total = 300;
    await first.outbox.enqueue(Array.from({ length: total }, (_, n) => ({ dedupKey: `c-${n}`, destination: slack('C1'), kind: 'item' as const, payload: n })), T0);
    const claimedBy = new Map<number, string>();
    const loop = async (store: Store, worker: string) => {
      for (;;) {
        const rows = await store.outbox.claim(worker, 7, T0, 60_000);
        if (rows.length === 0) return;
        for (const row of rows) {
          expect(claimedBy.get(row.id)).toBeUndefined();
          claimedBy.set(row.id, worker);
        }
      }
    };
    await Promise.all([loop(first, 'a1'), loop(first, 'a2'), loop(second, 'b1'), loop(second, 'b2')]);
    expect(claimedBy.size).toBe(total);
    expect(new Set(claimedBy.values()).size).toBeGreaterThan(1);
  });

  it('gives a lease to exactly one of many concurrent contenders', async () => {
    for (let round = 0; round < 10; round++) {
      const name = `poll-${round}`;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, n) => (n % 2 === 0 ? first : second).leases.acquire(name, `holder-${n}`, T0, 30_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });
});

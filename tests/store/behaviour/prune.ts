import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { makeItem, slack, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

const DAY = 24 * 60 * 60 * 1000;
const day = (n: number): Date => new Date(T0.getTime() + n * DAY);

/** Retention: items not listed for retentionDays, finished outbox rows after 30 days. */
export function registerPruneBehaviour(factory: StoreFactory): void {
  describe('prune', () => {
    const store = useStore(factory);

    it('prunes old items but keeps those the feed still lists, and their topics', async () => {
      await store().items.insertNew('f1', [makeItem('gone'), makeItem('still-listed')], T0);
      await store().items.insertNew('f1', [makeItem('still-listed')], day(300));
      await store().items.insertNew('f1', [makeItem('recent')], day(200));
      expect(await store().prune(day(366), 365)).toMatchObject({ items: 1 });
      expect((await store().items.latest({ limit: 10, topic: 'ai' })).map((item) => item.key)).toEqual(['recent', 'still-listed']);
      expect(await store().items.search({ words: 'gone', limit: 10 })).toEqual([]);
      // Re-listing a pruned item would make it new again; one still listed never is.
      expect(await store().items.insertNew('f1', [makeItem('still-listed')], day(367))).toEqual([]);
    });

    it('prunes sent outbox rows after 30 days and keeps pending ones', async () => {
      await store().outbox.enqueue([
        { dedupKey: 'sent', destination: slack('C1'), kind: 'item', payload: null },
        { dedupKey: 'pending', destination: slack('C1'), kind: 'item', payload: null, notBefore: day(100) },
      ], T0);
      const [row] = await store().outbox.claim('w', 1, T0, 1000);
      await store().outbox.markSent(row!.id, T0, null);
      expect(await store().prune(day(29), 365)).toEqual({ items: 0, outbox: 0 });
      expect(await store().prune(day(31), 365)).toEqual({ items: 0, outbox: 1 });
      expect((await store().outbox.list()).map((r) => r.dedupKey)).toEqual(['pending']);
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, slack, T0, WEEKLY } from '../fixtures.js';
import { useStore } from './use-store.js';

/** store.transaction and the reads a poll's transaction is built on. */
export function registerTransactionBehaviour(factory: StoreFactory): void {
  describe('transactions and poll reads', () => {
    const store = useStore(factory);

    it('commits everything written through tx together, and nothing when fn throws', async () => {
      await store().feeds.syncConfig([{ id: 'f1', url: 'https://f1.example/' }]);
      const write = (key: string) => async (tx: ReturnType<typeof store>) => {
        const [item] = await tx.items.insertNew('f1', [makeItem(key)], T0);
        await tx.outbox.enqueue([{ dedupKey: `item:${key}`, destination: slack('C1'), kind: 'item', payload: { itemId: item!.id } }], T0);
        await tx.feeds.updateState('f1', { etag: `"${key}"` });
        return item!.id;
      };
      const failing = write('lost');
      await expect(store().transaction(async (tx) => {
        await failing(tx);
        throw new Error('fault before commit');
      })).rejects.toThrow('fault before commit');
      expect(await store().items.count()).toBe(0);
      expect(await store().outbox.list()).toEqual([]);
      expect((await store().feeds.get('f1'))?.state.etag).toBeNull();

      const id = await store().transaction(write('kept'));
      expect((await store().items.getById(id))?.key).toBe('kept');
      expect((await store().outbox.list()).map((row) => row.dedupKey)).toEqual(['item:kept']);
      expect((await store().feeds.get('f1'))?.state.etag).toBe('"kept"');
      // Nested calls join the outer transaction (rolled back with it).
      await expect(store().transaction(async (tx) => {
        await tx.transaction(async (inner) => inner.items.insertNew('f1', [makeItem('inner')], T0));
        throw new Error('outer fails');
      })).rejects.toThrow('outer fails');
      expect(await store().items.count()).toBe(1);
    });

    it('knownKeys names the stored keys of one feed; insertNew touches every listed key', async () => {
      await store().items.insertNew('f1', [makeItem('a'), makeItem('b')], T0);
      await store().items.insertNew('f2', [makeItem('c')], T0);
      expect([...(await store().items.knownKeys('f1', ['a', 'c', 'z', 'a']))].sort()).toEqual(['a']);
      expect(await store().items.knownKeys('f1', [])).toEqual(new Set());
      // Only "c" is new; "a" is listed (still shown by the feed) but not passed as an item.
      const later = at(minutes(60 * 24 * 400));
      expect((await store().items.insertNew('f1', [makeItem('c')], later, ['a', 'c'])).map((item) => item.key)).toEqual(['c']);
      expect((await store().prune(at(minutes(60 * 24 * 400)), 365)).items).toBe(2); // f1's "b" and f2's "c"; "a" was listed
      expect(await store().items.insertNew('f1', [], later, [])).toEqual([]);
    });

    it('byStories and outbox.list({ storyIds }) read a batch of stories at once', async () => {
      const [a, b, c] = await store().items.insertNew('f1', [makeItem('a'), makeItem('b'), makeItem('c')], T0);
      await store().items.setStory([a!.id, b!.id], a!.id);
      await store().items.setStory([c!.id], c!.id);
      expect((await store().items.byStories([a!.id, c!.id, a!.id])).map((item) => item.key)).toEqual(['a', 'b', 'c']);
      expect(await store().items.byStories([])).toEqual([]);
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().outbox.enqueue([
        { dedupKey: 'k1', destination: slack('C1'), kind: 'item', payload: { itemId: a!.id }, storyId: a!.id },
        { dedupKey: 'k2', destination: slack('C2'), kind: 'item', payload: { itemId: c!.id }, storyId: c!.id },
        { dedupKey: 'k3', destination: slack('C1'), kind: 'item', payload: { itemId: 99 } },
      ], T0);
      expect((await store().outbox.list({ storyIds: [a!.id, c!.id] })).map((row) => row.dedupKey)).toEqual(['k1', 'k2']);
      expect((await store().outbox.list({ storyIds: [c!.id], destination: slack('C1') }))).toEqual([]);
      expect(await store().outbox.list({ storyIds: [] })).toEqual([]);
    });
  });
}

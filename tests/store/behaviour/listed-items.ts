import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { makeItem, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

const DAY = 24 * 3600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A feed that answers 304 for months keeps its listed items: retention never prunes, a change never re-posts. */
export function registerListedItemsBehaviour(factory: StoreFactory): void {
  describe('items still listed by an unchanged feed', () => {
    const store = useStore(factory);

    it('touches only the items of the last full fetch, at most once per staleness period', async () => {
      await store().items.insertNew('f1', [makeItem('a'), makeItem('b')], T0);
      await store().items.insertNew('f1', [makeItem('b'), makeItem('c')], at(DAY)); // "a" left the feed
      await store().items.insertNew('f2', [makeItem('x')], T0);

      expect(await store().items.touchListed('f1', at(DAY + 3600_000), DAY)).toBe(0); // fresh enough
      expect(await store().items.touchListed('f1', at(400 * DAY), DAY)).toBe(2); // b and c
      expect(await store().items.touchListed('f1', at(400 * DAY + 3600_000), DAY)).toBe(0);

      const pruned = await store().prune(at(400 * DAY), 365);
      expect(pruned.items).toBe(2); // "a" (gone from its feed) and f2's "x"; b and c stay
      const keys = (await store().items.between(T0, at(401 * DAY))).map((item) => item.key).sort();
      expect(keys).toEqual(['b', 'c']);
      // A later change listing b and c again stores nothing new: no re-post.
      expect(await store().items.insertNew('f1', [makeItem('b'), makeItem('c'), makeItem('d')], at(401 * DAY))).toHaveLength(1);
    });
  });
}

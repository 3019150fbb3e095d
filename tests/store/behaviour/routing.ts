import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

/** The routing marker: items a crashed poll stored but never routed can be found again. */
export function registerRoutingBehaviour(factory: StoreFactory): void {
  describe('routing marker', () => {
    const store = useStore(factory);

    it('lists unrouted items older than a time, oldest first, until they are marked routed', async () => {
      const early = await store().items.insertNew('f1', [makeItem('a'), makeItem('b')], T0);
      const late = await store().items.insertNew('f1', [makeItem('c')], at(minutes(10)));
      expect((await store().items.unrouted(at(minutes(5)), 10)).map((i) => i.key)).toEqual(['a', 'b']);
      expect((await store().items.unrouted(at(minutes(11)), 2)).map((i) => i.key)).toEqual(['a', 'b']);

      await store().items.markRouted([early[0]!.id], at(minutes(1)));
      expect((await store().items.unrouted(at(minutes(11)), 10)).map((i) => i.key)).toEqual(['b', 'c']);
      await store().items.markRouted([early[1]!.id, late[0]!.id], at(minutes(11)));
      expect(await store().items.unrouted(at(minutes(60)), 10)).toEqual([]);
      await store().items.markRouted([], T0); // a no-op, not an SQL error
    });
  });
}

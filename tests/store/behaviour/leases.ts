import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Leases: one holder at a time, renewal, expiry, release. */
export function registerLeaseBehaviour(factory: StoreFactory): void {
  describe('leases', () => {
    const store = useStore(factory);

    it('gives a lease to one holder until it expires or is released', async () => {
      expect(await store().leases.acquire('poll', 'a', T0, 10_000)).toBe(true);
      expect(await store().leases.acquire('poll', 'b', at(5_000), 10_000)).toBe(false);
      expect(await store().leases.acquire('digest', 'b', at(5_000), 10_000)).toBe(true);
      expect(await store().leases.acquire('poll', 'a', at(9_000), 10_000)).toBe(true);
      expect(await store().leases.acquire('poll', 'b', at(10_000), 10_000)).toBe(false);
      expect(await store().leases.acquire('poll', 'b', at(19_000), 10_000)).toBe(true);
      await store().leases.release('poll', 'a');
      expect(await store().leases.acquire('poll', 'a', at(20_000), 10_000)).toBe(false);
      await store().leases.release('poll', 'b');
      expect(await store().leases.acquire('poll', 'a', at(20_000), 10_000)).toBe(true);
    });
  });
}

import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import type { StoreFactory, StoreFixture } from '../store-behaviour.js';

/** Gives each test a fresh store from the factory and disposes of it afterwards. */
export function useStore(factory: StoreFactory): () => Store {
  let fixture: StoreFixture | undefined;
  beforeEach(async () => {
    fixture = await factory();
  });
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });
  return () => {
    if (!fixture) throw new Error('store fixture not ready');
    return fixture.store;
  };
}

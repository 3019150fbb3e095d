import { afterEach, beforeEach } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * Gives each test a fresh, migrated SQLite `:memory:` store: `use` receives it before the test
 * (to keep it and seed it) and it is closed after the test.
 */
export function useMemoryStore(use: (store: Store) => void | Promise<void>): void {
  let store: Store | undefined;
  beforeEach(async () => {
    store = createStore(':memory:');
    await store.migrate();
    await use(store);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
}

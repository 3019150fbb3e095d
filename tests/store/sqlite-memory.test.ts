import { createStore } from '../../src/store/create-store.js';
import { registerStoreBehaviour } from './store-behaviour.js';

// The behaviour suite against SQLite in memory: one fresh database per test.
registerStoreBehaviour(async () => {
  const store = createStore(':memory:');
  await store.migrate();
  return { store, cleanup: () => store.close() };
});

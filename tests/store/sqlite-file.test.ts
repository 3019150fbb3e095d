import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { registerStoreBehaviour } from './store-behaviour.js';

// The behaviour suite against an SQLite file in WAL mode: one fresh file per test.
const dir = mkdtempSync(join(tmpdir(), 'pr-store-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

registerStoreBehaviour(async () => {
  const store = createStore(join(dir, `nested/store-${++counter}.db`));
  await store.migrate();
  return { store, cleanup: () => store.close() };
});

import { describe } from 'vitest';
import { registerStoreBehaviour } from './store-behaviour.js';
import { createPgStore, noticePgSkipped, PG_URL } from './pg-schema.js';

// The behaviour suite against PostgreSQL: a fresh schema per test, dropped afterwards.
noticePgSkipped('postgres.test.ts');
describe.skipIf(!PG_URL)('PostgreSQL store', () => {
  registerStoreBehaviour(() => createPgStore());
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

/** The PostgreSQL URL for tests, or undefined (tests are then skipped with a notice). */
export const PG_URL = process.env.TEST_DATABASE_URL || undefined;

/** Prints the visible skip notice once per test file; fails the file when CI requires PostgreSQL. */
export function noticePgSkipped(file: string): void {
  if (!PG_URL && process.env.REQUIRE_POSTGRES_TESTS) {
    throw new Error(`${file}: REQUIRE_POSTGRES_TESTS is set but TEST_DATABASE_URL is not; PostgreSQL tests must not be skipped`);
  }
  if (!PG_URL) console.warn(`\n[store] ${file}: PostgreSQL tests SKIPPED (set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)\n`);
}

/** A unique schema name so parallel test files never share tables. */
export function uniqueSchema(prefix = 't_store'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Runs one statement on the test database outside any store. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a fresh schema and a store bound to it; cleanup drops the schema. */
export async function createPgStore(schema = uniqueSchema(), migrate = true): Promise<{ store: Store; schema: string; cleanup(): Promise<void> }> {
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const store = createStore(PG_URL, { schema });
  if (migrate) await store.migrate();
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** Two stores (as two processes would have) on one fresh schema; cleanup closes both and drops it. */
export async function createTwoPgStores(prefix?: string): Promise<{ first: Store; second: Store; cleanup(): Promise<void> }> {
  const fixture = await createPgStore(uniqueSchema(prefix));
  const second = createStore(PG_URL, { schema: fixture.schema });
  return {
    first: fixture.store,
    second,
    cleanup: async () => {
      await second.close();
      await fixture.cleanup();
    },
  };
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { isStoreError, StoreError } from '../../src/store/store-error.js';
import { noticePgSkipped, PG_URL } from './pg-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

noticePgSkipped('store-errors.test.ts');
describe('store start-up errors', () => {
  it('reports a corrupt SQLite file as store/corrupt', () => {
    const path = join(dir, 'corrupt.db');
    writeFileSync(path, 'this is not an SQLite database, just some text padded out. '.repeat(40));
    const error = thrown(() => createStore(path));
    expect(isStoreError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'store/corrupt', message: expect.stringContaining(path) });
  });

  it('reports a path that cannot be created as store/unreachable', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    expect(thrown(() => createStore(join(file, 'sub', 'db.sqlite')))).toMatchObject({ code: 'store/unreachable' });
    expect(thrown(() => createStore(dir))).toMatchObject({ code: 'store/unreachable' });
  });

  it('rejects an unsupported URL scheme', () => {
    expect(thrown(() => createStore('mysql://localhost/db'))).toMatchObject({ code: 'store/invalid-url', message: expect.stringContaining('mysql') });
  });

  it('reports unreachable PostgreSQL as store/unreachable without the password, and ping says false', async () => {
    const store = createStore('postgres://bot:s3cret@127.0.0.1:1/radar');
    try {
      const error = await store.migrate().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'store/unreachable', message: expect.stringContaining('127.0.0.1:1/radar') });
      expect((error as Error).message).not.toContain('s3cret');
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!PG_URL)('reports a missing PostgreSQL database as store/unreachable', async () => {
    const url = new URL(PG_URL!);
    url.pathname = '/no_such_database_here';
    const store = createStore(url.toString());
    try {
      await expect(store.items.count()).rejects.toMatchObject({ code: 'store/unreachable', message: expect.stringContaining('3D000') });
    } finally {
      await store.close();
    }
  });
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, DEFAULT_DATABASE_PATH } from '../../src/store/create-store.js';
import { describeDatabase } from '../../src/store/describe-database.js';

describe('createStore URL forms', () => {
  const original = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'pr-url-'));
  beforeAll(() => process.chdir(dir));
  afterAll(() => {
    process.chdir(original);
    rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to ./data/privacy-radar.db, creating the folder, also for a blank value', async () => {
    expect(DEFAULT_DATABASE_PATH).toBe('./data/privacy-radar.db');
    for (const url of [undefined, '  ']) {
      const store = createStore(url);
      await store.migrate();
      expect(store.dialect).toBe('sqlite');
      await store.close();
    }
    expect(existsSync(join(dir, 'data', 'privacy-radar.db'))).toBe(true);
  });

  it('accepts plain and sqlite: paths and picks PostgreSQL for postgres URLs without connecting', async () => {
    const store = createStore('sqlite:nested/other.db');
    await store.migrate();
    await store.close();
    expect(existsSync(join(dir, 'nested', 'other.db'))).toBe(true);
    for (const url of ['postgres://u:p@127.0.0.1:1/db', 'postgresql://u@127.0.0.1:1/db']) {
      const pg = createStore(url);
      expect(pg.dialect).toBe('postgres');
      await pg.close();
    }
  });

  it('describes a database without its password', () => {
    expect(describeDatabase('postgres://bot:secret@db.internal:6543/radar')).toBe('PostgreSQL db.internal:6543/radar');
    expect(describeDatabase(':memory:')).toBe('SQLite (in memory)');
    expect(describeDatabase(undefined)).toMatch(/^SQLite .*data[/\\]privacy-radar\.db$/);
  });
});

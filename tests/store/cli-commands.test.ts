import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrateCommand } from '../../src/cli/commands/migrate.js';
import { searchCommand } from '../../src/cli/commands/search.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { LATEST_VERSION } from '../../src/store/migrations/index.js';
import { makeItem, T0 } from './fixtures.js';
import { runCommand } from './cli-context.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-cli-'));
const savedUrl = process.env.DATABASE_URL;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

describe('privacy-radar migrate', () => {
  it('creates the schema, then reports it up to date', async () => {
    process.env.DATABASE_URL = join(dir, 'cli.db');
    const first = await runCommand(migrateCommand, ['--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ from: 0, to: LATEST_VERSION, database: expect.stringContaining('cli.db') });
    const second = await runCommand(migrateCommand, []);
    expect(second.stdout).toContain(`schema is up to date (version ${LATEST_VERSION})`);
  });

  it('throws a StoreError (exit 2 in the CLI) for a database newer than the code', async () => {
    process.env.DATABASE_URL = join(dir, 'future.db');
    await runCommand(migrateCommand, []);
    const store = createStore(process.env.DATABASE_URL);
    await store.migrate();
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(process.env.DATABASE_URL);
    db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_VERSION + 5, 'future', 0);
    db.close();
    await expect(runCommand(migrateCommand, [])).rejects.toMatchObject({ code: 'store/too-new' });
  });
});

describe('privacy-radar search', () => {
  let store: Store;
  beforeAll(async () => {
    store = createStore(':memory:');
    await store.migrate();
    await store.items.insertNew('f1', [
      makeItem('a', { title: 'Biometric data rules tightened', topics: ['biometrics'] }),
      makeItem('b', { title: 'Court hears biometric data case', topics: ['lawsuit'] }),
    ], T0);
  });
  afterAll(() => store.close());

  it('prints ranked matches, filters by topic and limits', async () => {
    const all = await runCommand(searchCommand, ['biometric', 'data'], store);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Biometric data rules tightened');
    expect(all.stdout).toContain('Court hears biometric data case');
    const json = await runCommand(searchCommand, ['biometric', '--topic', 'lawsuit', '--json'], store);
    expect((JSON.parse(json.stdout) as { title: string }[]).map((item) => item.title)).toEqual(['Court hears biometric data case']);
    const one = await runCommand(searchCommand, ['biometric', '--limit', '1', '--json'], store);
    expect(JSON.parse(one.stdout)).toHaveLength(1);
  });

  it('says so when nothing matches and rejects bad input with exit 2', async () => {
    expect((await runCommand(searchCommand, ['"(', 'zebra'], store)).stdout).toContain('No stored items match');
    expect(await runCommand(searchCommand, ['"*'], store)).toMatchObject({ code: 2, stderr: expect.stringContaining('at least one word') });
    expect(await runCommand(searchCommand, ['ai', '--limit', '0'], store)).toMatchObject({ code: 2, stderr: expect.stringContaining('--limit') });
    expect(await runCommand(searchCommand, ['ai', '--topic', 'nope'], store)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown topic "nope"') });
  });
});

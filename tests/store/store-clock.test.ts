import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { createStore, openExecutor } from '../../src/store/create-store.js';
import type { SqlExecutor } from '../../src/store/sql/executor.js';
import type { Store } from '../../src/store/store.js';
import { slack, T0, WEEKLY } from './fixtures.js';
import { adminQuery, noticePgSkipped, PG_URL, uniqueSchema } from './pg-schema.js';

// 2001: far from both the real time and T0, so a row stamped by the system clock cannot pass.
const FIXED = new Date('2001-09-09T01:46:40Z');

interface Opened {
  store: Store;
  /** A second connection to the same database, to read columns the Store API does not expose. */
  raw: SqlExecutor;
  cleanup(): Promise<void>;
}

const targets: Array<[string, () => Promise<Opened>]> = [
  ['SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-clock-'));
    const path = join(dir, 'radar.db');
    const store = createStore(path, { clock: createManualClock(FIXED) });
    await store.migrate();
    const raw = openExecutor(path);
    return { store, raw, cleanup: async () => { await raw.close(); await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }],
];
noticePgSkipped('store-clock.test.ts');
if (PG_URL) {
  targets.push(['PostgreSQL', async () => {
    const schema = uniqueSchema('t_clock');
    await adminQuery(`CREATE SCHEMA ${schema}`);
    const store = createStore(PG_URL, { schema, clock: createManualClock(FIXED) });
    await store.migrate();
    const raw = openExecutor(PG_URL, { schema });
    return {
      store,
      raw,
      cleanup: async () => {
        await raw.close();
        await store.close();
        await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      },
    };
  }]);
}

describe.each(targets)('times the store records itself come from its clock (%s)', (_name, open) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });
  const stamp = async (sql: string) => Number((await opened!.raw.get<{ at: number | string }>(sql))?.at);

  it('migrations, feeds, subscriptions and dead outbox rows are stamped with the injected time', async () => {
    opened = await open();
    const { store } = opened;
    expect(await stamp('SELECT MIN(applied_at) AS at FROM schema_version')).toBe(FIXED.getTime());

    await store.feeds.syncConfig([{ id: 'f1', url: 'https://example.org/feed.xml' }]);
    expect(await stamp("SELECT created_at AS at FROM feeds WHERE id = 'f1'")).toBe(FIXED.getTime());
    await opened.raw.run("UPDATE feeds SET updated_at = 0 WHERE id = 'f1'");
    await store.feeds.updateState('f1', { consecutiveFailures: 1 });
    expect(await stamp("SELECT updated_at AS at FROM feeds WHERE id = 'f1'")).toBe(FIXED.getTime());

    // The caller's time (T0) for what it passes; the store's clock for what it stamps itself.
    await store.subscriptions.subscribe(slack('C1'), ['ai', 'gdpr'], WEEKLY, T0);
    expect(await stamp("SELECT updated_at AS at FROM subscriptions WHERE channel_id = 'C1'")).toBe(T0.getTime());
    await store.subscriptions.pause(slack('C1'), 'test');
    expect(await stamp("SELECT updated_at AS at FROM subscriptions WHERE channel_id = 'C1'")).toBe(FIXED.getTime());
    await opened.raw.run("UPDATE subscriptions SET updated_at = 0 WHERE channel_id = 'C1'");
    await store.subscriptions.unsubscribe(slack('C1'), ['ai']);
    expect(await stamp("SELECT updated_at AS at FROM subscriptions WHERE channel_id = 'C1'")).toBe(FIXED.getTime());

    await store.outbox.enqueue([{ dedupKey: 'd1', destination: slack('C1'), kind: 'item', payload: { itemId: 1 } }], T0);
    const [row] = await store.outbox.list();
    await store.outbox.markDead(row!.id, 'gone');
    expect(await stamp("SELECT finished_at AS at FROM outbox WHERE dedup_key = 'd1'")).toBe(FIXED.getTime());
  });
});

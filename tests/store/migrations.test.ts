import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { createSqlStore } from '../../src/store/sql-store.js';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.js';
import { openPostgres } from '../../src/store/postgres/open-postgres.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js';
import { readSchemaVersion, runMigrations } from '../../src/store/migrations/run-migrations.js';
import type { SqlExecutor } from '../../src/store/sql/executor.js';
import type { Store } from '../../src/store/store.js';
import type { TaggedItem } from '../../src/core/types.js';
import { itemDedupKey } from '../../src/delivery/dedup-keys.js';
import { makeItem, slack, T0, WEEKLY } from './fixtures.js';
import { adminQuery, noticePgSkipped, PG_URL, uniqueSchema } from './pg-schema.js';

interface Target {
  /** A raw executor and a full store over the same, initially empty, database. */
  open(): Promise<{ raw: SqlExecutor; store: () => Store; cleanup(): Promise<void> }>;
}

const dir = mkdtempSync(join(tmpdir(), 'pr-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

const sqliteTarget: Target = {
  open: async () => {
    const path = join(dir, `m-${++counter}.db`);
    const raw = openSqlite(path);
    const stores: Store[] = [];
    return {
      raw,
      store: () => stores[stores.push(createStore(path)) - 1]!,
      cleanup: async () => {
        await Promise.all(stores.map((s) => s.close()));
        await raw.close();
      },
    };
  },
};

const pgTarget: Target = {
  open: async () => {
    const schema = uniqueSchema('t_migrate');
    await adminQuery(`CREATE SCHEMA ${schema}`);
    const raw = openPostgres(PG_URL!, { schema });
    const stores: Store[] = [];
    return {
      raw,
      store: () => stores[stores.push(createStore(PG_URL, { schema })) - 1]!,
      cleanup: async () => {
        await Promise.all(stores.map((s) => s.close()));
        await raw.close();
        await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
      },
    };
  },
};

/**
 * Stores items as every schema since 001 can hold them (the core columns and item_topics), the
 * way an older version wrote them: today's insert writes columns later migrations add.
 */
async function insertAsOldVersion(raw: SqlExecutor, feedId: string, items: TaggedItem[], seenAt: Date): Promise<Array<{ id: number }>> {
  const stored: Array<{ id: number }> = [];
  for (const item of items) {
    const row = await raw.get<{ id: number }>(
      `INSERT INTO items (feed_id, item_key, url, title, summary, published_at, first_seen_at, last_seen_at, topics, why)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [feedId, item.key, item.url, item.title, item.summary, item.publishedAt?.getTime() ?? null, seenAt.getTime(), seenAt.getTime(), JSON.stringify(item.topics), JSON.stringify(item.why)],
    );
    const id = Number(row!.id);
    for (const topic of item.topics) await raw.run('INSERT INTO item_topics (item_id, topic, first_seen_at) VALUES (?, ?, ?)', [id, topic, seenAt.getTime()]);
    stored.push({ id });
  }
  return stored;
}

function registerMigrationTests(target: Target): void {
  it('migrates an empty database to the latest version, idempotently', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      expect(await readSchemaVersion(raw)).toBe(0);
      await store().migrate();
      await store().migrate();
      expect(await readSchemaVersion(raw)).toBe(LATEST_VERSION);
      expect(await raw.get('SELECT COUNT(*) AS n FROM schema_version')).toEqual({ n: MIGRATIONS.length });
    } finally {
      await cleanup();
    }
  });

  for (const [index, { version: previous }] of MIGRATIONS.slice(0, -1).entries()) {
    it(`migrates from version ${previous} and indexes items stored before it`, async () => {
      const { raw, store, cleanup } = await target.open();
      try {
        expect((await runMigrations(raw, MIGRATIONS.slice(0, index + 1))).to).toBe(previous);
        await insertAsOldVersion(raw, 'f1', [
          makeItem('old', { title: 'Facial recognition fine' }),
          makeItem('older', { title: 'Weekly roundup', summary: 'A facial recognition case', publishedAt: new Date('2025-01-01T00:00:00Z') }),
        ], T0);
        expect(await store().migrate()).toBeUndefined();
        expect(await readSchemaVersion(raw)).toBe(LATEST_VERSION);
        const hits = await store().items.search({ words: 'facial recognition', limit: 5 });
        expect(hits.map((item) => item.key)).toEqual(['old', 'older']);
      } finally {
        await cleanup();
      }
    });
  }

  it('005 enqueues items a crashed poll left unrouted (never a first poll\'s backlog), then drops the marker', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      await runMigrations(raw, MIGRATIONS.slice(0, 4));
      const old = createSqlStore(raw, null);
      await old.feeds.syncConfig([{ id: 'est', url: 'https://est.example/' }, { id: 'new', url: 'https://new.example/' }]);
      await old.feeds.updateState('est', { initialized: true });
      const [routed, lost, both, updated] = await insertAsOldVersion(raw, 'est', [
        makeItem('routed'), makeItem('lost'), makeItem('both', { topics: ['gdpr', 'ai'] }), makeItem('updated'),
      ], T0);
      const [backlog] = await insertAsOldVersion(raw, 'new', [makeItem('backlog')], T0);
      await old.subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await old.subscriptions.subscribe(slack('C2'), ['ai'], WEEKLY, T0);
      await old.subscriptions.pause(slack('C2'), 'removed from channel');
      await old.subscriptions.subscribe(slack('C3'), ['gdpr'], WEEKLY, T0);
      // As 004 left them: everything before the crash routed, the crash's items not.
      await raw.run(`UPDATE items SET routed_at = NULL WHERE id IN (?, ?, ?, ?)`, [lost!.id, both!.id, updated!.id, backlog!.id]);
      await raw.run(`UPDATE items SET routed_at = ? WHERE id = ?`, [T0.getTime(), routed!.id]);
      // "updated" was enqueued (as a thread reply) before the crash, just never marked.
      await old.outbox.enqueue([{ dedupKey: 'story:x', destination: slack('C1'), kind: 'story_update', payload: { itemId: updated!.id, storyId: 1, source: 'est' } }], T0);

      await store().migrate();
      const rows = await store().outbox.list();
      expect(rows.filter((row) => row.kind === 'item').map((row) => row.dedupKey).sort()).toEqual(
        [itemDedupKey(slack('C1'), lost!.id), itemDedupKey(slack('C1'), both!.id), itemDedupKey(slack('C3'), both!.id)].sort(),
      );
      expect(rows.find((row) => row.dedupKey === itemDedupKey(slack('C1'), lost!.id))).toMatchObject({
        status: 'pending', payload: { itemId: lost!.id }, destination: slack('C1'), attempts: 0,
      });
      await expect(raw.get('SELECT routed_at FROM items')).rejects.toThrow();
      expect(await store().items.count()).toBe(5); // nothing deleted
    } finally {
      await cleanup();
    }
  });

  it('moves a waiting outbox row\'s failure count out of its last error into the failures column', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      await runMigrations(raw, MIGRATIONS.filter((migration) => migration.version < 6));
      for (const [key, lastError] of [['a', 'attempt 3: slack/http-503'], ['b', 'parked: is_archived'], ['c', null]] as const) {
        await raw.run(
          `INSERT INTO outbox (dedup_key, platform, workspace_id, channel_id, kind, payload, status, attempts, next_attempt_at, created_at, last_error)
           VALUES (?, 'slack', 'T1', 'C1', 'item', '{}', 'failed', 7, 0, 0, ?)`,
          [key, lastError],
        );
      }
      await store().migrate();
      const rows = await store().outbox.list();
      expect(rows.map((row) => [row.dedupKey, row.failures, row.attempts, row.lastError])).toEqual([
        ['a', 3, 7, 'slack/http-503'],
        ['b', 0, 7, 'parked: is_archived'],
        ['c', 0, 7, null],
      ]);
    } finally {
      await cleanup();
    }
  });

  it('007 gives existing items no jurisdictions and existing channels every region, then stores and prunes jurisdictions', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      await runMigrations(raw, MIGRATIONS.filter((migration) => migration.version < 7));
      const old = createSqlStore(raw, null);
      await insertAsOldVersion(raw, 'f1', [makeItem('before', { title: 'CNIL fines ad firm' })], T0);
      await old.subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().migrate();
      expect((await store().items.latest({ limit: 5 }))[0]).toMatchObject({ key: 'before', jurisdictions: [], jurisdictionWhy: {} });
      expect((await store().subscriptions.get(slack('C1')))?.regionFilter).toEqual({ regions: [], strict: false });
      await store().items.insertNew('f1', [makeItem('after', { jurisdictions: ['eu'], jurisdictionWhy: { eu: ['CNIL'] } })], T0);
      expect((await store().items.latest({ regions: ['eu'], limit: 5 })).map((item) => item.key)).toEqual(['after']);
      expect(await raw.get('SELECT COUNT(*) AS n FROM item_jurisdictions')).toEqual({ n: 1 });
      // Retention deletes an item's jurisdiction rows with it (ON DELETE CASCADE, both engines).
      await store().prune(new Date(T0.getTime() + 400 * 86_400_000), 30);
      expect(await raw.get('SELECT COUNT(*) AS n FROM item_jurisdictions')).toEqual({ n: 0 });
    } finally {
      await cleanup();
    }
  });

  it('009 adds the feedback table to a database of the previous version, keeping its data', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      await runMigrations(raw, MIGRATIONS.filter((migration) => migration.version < 9));
      await expect(raw.get('SELECT COUNT(*) AS n FROM feedback')).rejects.toThrow();
      const [item] = await createSqlStore(raw, null).items.insertNew('f1', [makeItem('kept')], T0);
      await store().migrate();
      await store().feedback.recordNotRelevant(slack('C1'), item!.id, ['ai'], T0);
      expect(await store().feedback.countsByTopic()).toEqual([{ topic: 'ai', count: 1 }]);
      expect((await store().items.getById(item!.id))?.key).toBe('kept');
    } finally {
      await cleanup();
    }
  });

  it('008 keeps existing channels and feeds as they were: no quiet hours, no rules, operator-owned feeds', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      await runMigrations(raw, MIGRATIONS.filter((migration) => migration.version < 8));
      const old = createSqlStore(raw, null);
      await old.feeds.syncConfig([{ id: 'est', url: 'https://est.example/' }]);
      await raw.run(
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, topics, digest_enabled, digest_weekday, digest_time, digest_time_zone, status, is_admin, created_at, updated_at)
         VALUES ('slack', 'T1', 'C1', '["ai"]', 1, 1, '09:00', 'UTC', 'active', 0, 0, 0)`,
      );
      await store().migrate();
      expect(await store().subscriptions.get(slack('C1'))).toMatchObject({ topics: ['ai'], quiet: null });
      expect(await store().watches.active()).toEqual([]);
      expect(await store().mutes.active()).toEqual([]);
      expect((await store().feeds.list()).map((feed) => [feed.id, feed.owner])).toEqual([['est', undefined]]);
    } finally {
      await cleanup();
    }
  });

  it('applies a version missing below the highest one applied (neighbouring migrations added apart)', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      const skipped = MIGRATIONS[MIGRATIONS.length - 2]!;
      await runMigrations(raw, MIGRATIONS.filter((migration) => migration !== skipped));
      expect(await raw.get('SELECT COUNT(*) AS n FROM schema_version WHERE version = ?', [skipped.version])).toEqual({ n: 0 });
      await store().migrate();
      expect(await raw.get('SELECT COUNT(*) AS n FROM schema_version WHERE version = ?', [skipped.version])).toEqual({ n: 1 });
      expect(await readSchemaVersion(raw)).toBe(LATEST_VERSION);
    } finally {
      await cleanup();
    }
  });

  it('refuses a database newer than the code and leaves it untouched', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      await store().migrate();
      await raw.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [LATEST_VERSION + 1, 'from the future', 0]);
      await expect(store().migrate()).rejects.toMatchObject({ name: 'StoreError', code: 'store/too-new', message: expect.stringMatching(/only knows up to/) });
      expect(await readSchemaVersion(raw)).toBe(LATEST_VERSION + 1);
    } finally {
      await cleanup();
    }
  });

  it('serialises concurrent migrations of one database', async () => {
    const { raw, store, cleanup } = await target.open();
    try {
      // PostgreSQL: three pools (as three replicas would). SQLite: one store, since better-sqlite3
      // is synchronous and two connections in one process would wait on each other's lock.
      const stores = target === sqliteTarget ? [store()] : [store(), store(), store()];
      await Promise.all([0, 1, 2].map((n) => stores[n % stores.length]!.migrate()));
      expect(await raw.get('SELECT COUNT(*) AS n FROM schema_version')).toEqual({ n: MIGRATIONS.length });
    } finally {
      await cleanup();
    }
  });
}

describe('migrations on SQLite', () => registerMigrationTests(sqliteTarget));

noticePgSkipped('migrations.test.ts');
describe.skipIf(!PG_URL)('migrations on PostgreSQL', () => registerMigrationTests(pgTarget));

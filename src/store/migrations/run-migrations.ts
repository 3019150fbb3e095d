import { systemClock, type Clock } from '../../core/clock.js';
import type { SqlExecutor } from '../sql/executor.js';
import { StoreError } from '../store-error.js';
import type { Migration } from './migration.js';
import { MIGRATIONS } from './index.js';

/** What a migrate run did. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Applies pending migrations in one transaction, serialised across processes (BEGIN IMMEDIATE
 * on SQLite, an advisory lock per schema on PostgreSQL). A database whose version is newer than
 * `migrations` knows is refused with 'store/too-new' and left untouched.
 */
export async function runMigrations(db: SqlExecutor, migrations: readonly Migration[] = MIGRATIONS, clock: Clock = systemClock): Promise<MigrationReport> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(hashtext(current_schema()))');
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_version')).map((row) => Number(row.version)));
    const from = Math.max(0, ...done);
    const known = migrations[migrations.length - 1]?.version ?? 0;
    if (from > known) {
      throw new StoreError(
        'store/too-new',
        `The database schema is version ${from} but this version of Privacy Radar only knows up to ${known}. Upgrade Privacy Radar (or restore a backup made for this version); the database was not changed.`,
      );
    }
    const applied: number[] = [];
    // Every version not yet recorded, not only those above the highest: a migration added beside
    // an already-applied later one (independent schema steps) must still run.
    for (const migration of migrations.filter((m) => !done.has(m.version))) {
      await tx.exec(tx.dialect === 'sqlite' ? migration.sqlite : migration.postgres);
      await tx.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, clock.now().getTime()]);
      applied.push(migration.version);
    }
    return { from, to: Math.max(from, ...applied), applied };
  });
}

/** The version recorded in the database (0 when it has never been migrated). */
export async function readSchemaVersion(db: SqlExecutor): Promise<number> {
  const table = db.dialect === 'sqlite'
    ? await db.get("SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    : await db.get("SELECT 1 AS ok FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_version'");
  if (!table) return 0;
  const row = await db.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version');
  return Number(row?.version ?? 0);
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { createAsyncLock } from '../sql/async-lock.js';
import { isStoreError } from '../store-error.js';
import { createCorruptionGate, type CorruptionBackoff } from './corruption-gate.js';
import { toSqliteStoreError } from './sqlite-errors.js';

/** Options of openSqlite: the clock and logger of the corruption gate. */
export interface SqliteOptions {
  clock?: Clock;
  logger?: Logger;
  backoff?: CorruptionBackoff;
}

/**
 * Opens (and creates) an SQLite database with WAL, foreign keys and a busy timeout. Once a query
 * finds the file corrupt, operations fail fast behind the corruption gate, and ping() rejects with
 * that StoreError so /readyz can say why.
 */
export function openSqlite(path: string, options: SqliteOptions = {}): SqlExecutor {
  const location = path === ':memory:' ? '(in memory)' : `at ${path}`;
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: 5000 });
    // WAL lets readers (slash commands) run while the poller writes; NORMAL is durable in WAL.
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted and overwritten content is zeroed, so a purged or rotated token leaves no bytes in
    // free pages. SQLite sets this per connection, not per table; the bot has one connection, and
    // the cost (zeroing freed pages) falls on the daily retention prune, not on the send path.
    db.pragma('secure_delete = ON');
    // Reading the schema forces SQLite to parse the header: a corrupt file fails here, at start.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw toSqliteStoreError(error, location);
  }
  return createSqliteExecutor(db, location, options);
}

function createSqliteExecutor(db: Database.Database, location: string, options: SqliteOptions): SqlExecutor {
  const statements = new Map<string, Database.Statement>();
  const lock = createAsyncLock();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw toSqliteStoreError(error, location);
    }
  };
  const gate = createCorruptionGate({
    ...options,
    check: () => lock(() => guard(() => (db.pragma('quick_check(1)', { simple: true }) as unknown) === 'ok')),
  });
  const direct: SqlExecutor = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => guard(() => prepare(sql).all(...params) as T[]),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => guard(() => prepare(sql).get(...params) as T | undefined),
    run: async (sql, params = []) => guard(() => prepare(sql).run(...params).changes),
    exec: async (sql) => guard(() => void db.exec(sql)),
    transaction: (fn) => fn(direct),
    ping: async () => true,
    close: async () => undefined,
  };
  return {
    dialect: 'sqlite',
    all: (sql, params) => gate.run(() => lock(() => direct.all(sql, params))),
    get: (sql, params) => gate.run(() => lock(() => direct.get(sql, params))),
    run: (sql, params) => gate.run(() => lock(() => direct.run(sql, params))),
    exec: (sql) => gate.run(() => lock(() => direct.exec(sql))),
    transaction: (fn) =>
      gate.run(() => lock(async () => {
        guard(() => db.exec('BEGIN IMMEDIATE'));
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      })),
    ping: () =>
      gate
        .run(() => lock(() => guard(() => db.prepare('SELECT 1').get() !== undefined)))
        .catch((error: unknown) => {
          if (isStoreError(error) && error.code === 'store/corrupt') throw error;
          return false;
        }),
    close: async () => {
      await lock(() => undefined);
      if (db.open) db.close();
    },
  };
}

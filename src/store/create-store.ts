import { resolve } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Store } from './store.js';
import { createPayloadCipher, parseEncryptionKey } from './crypto/payload-cipher.js';
import { openPostgres } from './postgres/open-postgres.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { createSqlStore } from './sql-store.js';
import { StoreError } from './store-error.js';
import type { SqlExecutor } from './sql/executor.js';

/** Where the store lives when DATABASE_URL is unset. */
export const DEFAULT_DATABASE_PATH = './data/privacy-radar.db';

/** Options of createStore. `schema` (PostgreSQL only) sets search_path, used by tests. */
export interface CreateStoreOptions {
  encryptionKey?: string;
  logger?: Logger;
  schema?: string;
  /** Time for the rows the store stamps itself (updated_at, finished_at...) and for the SQLite corruption back-off; the system clock if unset. */
  clock?: Clock;
}

/**
 * Opens the store named by DATABASE_URL: unset means ./data/privacy-radar.db (folder created),
 * a path or ':memory:' means SQLite, postgres:// or postgresql:// means PostgreSQL. Call
 * migrate() before use. Throws StoreError for a bad URL, key, or an unusable SQLite file.
 */
export function createStore(url: string | undefined, options: CreateStoreOptions = {}): Store {
  const cipher = options.encryptionKey ? createPayloadCipher(parseEncryptionKey(options.encryptionKey)) : null;
  return createSqlStore(openExecutor(url, options), cipher, options.clock);
}

/** Opens the SQL executor for a DATABASE_URL value (see createStore for the accepted forms). */
export function openExecutor(url: string | undefined, options: Omit<CreateStoreOptions, 'encryptionKey'> = {}): SqlExecutor {
  const target = url?.trim() || DEFAULT_DATABASE_PATH;
  if (/^postgres(ql)?:\/\//i.test(target)) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new StoreError('store/invalid-url', `Invalid PostgreSQL schema name "${options.schema}".`);
    }
    return openPostgres(target, { schema: options.schema, logger: options.logger });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new StoreError('store/invalid-url', `DATABASE_URL must be a file path, ':memory:' or a postgres:// URL; got a "${target.split(':')[0]}:" URL.`);
  }
  const path = target === ':memory:' ? target : resolve(target.replace(/^sqlite:/i, ''));
  return openSqlite(path, { clock: options.clock, logger: options.logger });
}

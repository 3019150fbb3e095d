import pg from 'pg';
import type { Logger } from '../../core/logger.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { describeTarget, isConnectionError, toPostgresStoreError } from './postgres-errors.js';

const INT8_OID = 20;
// Epoch-millisecond times and ids are BIGINT; they fit a JS number exactly (< 2^53).
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const placeholderCache = new Map<string, string>();

/** Rewrites `?` placeholders to PostgreSQL's `$1..$n` (our SQL never has `?` in literals). */
export function toPgPlaceholders(sql: string): string {
  let converted = placeholderCache.get(sql);
  if (converted === undefined) {
    let index = 0;
    converted = sql.replace(/\?/g, () => `$${++index}`);
    placeholderCache.set(sql, converted);
  }
  return converted;
}

/** Options for the PostgreSQL pool. `schema` sets search_path (tests use one schema each). */
export interface PostgresOptions {
  schema?: string;
  logger?: Logger;
  maxConnections?: number;
}

/** Creates a pooled executor; connections are opened lazily, failures become StoreErrors. */
export function openPostgres(url: string, options: PostgresOptions = {}): SqlExecutor {
  const target = describeTarget(url);
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled it kills the process.
  pool.on('error', (error) => options.logger?.warn({ err: error.message }, 'postgres idle client error'));
  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toPostgresStoreError(error, target);
    }
  };
  const forClient = (client: pg.Pool | pg.PoolClient): Omit<SqlExecutor, 'transaction' | 'close' | 'ping'> => ({
    dialect: 'postgres',
    all: <T>(sql: string, params: readonly SqlValue[] = []) =>
      wrap(async () => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rows as T[]),
    get: <T>(sql: string, params: readonly SqlValue[] = []) =>
      wrap(async () => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rows[0] as T | undefined),
    run: (sql, params = []) => wrap(async () => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rowCount ?? 0),
    exec: (sql) => wrap(async () => void (await client.query(sql))),
  });
  const base = forClient(pool);
  return {
    ...base,
    transaction: async (fn) => {
      const client = await wrap(() => pool.connect());
      const tx: SqlExecutor = {
        ...forClient(client),
        transaction: (inner) => inner(tx),
        ping: async () => true,
        close: async () => undefined,
      };
      try {
        await tx.exec('BEGIN');
        const result = await fn(tx);
        await tx.exec('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // A broken connection must not go back into the pool.
        client.release(isConnectionError(error));
        throw error;
      }
    },
    ping: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}

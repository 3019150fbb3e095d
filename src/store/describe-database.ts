import { resolve } from 'node:path';
import { DEFAULT_DATABASE_PATH } from './create-store.js';
import { describeTarget } from './postgres/postgres-errors.js';

/** A DATABASE_URL value for people and logs: the SQLite path or host:port/db, never a password. */
export function describeDatabase(url: string | undefined): string {
  const target = url?.trim() || DEFAULT_DATABASE_PATH;
  if (/^postgres(ql)?:\/\//i.test(target)) return `PostgreSQL ${describeTarget(target)}`;
  return target === ':memory:' ? 'SQLite (in memory)' : `SQLite ${resolve(target.replace(/^sqlite:/i, ''))}`;
}

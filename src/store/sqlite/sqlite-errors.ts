import { StoreError } from '../store-error.js';

// Extended result codes (SQLITE_IOERR_WRITE, SQLITE_CANTOPEN_ISDIR, ...) share their base prefix.
const CORRUPT = ['SQLITE_NOTADB', 'SQLITE_CORRUPT'];
const UNREACHABLE = ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_IOERR', 'SQLITE_FULL'];

/** Maps better-sqlite3 failures that mean "this file is unusable" to a typed StoreError. */
export function toSqliteStoreError(error: unknown, location: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (/^E[A-Z]+$/.test(code)) {
    // A file-system errno from creating the data folder (ENOTDIR, EACCES, EROFS, ...).
    return new StoreError('store/unreachable', `The SQLite database ${location} cannot be created (${code}). Check the path and its permissions.`, { cause: error });
  }
  if (CORRUPT.some((prefix) => code.startsWith(prefix))) {
    return new StoreError(
      'store/corrupt',
      `The SQLite database ${location} is damaged or is not a database (${code}). Restore it from a backup or point DATABASE_URL at another file.`,
      { cause: error },
    );
  }
  if (UNREACHABLE.some((prefix) => code.startsWith(prefix))) {
    return new StoreError(
      'store/unreachable',
      `The SQLite database ${location} cannot be opened or written (${code}). Check the path, free disk space and permissions.`,
      { cause: error },
    );
  }
  return error;
}

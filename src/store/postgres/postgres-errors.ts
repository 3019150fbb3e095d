import { StoreError } from '../store-error.js';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
// SQLSTATE: class 08 connection exception, 57P0x shutdown/starting up, 3D000 no such database,
// 28xxx authentication, 53300 too many connections.
const SQLSTATE = /^(08...|57P0[1-3]|3D000|28...|53300)$/;

/** True when a pg error means the server cannot be used right now (not a bad query). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return NETWORK_CODES.has(code) || SQLSTATE.test(code);
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** Maps connection failures to a StoreError naming host and database, never the password. */
export function toPostgresStoreError(error: unknown, target: string): unknown {
  if (!isConnectionError(error)) return error;
  const code = (error as { code?: unknown }).code;
  const detail = typeof code === 'string' ? code : (error as Error).message;
  return new StoreError(
    'store/unreachable',
    `Cannot use PostgreSQL at ${target} (${detail}). Check DATABASE_URL and that the server is running and accepts this user.`,
    { cause: error },
  );
}

/** host:port/database of a connection URL, for messages (credentials left out). */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || ''}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

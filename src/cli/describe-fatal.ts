import { ConfigError } from '../config/config-error.js';

/**
 * Maps an error that reached the CLI to one line for a person and an exit code: 2 for things
 * the operator can fix (config, database), 1 for bugs.
 */
export function describeFatal(error: unknown): { message: string; exitCode: number } {
  if (error instanceof ConfigError) return { message: `error: ${error.message}`, exitCode: 2 };
  const coded = error as { code?: unknown; message?: unknown };
  if (typeof coded?.code === 'string' && coded.code.startsWith('store/')) {
    return { message: `error: database: ${String(coded.message)}`, exitCode: 2 };
  }
  if (coded?.code === 'EADDRINUSE' || coded?.code === 'EACCES') {
    return { message: `error: cannot listen on the HTTP port (${String(coded.code)}): set PORT to a free port`, exitCode: 2 };
  }
  return { message: `internal error: ${(error as Error)?.message ?? String(error)} (run with LOG_LEVEL=debug for details)`, exitCode: 1 };
}

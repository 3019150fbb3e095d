/**
 * What the SQLite executor does once a query reports the file corrupt (SQLITE_CORRUPT deep inside
 * a file whose header is fine, so it opened): every operation fails fast with that one error, the
 * failure is logged once, and the file is re-checked (PRAGMA quick_check) after a pause that
 * doubles up to a cap. /readyz reports the state. Loops that would otherwise log the same error
 * every second stay quiet: the error is marked as already logged.
 */
import { systemClock, type Clock } from '../../core/clock.js';
import { markLogged, type Logger } from '../../core/logger.js';
import { isStoreError } from '../store-error.js';

/** Pauses between integrity checks while corrupt. */
export interface CorruptionBackoff {
  firstMs: number;
  maxMs: number;
}

const DEFAULT_BACKOFF: CorruptionBackoff = { firstMs: 1_000, maxMs: 5 * 60_000 };

/** The gate every executor operation passes through. */
export interface CorruptionGate {
  /** Runs `operation` unless the database is known corrupt and its next check is not due. */
  run<T>(operation: () => Promise<T>): Promise<T>;
  /** The current state (readiness, tests). */
  state(): { corrupt: false } | { corrupt: true; error: Error; checks: number; nextCheckAt: Date };
}

/** Creates the gate; `check` resolves true when the file passes an integrity check. */
export function createCorruptionGate(options: {
  check: () => Promise<boolean>;
  clock?: Clock;
  logger?: Logger;
  backoff?: CorruptionBackoff;
}): CorruptionGate {
  const clock = options.clock ?? systemClock;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let corrupt: { error: Error; checks: number; nextCheckAt: number } | null = null;
  let checking: Promise<void> | null = null;

  const pause = (checks: number) => Math.min(backoff.maxMs, backoff.firstMs * 2 ** checks);

  function enter(error: Error): void {
    corrupt = { error, checks: 0, nextCheckAt: clock.now().getTime() + pause(0) };
    options.logger?.error(
      { err: error, retryInMs: pause(0) },
      'database is corrupt: every operation fails and /readyz answers 503 until an integrity check passes (checked again with growing pauses)',
    );
    markLogged(error);
  }

  async function recheck(state: NonNullable<typeof corrupt>): Promise<void> {
    const healthy = await options.check().catch(() => false);
    if (!healthy) {
      state.checks++;
      state.nextCheckAt = clock.now().getTime() + pause(state.checks);
      throw state.error;
    }
    corrupt = null;
    options.logger?.info({ checks: state.checks + 1 }, 'database passed its integrity check again: operations resume');
  }

  return {
    async run(operation) {
      const state = corrupt;
      if (state) {
        if (clock.now().getTime() < state.nextCheckAt) throw state.error;
        // Operations arriving together share one check.
        await (checking ??= recheck(state).finally(() => {
          checking = null;
        }));
      }
      try {
        return await operation();
      } catch (error) {
        if (!corrupt && isStoreError(error) && error.code === 'store/corrupt') enter(error);
        throw error;
      }
    },
    state: () => (corrupt ? { corrupt: true, error: corrupt.error, checks: corrupt.checks, nextCheckAt: new Date(corrupt.nextCheckAt) } : { corrupt: false }),
  };
}

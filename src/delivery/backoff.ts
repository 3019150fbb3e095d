import type { DispatcherOptions } from './dispatch-options.js';

const ATTEMPT_TAG = /^attempt (\d+): /;

/**
 * Failed sends so far, read from the row's last error ("attempt 3: http_503"). The store's
 * `attempts` counts claims, which also happen for paced and parked rows, so it is not used.
 */
export function failuresSoFar(lastError: string | null): number {
  const match = lastError === null ? null : ATTEMPT_TAG.exec(lastError);
  return match ? Number(match[1]) : 0;
}

/** The last-error text recording the nth failed send. */
export function failureError(failures: number, error: string): string {
  return `attempt ${failures}: ${error.replace(ATTEMPT_TAG, '')}`;
}

/** Slack answers `ratelimited`/HTTP 429; adapters put that in the retry's error string. */
export function isRateLimit(error: string): boolean {
  return /rate.?limit|\b429\b/i.test(error);
}

/** Exponential backoff with equal jitter, never shorter than the server's Retry-After. */
export function backoffDelay(failures: number, afterMs: number, options: Pick<DispatcherOptions, 'backoffBaseMs' | 'backoffMaxMs' | 'random'>): number {
  const exponential = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  const jittered = exponential / 2 + (options.random() * exponential) / 2;
  return Math.max(afterMs, Math.round(jittered));
}

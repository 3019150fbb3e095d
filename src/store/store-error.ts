/** Stable error codes for infrastructure faults of the store (one vocabulary, so the CLI and logs can map every fault to one clear message). */
export type StoreErrorCode =
  | 'store/too-new'
  | 'store/unreachable'
  | 'store/corrupt'
  | 'store/invalid-url'
  | 'store/encryption-key'
  | 'store/decrypt-failed';

/**
 * A store failure with a human message and a stable code. The CLI maps it to exit code 2 and
 * prints `message` only, never the stack.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a StoreError (also across module copies, by shape). */
export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError || (error instanceof Error && error.name === 'StoreError' && 'code' in error);
}

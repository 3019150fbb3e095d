/**
 * A FIFO mutex. better-sqlite3 has one connection per store, so an open transaction must not
 * interleave with statements of other async callers between its awaits.
 */
export function createAsyncLock(): <T>(fn: () => Promise<T> | T) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

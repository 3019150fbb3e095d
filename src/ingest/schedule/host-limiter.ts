/**
 * Concurrency caps for a poll cycle (docs/ingestion.md R11): at most `global` fetches at once and at most
 * `perHost` per host, so one publisher with many feeds never sees a burst from us.
 */

export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running right now (for tests and metrics). */
  active(): number;
}

/** Creates a limiter; queued tasks start in FIFO order as capacity frees up. */
export function createHostLimiter(global: number, perHost: number): HostLimiter {
  let running = 0;
  const perHostRunning = new Map<string, number>();
  const queue: Array<{ host: string; start: () => void }> = [];

  const canStart = (host: string): boolean => running < global && (perHostRunning.get(host) ?? 0) < perHost;

  function pump(): void {
    for (let i = 0; i < queue.length && running < global; ) {
      const entry = queue[i]!;
      if (canStart(entry.host)) {
        queue.splice(i, 1);
        entry.start();
      } else {
        i++;
      }
    }
  }

  return {
    active: () => running,
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          perHostRunning.set(host, (perHostRunning.get(host) ?? 0) + 1);
          task()
            .then(resolve, reject)
            .finally(() => {
              running--;
              const left = (perHostRunning.get(host) ?? 1) - 1;
              if (left === 0) perHostRunning.delete(host);
              else perHostRunning.set(host, left);
              pump();
            });
        };
        queue.push({ host, start });
        pump();
      });
    },
  };
}

/**
 * Runs command work one task at a time, each started from a fresh macrotask. The store may answer
 * synchronously (better-sqlite3), so fifty commands arriving together would otherwise run their
 * queries back to back and hold up the acknowledgements of requests still waiting to be read.
 * Starting each task with setImmediate lets the event loop read and ack pending requests between
 * tasks: acks stay fast (Slack's 3 s rule), answers queue (response_url is valid for 30 minutes).
 * Measured in bench/commands.bench.ts: ack p99 0.5-1.5x a bare Bolt app with the lane, 1.9-2.1x
 * without (docs/slack.md).
 */

/** Schedules `task` behind earlier ones; resolves with its result. */
export type Lane = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Creates a lane running at most `concurrency` tasks at once. A task that has not settled after
 * `releaseAfterMs` (a slow PostgreSQL query, say) gives up its slot so it cannot stall the rest;
 * it still completes and resolves its caller.
 */
export function createAckFirstLane(concurrency = 1, releaseAfterMs = 2_000): Lane {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (!start) return;
    running += 1;
    setImmediate(start);
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          clearTimeout(timer);
          running -= 1;
          next();
        };
        const timer = setTimeout(release, releaseAfterMs);
        timer.unref();
        task().then(resolve, reject).finally(release);
      });
      next();
    });
}

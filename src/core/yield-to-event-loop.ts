/** Lets timers and I/O (health checks, Slack acknowledgements) run between long CPU-bound steps. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

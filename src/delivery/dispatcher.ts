import type { ChatPort } from '../chat/chat-port.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Destination, Platform } from '../core/types.js';
import type { OutboxRow, Store } from '../store/store.js';
import { emptyStats, type DispatchContext, type DispatchStats } from './dispatch-context.js';
import { resolveDispatcherOptions, type DispatcherOptions } from './dispatch-options.js';
import { destinationKey } from './destination-key.js';
import { createLimiter, type Limiter } from './limiter.js';
import { createPacer } from './pacer.js';
import { processDestination } from './process-destination.js';
import { createDefaultRenderers, type RendererRegistry } from './renderers.js';

/** What createDispatcher needs. Renderers default to item, story_update, notice and rollup. */
export interface DispatcherDeps {
  store: Store;
  ports: ChatPort[];
  clock: Clock;
  logger: Logger;
  renderers?: RendererRegistry;
  options?: Partial<DispatcherOptions>;
  /** Called with each timed pass's outcome (the app counts deliveries for /metrics). */
  onPass?: (stats: DispatchStats) => void;
}

/** The outbox dispatcher: claim due rows, send them through the chat ports, record outcomes. */
export interface Dispatcher {
  /** One claim-and-send pass; safe to call concurrently (claims are atomic in the store). */
  runOnce(): Promise<DispatchStats>;
  /** Runs runOnce every intervalMs (a tick is skipped while the previous one still runs). */
  start(intervalMs: number): void;
  /** Stops claiming and waits for sends in flight. */
  stop(): Promise<void>;
}

/** Creates a dispatcher; all timing comes from the injected clock, so tests drive it by hand. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const options = resolveDispatcherOptions(deps.options);
  const workspaceLimiters = new Map<string, Limiter>();
  const ctx: DispatchContext = {
    store: deps.store,
    ports: new Map<Platform, ChatPort>(deps.ports.map((port) => [port.platform, port])),
    clock: deps.clock,
    logger: deps.logger,
    renderers: { ...createDefaultRenderers(), ...deps.renderers },
    options,
    pacer: createPacer(),
    global: createLimiter(options.concurrency),
    workspaceLimiter(workspace) {
      let limiter = workspaceLimiters.get(workspace);
      if (!limiter) workspaceLimiters.set(workspace, (limiter = createLimiter(options.workspaceConcurrency)));
      return limiter;
    },
    revoked: new Set(),
  };
  const inFlight = new Set<Promise<DispatchStats>>();
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let ticking = false;

  async function pass(): Promise<DispatchStats> {
    const stats = emptyStats();
    const rows = await ctx.store.outbox.claim(options.workerId, options.batchSize, ctx.clock.now(), options.claimMs);
    stats.claimed = rows.length;
    const passCtx: DispatchContext = { ...ctx, revoked: new Set() };
    await Promise.all([...groupByDestination(rows)].map(([destination, group]) => runDestination(destination, group, passCtx, stats)));
    return stats;
  }

  async function runDestination(destination: Destination, rows: OutboxRow[], passCtx: DispatchContext, stats: DispatchStats): Promise<void> {
    try {
      await processDestination(destination, rows, passCtx, stats);
    } catch (error) {
      // Rows stay claimed; the claim expires and another pass retries them. Logged once here.
      ctx.logger.error({ err: error, destination, rows: rows.length }, 'dispatching to a channel failed');
    }
  }

  function runOnce(): Promise<DispatchStats> {
    if (stopping) return Promise.resolve(emptyStats());
    const run = pass();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run)).catch(() => undefined);
    return run;
  }

  return {
    runOnce,
    start(intervalMs) {
      if (timer || stopping) return;
      timer = setInterval(() => {
        if (ticking) return;
        ticking = true;
        runOnce()
          .then((stats) => deps.onPass?.(stats))
          .catch((error: unknown) => ctx.logger.error({ err: error }, 'dispatcher pass failed'))
          .finally(() => {
            ticking = false;
          });
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
  };
}

function groupByDestination(rows: OutboxRow[]): Map<Destination, OutboxRow[]> {
  const byKey = new Map<string, { destination: Destination; rows: OutboxRow[] }>();
  for (const row of rows) {
    const key = destinationKey(row.destination);
    const group = byKey.get(key) ?? { destination: row.destination, rows: [] };
    group.rows.push(row);
    byKey.set(key, group);
  }
  return new Map([...byKey.values()].map((group) => [group.destination, group.rows.sort((a, b) => a.id - b.id)]));
}

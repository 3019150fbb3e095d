import cron from 'node-cron';
import { createDispatcher } from '../delivery/dispatcher.js';
import type { DispatchStats } from '../delivery/dispatch-context.js';
import { startScheduler } from '../ingest/scheduler.js';
import { createHealthRoutes } from '../server/health-routes.js';
import { startHttpServer } from '../server/http-server.js';
import { createWebRoutes } from '../web/web-routes.js';
import { webAccessFromEnv } from '../server/web-access.js';
import type { AppCore } from './create-core.js';
import type { PlatformBundle } from './platforms.js';
import { createRenderers } from './renderers.js';

/** A running bot; stop() finishes in-flight sends and closes everything. */
export interface RunningBot {
  port: number;
  /** The radar pages' address, or null when WEB_ACCESS=off. */
  pagesUrl: string | null;
  /** Call once the caller's own start-up lines are printed: the console prompt comes after them. */
  ready(): void;
  stop(): Promise<void>;
}

/**
 * Starts the scheduler, dispatcher, digest and retention jobs and the HTTP server. Each loop
 * catches and logs its own faults, so one failing job never stops the others.
 */
export async function runBot(core: AppCore, platforms: PlatformBundle, options: { port?: number; host?: string } = {}): Promise<RunningBot> {
  const { store, logger, clock, config, metrics } = core;
  const access = webAccessFromEnv(config.env);
  const server = await startHttpServer({
    port: options.port ?? config.env.PORT,
    host: options.host,
    routes: [
      ...createHealthRoutes(store, metrics, access),
      ...createWebRoutes({ store, topics: core.topics, clock, timeZone: config.env.DIGEST_TIMEZONE }, access),
      ...platforms.routes,
    ],
    logger,
  });
  const dispatcher = createDispatcher({ store, ports: platforms.ports, clock, logger, renderers: createRenderers(core), onPass: (stats) => countDeliveries(core, stats) });
  dispatcher.start(1_000);
  const scheduler = startScheduler(core.poller, { logger, clock, leases: store.leases, runImmediately: true });
  const jobs = [
    // Digests: check every minute which channels are due (cheap: one query).
    cron.schedule('* * * * *', () => guard('digest tick', () => core.digests.runDue())),
    // Retention (PRIVACY.md): prune old items and finished outbox rows daily.
    cron.schedule('17 3 * * *', () => guard('retention', () => store.prune(clock.now(), config.env.RETENTION_DAYS))),
  ];
  await platforms.start();
  // A digest missed during downtime is sent once on start (the outbox key makes it idempotent).
  void guard('digest catch-up', () => core.digests.runDue());
  const pagesUrl = config.env.WEB_ACCESS === 'off' ? null : `http://localhost:${server.port}/`;
  logger.info({ port: server.port, platforms: platforms.names, feeds: config.feeds.length, pages: pagesUrl }, 'privacy radar started');

  async function guard(name: string, job: () => Promise<unknown>) {
    try {
      await job();
    } catch (error) {
      logger.error({ err: error, job: name }, 'background job failed');
    }
  }

  let stopping: Promise<void> | undefined;
  return {
    port: server.port,
    pagesUrl,
    ready: () => platforms.ready?.(),
    stop: () =>
      (stopping ??= (async () => {
        for (const job of jobs) await job.stop();
        await scheduler.stop();
        await dispatcher.stop();
        await platforms.stop();
        await server.close();
        await core.close();
        logger.info('privacy radar stopped');
      })()),
  };
}

/** Counts a dispatcher pass's outcomes for /metrics. */
function countDeliveries(core: AppCore, stats: DispatchStats): void {
  const { deliveries } = core.metrics;
  if (stats.sent) deliveries.inc({ outcome: 'sent' }, stats.sent);
  if (stats.retried) deliveries.inc({ outcome: 'retry' }, stats.retried);
  if (stats.parked) deliveries.inc({ outcome: 'parked' }, stats.parked);
  if (stats.rolledUp) deliveries.inc({ outcome: 'rolled_up' }, stats.rolledUp);
  if (stats.dead) deliveries.inc({ outcome: 'dead' }, stats.dead);
}

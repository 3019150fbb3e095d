import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The bot's Prometheus metrics (GET /metrics). One registry per process, so tests stay isolated. */
export interface Metrics {
  registry: Registry;
  feedsPolled: Counter<'status'>;
  feedFailures: Counter<'kind'>;
  itemsStored: Counter;
  deliveries: Counter<'outcome'>;
  commandLatency: Histogram<'platform'>;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'privacy_radar_' });
  return {
    registry,
    feedsPolled: new Counter({ name: 'privacy_radar_feeds_polled_total', help: 'Feed polls by result status', labelNames: ['status'], registers: [registry] }),
    feedFailures: new Counter({ name: 'privacy_radar_feed_failures_total', help: 'Feed poll failures by error kind', labelNames: ['kind'], registers: [registry] }),
    itemsStored: new Counter({ name: 'privacy_radar_items_stored_total', help: 'Items stored for the first time', registers: [registry] }),
    deliveries: new Counter({ name: 'privacy_radar_deliveries_total', help: 'Outbox send attempts by outcome', labelNames: ['outcome'], registers: [registry] }),
    commandLatency: new Histogram({
      name: 'privacy_radar_command_duration_seconds',
      help: 'Time to answer a chat command',
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
      registers: [registry],
    }),
  };
}

/**
 * privacy_radar_not_relevant{topic}: items marked "Not relevant" per topic (one per item and
 * channel), read from the store at each scrape so every replica reports the same total.
 */
export function registerFeedbackGauge(metrics: Metrics, countsByTopic: () => Promise<Array<{ topic: string; count: number }>>): void {
  new Gauge({
    name: 'privacy_radar_not_relevant',
    help: 'Items marked "Not relevant" in chat, per topic (one per item and channel)',
    labelNames: ['topic'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const row of await countsByTopic()) this.set({ topic: row.topic }, row.count);
    },
  });
}

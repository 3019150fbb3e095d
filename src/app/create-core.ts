import { systemClock, type Clock } from '../core/clock.js';
import { createLogger, type Logger } from '../core/logger.js';
import type { FeedRecord, NormalizedItem, TaggedItem } from '../core/types.js';
import type { CommandHandler } from '../commands/command-port.js';
import { createCommandHandler } from '../commands/create-command-handler.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/store.js';
import { createTagger, type TopicDefinition } from '../tagging/index.js';
import { summarize } from '../summary/summarize.js';
import { createPoller, type Poller } from '../ingest/poller.js';
import { createMetrics, type Metrics } from '../server/metrics.js';
import type { AppConfig } from './load-config.js';
import { createItemPipeline } from './item-pipeline.js';
import { createDigestFunctions, type DigestFunctions } from './digest-functions.js';
import { instrumentCommands, instrumentPoller } from './instrument.js';

/** The platform-neutral bot: everything `start` and the CLI commands share. */
export interface AppCore {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  store: Store;
  topics: TopicDefinition[];
  poller: Poller;
  commands: CommandHandler;
  digests: DigestFunctions;
  /** Routes items an interrupted poll stored but never routed (run every minute). */
  sweepUnrouted(): Promise<number>;
  /** Tags and summarises freshly parsed items (what the poller stores). */
  processItems(feed: FeedRecord, items: NormalizedItem[]): TaggedItem[];
  close(): Promise<void>;
}

/** Builds the core from validated config: opens and migrates the store, syncs feeds.json. */
export async function createCore(config: AppConfig, options: { clock?: Clock; logger?: Logger } = {}): Promise<AppCore> {
  const clock = options.clock ?? systemClock;
  const { env } = config;
  const logger =
    options.logger ?? createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_LEVEL === 'debug' && Boolean(process.stderr.isTTY) });
  const metrics = createMetrics({ processMetrics: true });
  const store = await createStore(env.DATABASE_URL, { encryptionKey: env.ENCRYPTION_KEY, logger, clock });
  try {
    await store.migrate();
    await store.feeds.syncConfig(config.feeds);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  let closing: Promise<void> | undefined;
  const tagger = createTagger(config.topics);
  const processItems = (feed: FeedRecord, items: NormalizedItem[]): TaggedItem[] =>
    items.map((item) => {
      const tagged = tagger.tag({ title: item.title, description: item.description, content: item.content, link: item.url ?? undefined });
      const why = { ...tagged.why };
      // A feed's default topics apply to everything it publishes (feeds.json "topics").
      for (const topic of feed.topics ?? []) why[topic] ??= [`source default (${feed.id})`];
      return { ...item, summary: summarize(item), topics: Object.keys(why), why };
    });
  const digests = createDigestFunctions({ store, clock, logger, timeZone: env.DIGEST_TIMEZONE, topics: config.topics });
  const pipeline = createItemPipeline({ store, clock, logger, metrics, backfill: env.BACKFILL_ITEMS });
  const poller = instrumentPoller(
    createPoller({
    store,
    clock,
    logger,
    fetchOptions: { allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK.all, allowedAddressRanges: env.ALLOW_PRIVATE_NETWORK.ranges, userAgent: env.USER_AGENT },
    processItems,
    onNewItems: pipeline.onNewItems,
    onFeedFailing: pipeline.onFeedFailing,
    }),
    metrics,
  );
  const commands = instrumentCommands(
    createCommandHandler({
    store,
    clock,
    logger,
    topics: config.topics,
    digestDefaults: digests.defaultSchedule,
    digest: digests,
    }),
    metrics,
  );
  return {
    config,
    clock,
    logger,
    metrics,
    store,
    topics: config.topics,
    poller,
    commands,
    digests,
    sweepUnrouted: () => pipeline.sweep(),
    processItems,
    // Idempotent: `start` closes on shutdown and the CLI closes after every command.
    close: () => (closing ??= Promise.resolve(poller.close?.()).then(() => store.close())),
  };
}

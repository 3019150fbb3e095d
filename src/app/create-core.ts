import { systemClock, type Clock } from '../core/clock.js';
import { createLogger, type Logger } from '../core/logger.js';
import type { FeedError, FeedRecord } from '../core/types.js';
import type { ActionHandler, CommandHandler } from '../commands/command-port.js';
import { createActionHandler } from '../commands/create-action-handler.js';
import { createCommandHandler } from '../commands/create-command-handler.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/store.js';
import { createTagger, type TopicDefinition } from '../tagging/index.js';
import { enqueueAdminNotice } from '../delivery/admin-notice.js';
import { createPoller, type Poller } from '../ingest/poller.js';
import { createMetrics, registerFeedbackGauge, type Metrics } from '../server/metrics.js';
import type { AppConfig } from './load-config.js';
import { createDigestFunctions, type DigestFunctions } from './digest-functions.js';
import { instrumentCommands, recordFeedPoll } from './instrument.js';

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
  /** Buttons, menus and forms (Slack interactivity, Teams card actions). */
  actions: ActionHandler;
  digests: DigestFunctions;
  close(): Promise<void>;
}

/** LOG_FORMAT=auto (the default): readable lines on a terminal, JSON everywhere else. */
export function readableLogs(format: 'auto' | 'json' | 'readable', stderrIsTerminal: boolean): boolean {
  return format === 'readable' || (format === 'auto' && stderrIsTerminal);
}

/** Builds the core from validated config: opens and migrates the store, syncs feeds.json. */
export async function createCore(config: AppConfig, options: { clock?: Clock; logger?: Logger } = {}): Promise<AppCore> {
  const clock = options.clock ?? systemClock;
  const { env } = config;
  const logger =
    options.logger ?? createLogger({ level: env.LOG_LEVEL, readable: readableLogs(env.LOG_FORMAT, Boolean(process.stderr.isTTY)) });
  const metrics = createMetrics({ processMetrics: true });
  const store = await createStore(env.DATABASE_URL, { encryptionKey: env.ENCRYPTION_KEY, logger, clock });
  try {
    await store.migrate();
    await store.feeds.syncConfig(config.feeds);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  registerFeedbackGauge(metrics, () => store.feedback.countsByTopic());
  let closing: Promise<void> | undefined;
  const digests = createDigestFunctions({ store, clock, logger, timeZone: env.DIGEST_TIMEZONE, topics: config.topics });
  const onFeedFailing = async (feed: FeedRecord, error: FeedError): Promise<void> => {
    const text = `Feed "${feed.name ?? feed.id}" is failing (${error.kind}: ${error.message}). It keeps being retried with backoff; check it with: privacy-radar feeds check`;
    // With no admin channel configured the log is the notice: never silence.
    if ((await enqueueAdminNotice(store, text, clock.now())) === 0) logger.warn({ feed: feed.id, kind: error.kind, message: error.message }, 'feed is failing');
  };
  const poller = createPoller({
    store,
    clock,
    logger,
    fetchOptions: { allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK.all, allowedAddressRanges: env.ALLOW_PRIVATE_NETWORK.ranges, userAgent: env.USER_AGENT },
    tagger: createTagger(config.topics),
    backfill: env.BACKFILL_ITEMS,
    onFeedFailing,
    onFeedPolled: recordFeedPoll(metrics),
  });
  const commandDeps = { store, clock, logger, topics: config.topics, digestDefaults: digests.defaultSchedule, digest: digests };
  const commands = instrumentCommands(createCommandHandler(commandDeps), metrics);
  const actions = createActionHandler(commandDeps);
  return {
    config,
    clock,
    logger,
    metrics,
    store,
    topics: config.topics,
    poller,
    commands,
    actions,
    digests,
    // Idempotent: `start` closes on shutdown and the CLI closes after every command.
    close: () => (closing ??= Promise.resolve(poller.close?.()).then(() => store.close())),
  };
}

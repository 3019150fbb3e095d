import type { CommandHandler } from '../commands/command-port.js';
import type { Poller, PollReport } from '../ingest/poller.js';
import type { Metrics } from '../server/metrics.js';

/** Counts every poll's stored items, per-feed outcomes and error kinds for /metrics. */
export function instrumentPoller(poller: Poller, metrics: Metrics): Poller {
  const record = (report: PollReport) => {
    metrics.itemsStored.inc(report.newItems);
    for (const feed of report.feeds) {
      metrics.feedsPolled.inc({ status: feed.status });
      if (feed.error) metrics.feedFailures.inc({ kind: feed.error.kind });
    }
    return report;
  };
  return {
    pollOnce: (options) => poller.pollOnce(options).then(record),
    pollDue: () => poller.pollDue().then(record),
    close: async () => {
      await poller.close?.();
    },
  };
}

/** Times every chat command by platform for /metrics. */
export function instrumentCommands(handler: CommandHandler, metrics: Metrics): CommandHandler {
  return {
    async handle(text, context) {
      const end = metrics.commandLatency.startTimer({ platform: context.destination.platform });
      try {
        return await handler.handle(text, context);
      } finally {
        end();
      }
    },
  };
}

import type { CommandHandler } from '../commands/command-port.js';
import type { FeedPollReport } from '../ingest/poller.js';
import type { Metrics } from '../server/metrics.js';

/** Counts each feed's stored items, outcome and error kind for /metrics as its poll ends. */
export function recordFeedPoll(metrics: Metrics): (report: FeedPollReport) => void {
  return (report) => {
    metrics.itemsStored.inc(report.newItems);
    metrics.feedsPolled.inc({ status: report.status });
    if (report.error) metrics.feedFailures.inc({ kind: report.error.kind });
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

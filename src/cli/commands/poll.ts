import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import type { PollReport } from '../../ingest/poller.js';

function formatReport(report: PollReport): string[] {
  const width = Math.max(4, ...report.feeds.map((f) => f.id.length));
  const lines = report.feeds.map((f) => {
    const outcome = f.status === 'error' ? `error ${f.error?.kind}: ${f.error?.message}` : f.status;
    return `${f.id.padEnd(width)}  ${outcome}${f.status === 'ok' ? ` (${f.items} items, ${f.newItems} new)` : ''}`;
  });
  const failed = report.feeds.filter((f) => f.status === 'error').length;
  lines.push('', `${report.feeds.length} feeds polled, ${report.newItems} new items, ${failed} failed`);
  return lines;
}

/** `privacy-radar poll --once [--json]`. */
export const pollCommand: CliCommand = {
  name: 'poll',
  summary: 'Poll every feed once and print a per-feed result',
  usage: `Usage: privacy-radar poll --once [--json]

  --once   poll every enabled feed once, store new items, route them, and exit
  --json   print {"feeds":[{"id","url","status","error","items","newItems"}],"newItems":N}
           status is ok | not_modified | error; error is {"kind","message"} or null

Exits 0 even when feeds fail (their errors are in the output); 2 when the config is invalid.`,
  options: { once: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx) {
    if (!ctx.values.once) {
      writeLine(ctx.stderr, `error: poll needs --once (the continuous scheduler runs with: privacy-radar start)\n\n${pollCommand.usage}`);
      return 2;
    }
    const core = await ctx.core();
    try {
      const report = await core.poller.pollOnce();
      if (ctx.values.json) writeLine(ctx.stdout, JSON.stringify(report, null, 2));
      else for (const line of formatReport(report)) writeLine(ctx.stdout, line);
      return 0;
    } finally {
      await core.poller.close?.();
    }
  },
};

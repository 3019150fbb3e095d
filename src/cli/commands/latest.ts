import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import { formatItemLine, toItemJson } from '../format-items.js';
import { parseRegionOption } from '../region-option.js';

export const latestCommand: CliCommand = {
  name: 'latest',
  summary: 'Show the newest stored items, optionally for one topic',
  usage: `Usage: privacy-radar latest [topic] [--region R] [--limit N] [--json]

  topic        a topic id such as ai or gdpr (see: privacy-radar topics)
  --limit N    how many items (1-100, default 10)
  --region R   only items tagged with region R: us, eu, uk, apac, intl (several: --region us,eu)
  --json       print a JSON array of {id,title,url,source,publishedAt,topics,jurisdictions,summary}`,
  options: { region: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const topic = ctx.positionals[0];
    const limit = Number(ctx.values.limit ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      writeLine(ctx.stderr, `error: --limit: expected a whole number from 1 to 100, got "${String(ctx.values.limit)}"`);
      return 2;
    }
    const region = parseRegionOption(ctx.values.region);
    if ('error' in region) {
      writeLine(ctx.stderr, region.error);
      return 2;
    }
    const regions = region.regions.length > 0 ? { regions: region.regions } : {};
    const core = await ctx.core();
    if (topic && !core.topics.some((t) => t.id === topic)) {
      writeLine(ctx.stderr, `error: unknown topic "${topic}". Known topics: ${core.topics.map((t) => t.id).join(', ')}`);
      return 2;
    }
    const items = await core.store.items.latest({ topic, ...regions, limit });
    if (ctx.values.json) {
      writeLine(ctx.stdout, JSON.stringify(items.map(toItemJson), null, 2));
      return 0;
    }
    if (items.length === 0) writeLine(ctx.stdout, topic ? `No stored items on ${topic} yet.` : 'No stored items yet. Run: privacy-radar poll --once');
    for (const item of items) writeLine(ctx.stdout, formatItemLine(item));
    return 0;
  },
};

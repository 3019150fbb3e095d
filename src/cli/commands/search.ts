import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import { formatItemLine, toItemJson } from '../format-items.js';
import { parseRegionOption } from '../region-option.js';

/** `privacy-radar search <words>`: ranked full-text search over stored items. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Full-text search over stored items',
  usage: `Usage: privacy-radar search <words...> [--topic T] [--region R] [--limit N] [--json]

  words        every word must appear in the title or summary (stemmed: "fines" finds "fined")
  --topic T    only items tagged with topic T (see: privacy-radar topics)
  --limit N    how many items (1-100, default 10)
  --region R   only items tagged with region R: us, eu, uk, apac, intl (several: --region us,eu)
  --json       print a JSON array of {id,title,url,source,publishedAt,topics,jurisdictions,summary}`,
  options: { region: { type: 'string' }, topic: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const words = ctx.positionals.join(' ').trim();
    if (!/[\p{L}\p{N}]/u.test(words)) {
      writeLine(ctx.stderr, 'error: search needs at least one word, e.g. privacy-radar search biometric data');
      return 2;
    }
    const limit = Number(ctx.values.limit ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      writeLine(ctx.stderr, `error: --limit: expected a whole number from 1 to 100, got "${String(ctx.values.limit)}"`);
      return 2;
    }
    const topic = typeof ctx.values.topic === 'string' ? ctx.values.topic : undefined;
    const region = parseRegionOption(ctx.values.region);
    if ('error' in region) {
      writeLine(ctx.stderr, region.error);
      return 2;
    }
    const regions = region.regions.length > 0 ? { regions: region.regions } : {};
    const core = await ctx.core();
    if (topic !== undefined && !core.topics.some((t) => t.id === topic)) {
      writeLine(ctx.stderr, `error: --topic: unknown topic "${topic}". Known topics: ${core.topics.map((t) => t.id).join(', ')}`);
      return 2;
    }
    const items = await core.store.items.search({ words, topic, ...regions, limit });
    if (ctx.values.json) {
      writeLine(ctx.stdout, JSON.stringify(items.map(toItemJson), null, 2));
      return 0;
    }
    if (items.length === 0) writeLine(ctx.stdout, `No stored items match "${words}"${topic ? ` in ${topic}` : ''}.`);
    for (const item of items) writeLine(ctx.stdout, formatItemLine(item));
    return 0;
  },
};

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import { feedbackCounts, feedbackLines } from '../../feedback/export-feedback.js';

/** `privacy-radar feedback [--export <file|->]`: "Not relevant" counts per topic, or the JSON-lines export. */
export const feedbackCommand: CliCommand = {
  name: 'feedback',
  summary: 'Show "Not relevant" counts per topic, or export them as labelled JSON lines',
  usage: `Usage: privacy-radar feedback [--export <file|->]

Without options: how often items were marked "Not relevant" in chat, per topic (one count per
item and channel; no user is recorded).
  --export <file|->   write one JSON line per item in the tagging evaluation format
                      (topics = tagged topics minus those marked not relevant); - is stdout`,
  options: { export: { type: 'string' } },
  async run(ctx) {
    const core = await ctx.core();
    const target = ctx.values.export;
    if (typeof target === 'string') {
      const lines = await feedbackLines(core.store);
      const out = target === '-' ? ctx.stdout : createWriteStream(target, { encoding: 'utf8' });
      for (const line of lines) out.write(`${JSON.stringify(line)}\n`);
      if (out !== ctx.stdout) {
        out.end();
        await once(out, 'finish');
        writeLine(ctx.stderr, `Wrote ${lines.length} ${lines.length === 1 ? 'item' : 'items'} to ${target}.`);
      }
      return 0;
    }
    const counts = await feedbackCounts(core.store, core.topics);
    if (counts.length === 0) {
      writeLine(ctx.stdout, 'No item has been marked "Not relevant" yet.');
      return 0;
    }
    const width = Math.max(...counts.map((row) => row.topic.length));
    writeLine(ctx.stdout, 'Items marked "Not relevant" (per item and channel), by topic:');
    for (const row of counts) writeLine(ctx.stdout, `  ${row.topic.padEnd(width)}  ${String(row.count).padStart(5)}  ${row.label}`);
    return 0;
  },
};

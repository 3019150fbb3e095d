import { createInterface } from 'node:readline';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import { createTagger } from '../../tagging/tagger.js';
import { tagJsonLine } from '../../tagging/tag-json-lines.js';
import { resolveTopics } from './topics.js';

/** `privacy-radar tag`: JSON lines on stdin to topics and explanations on stdout. No network, no store. */
export const tagCommand: CliCommand = {
  name: 'tag',
  summary: 'Tag JSON lines from stdin with topics, jurisdictions and the phrases behind them',
  usage: `Usage: privacy-radar tag [--json] < items.jsonl

  Reads one JSON object per line: {"title": "...", "description"?: "...", "content"?: "...", "link"?: "..."}
  Writes one line per input line: {"topics": [...], "why": {"<topic>": ["matched phrase", ...]},
    "jurisdictions": [...], "jurisdictionWhy": {"<us|eu|uk|apac|intl>": ["matched phrase", ...]}}
  A malformed line yields {"error": "line N: ..."} in its place; the rest carry on.
  Uses the topics of feeds.json when it loads, else the built-in taxonomy. No network, no store.

  --json   accepted like every other command's; the output is JSON lines either way`,
  // Scripts pass --json to every command; tag's only output format is JSON lines, so it is a no-op.
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const tagger = createTagger(resolveTopics(ctx));
    const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      const out = tagJsonLine(line, ++lineNumber, tagger);
      if (out !== null) writeLine(ctx.stdout, out);
    }
    return 0;
  },
};

/**
 * `npm run eval:tagging -- <file.jsonl> [--verbose]`: tags every labelled item with the default
 * taxonomy and prints per-topic precision/recall/F1, micro-F1 and macro-F1.
 */
import { readFileSync } from 'node:fs';
import { evaluateTagging, formatTaggingScores } from './evaluate-tagging.js';
import { parseLabelledItems } from './labelled-items.js';
import { createTagger } from './tagger.js';
import { defaultTopics } from './taxonomy.js';

function main(argv: string[]): number {
  const verbose = argv.includes('--verbose');
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run eval:tagging -- <file.jsonl> [--verbose]\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`error: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  const parsed = parseLabelledItems(text);
  if (!parsed.ok) {
    process.stderr.write(`error: ${file}: ${parsed.error}\n`);
    return 2;
  }
  const topics = defaultTopics();
  const tagger = createTagger(topics);
  const scored = parsed.items.map((item) => {
    const result = tagger.tag(item);
    if (verbose) {
      const gold = new Set(item.topics);
      const wrong = result.topics.filter((t) => !gold.has(t)).map((t) => `+${t} ${JSON.stringify(result.why[t])}`);
      const missed = item.topics.filter((t) => !result.topics.includes(t)).map((t) => `-${t}`);
      if (wrong.length || missed.length) process.stdout.write(`${item.id ?? ''} ${item.title}\n   ${[...wrong, ...missed].join('  ')}\n`);
    }
    return { gold: item.topics, predicted: result.topics };
  });
  process.stdout.write(`${formatTaggingScores(evaluateTagging(scored, topics.map((t) => t.id)))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

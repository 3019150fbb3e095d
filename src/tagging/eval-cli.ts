/**
 * `npm run eval:tagging -- <file.jsonl> [--verbose]`: tags every labelled item with the default
 * taxonomy and prints per-topic precision/recall/F1, micro-F1 and macro-F1; then the same for
 * jurisdictions over the items that carry a `jurisdictions` label.
 */
import { readFileSync } from 'node:fs';
import { evaluateTagging, formatTaggingScores } from './evaluate-tagging.js';
import { parseLabelledItems } from './labelled-items.js';
import { createTagger } from './tagger.js';
import { defaultTopics } from './taxonomy.js';
import { defaultVocabulary } from './vocabulary.js';

/** Wrong labels as `+id ["phrases"]`, missed ones as `-id`. */
function labelErrors(gold: readonly string[], predicted: readonly string[], why: Record<string, string[]>): string[] {
  const wanted = new Set(gold);
  const wrong = predicted.filter((t) => !wanted.has(t)).map((t) => `+${t} ${JSON.stringify(why[t])}`);
  const missed = gold.filter((t) => !predicted.includes(t)).map((t) => `-${t}`);
  return [...wrong, ...missed];
}

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
  const jurisdictionIds = Object.keys(defaultVocabulary.jurisdictions);
  const scored = parsed.items.map((item) => {
    const result = tagger.tag(item);
    if (verbose) {
      const errors = [
        ...labelErrors(item.topics, result.topics, result.why),
        ...(item.jurisdictions ? labelErrors(item.jurisdictions, result.jurisdictions, result.jurisdictionWhy).map((e) => `${e[0]}@${e.slice(1)}`) : []),
      ];
      if (errors.length) process.stdout.write(`${item.id ?? ''} ${item.title}\n   ${errors.join('  ')}\n`);
    }
    return { item, result };
  });
  const topicScores = evaluateTagging(scored.map(({ item, result }) => ({ gold: item.topics, predicted: result.topics })), topics.map((t) => t.id));
  process.stdout.write(`${formatTaggingScores(topicScores)}\n`);
  const withJurisdictions = scored.filter(({ item }) => item.jurisdictions !== undefined);
  if (withJurisdictions.length > 0) {
    const scores = evaluateTagging(withJurisdictions.map(({ item, result }) => ({ gold: item.jurisdictions!, predicted: result.jurisdictions })), jurisdictionIds);
    process.stdout.write(`\n${formatTaggingScores(scores, 'jurisdiction')}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

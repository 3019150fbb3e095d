/**
 * Prints precision and recall of story matching on the labelled pairs:
 * `npx tsx src/stories/eval-cli.ts [pairs.jsonl]`.
 */
import { readFileSync } from 'node:fs';
import { evaluatePairs, parseLabelledPairs } from './evaluate-pairs.js';

const file = process.argv[2] ?? 'tests/fixtures/story-pairs.jsonl';
const result = evaluatePairs(parseLabelledPairs(readFileSync(file, 'utf8')));
const positives = result.truePositives + result.falseNegatives;
process.stdout.write(
  `pairs ${result.pairs} (same story ${positives}, different ${result.pairs - positives})\n` +
    `precision ${result.precision.toFixed(3)} (target >= 0.95)  recall ${result.recall.toFixed(3)} (target >= 0.80)\n` +
    `tp ${result.truePositives} fp ${result.falsePositives} fn ${result.falseNegatives} tn ${result.trueNegatives}\n`,
);
for (const { pair, comparison } of result.errors) {
  process.stdout.write(
    `${pair.same ? 'missed' : 'wrong merge'} ${pair.id} [${comparison.reason} ${comparison.score.toFixed(2)}] ` +
      `${pair.a.title} <> ${pair.b.title} {${comparison.terms.join(', ')}}\n`,
  );
}

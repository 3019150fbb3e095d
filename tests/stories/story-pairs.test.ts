import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePairs, parseLabelledPairs } from '../../src/stories/evaluate-pairs.js';

const pairs = parseLabelledPairs(readFileSync(new URL('../fixtures/story-pairs.jsonl', import.meta.url), 'utf8'));

describe('story matching on the labelled pairs', () => {
  it('has a labelled set of at least 60 pairs with both classes', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(pairs.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(25);
    expect(pairs.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(25);
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
  });

  it('reaches precision >= 0.95 and recall >= 0.8', () => {
    const result = evaluatePairs(pairs);
    console.info(
      `[stories] ${result.pairs} pairs: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} ` +
        `(tp ${result.truePositives}, fp ${result.falsePositives}, fn ${result.falseNegatives}, tn ${result.trueNegatives})`,
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('also holds on the pairs written after the thresholds were tuned', () => {
    const heldOut = evaluatePairs(pairs.filter((pair) => (pair as { origin?: string }).origin?.includes('held out')));
    expect(heldOut.pairs).toBeGreaterThanOrEqual(20);
    console.info(`[stories] held-out ${heldOut.pairs} pairs: precision ${heldOut.precision.toFixed(3)}, recall ${heldOut.recall.toFixed(3)}`);
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.7);
  });
});

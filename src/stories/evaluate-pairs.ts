import { compareProfiles, DEFAULT_STORY_OPTIONS, type StoryComparison, type StoryMatchOptions } from './compare-profiles.js';
import { profileItem } from './story-profile.js';

/**
 * Scores story matching against a labelled set of item pairs (tests/fixtures/story-pairs.jsonl):
 * precision (a wrong merge hides news) and recall (a missed merge costs one extra post).
 */

export interface LabelledItem {
  source: string;
  title: string;
  summary: string;
  url?: string;
}

export interface LabelledPair {
  id: string;
  same: boolean;
  hoursApart: number;
  a: LabelledItem;
  b: LabelledItem;
}

export interface PairOutcome {
  pair: LabelledPair;
  comparison: StoryComparison;
}

export interface PairEvaluation {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  errors: PairOutcome[];
}

const BASE_TIME = Date.parse('2026-03-02T08:00:00Z');

/** Parses the JSON-lines labelled set. */
export function parseLabelledPairs(text: string): LabelledPair[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPair);
}

/** Compares one labelled pair as two stored items (source = feed, hoursApart = time gap). */
export function comparePair(pair: LabelledPair, options: StoryMatchOptions = DEFAULT_STORY_OPTIONS): StoryComparison {
  const toItem = (item: LabelledItem, id: number, time: number) => ({
    id,
    feedId: item.source,
    url: item.url ?? null,
    title: item.title,
    summary: item.summary,
    publishedAt: new Date(time),
    firstSeenAt: new Date(time),
  });
  const a = profileItem(toItem(pair.a, 1, BASE_TIME));
  const b = profileItem(toItem(pair.b, 2, BASE_TIME + pair.hoursApart * 3600_000));
  return compareProfiles(a, b, options);
}

/** Precision and recall of story matching over a labelled set. */
export function evaluatePairs(pairs: LabelledPair[], options: StoryMatchOptions = DEFAULT_STORY_OPTIONS): PairEvaluation {
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
  const errors: PairOutcome[] = [];
  for (const pair of pairs) {
    const comparison = comparePair(pair, options);
    if (comparison.matched && pair.same) counts.truePositives += 1;
    else if (comparison.matched) counts.falsePositives += 1;
    else if (pair.same) counts.falseNegatives += 1;
    else counts.trueNegatives += 1;
    if (comparison.matched !== pair.same) errors.push({ pair, comparison });
  }
  const predicted = counts.truePositives + counts.falsePositives;
  const actual = counts.truePositives + counts.falseNegatives;
  return {
    pairs: pairs.length,
    ...counts,
    precision: predicted === 0 ? 1 : counts.truePositives / predicted,
    recall: actual === 0 ? 1 : counts.truePositives / actual,
    errors,
  };
}

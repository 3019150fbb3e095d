import type { Amount } from './tokenize.js';
import type { StoryProfile } from './story-profile.js';

/**
 * Decides whether two items report the same event, with the reason, so `why` can show it. The
 * rules are deliberately conservative: a wrong merge hides a story from a channel, a missed merge
 * only costs one extra post. Thresholds were tuned on tests/fixtures/story-pairs.jsonl.
 */

export type StoryMatchReason = 'same_link' | 'similar_title' | 'same_figure' | 'shared_terms';
export type StoryMissReason = 'too_far_apart' | 'different_figures' | 'different_stage' | 'too_different';

export type StoryComparison =
  | { matched: true; reason: StoryMatchReason; score: number; terms: string[] }
  | { matched: false; reason: StoryMissReason; score: number; terms: string[] };

export interface StoryMatchOptions {
  /** Items further apart than this are never one story. */
  windowMs: number;
  /** Jaccard similarity of headline terms that counts as the same headline. */
  titleThreshold: number;
  /** Minimum of dice(distinctive terms) + anchorWeight * anchors for a match on content. */
  contentThreshold: number;
  anchorWeight: number;
  /** Minimum headline terms of one item found in the other item ("anchors"). */
  minAnchors: number;
}

/** Defaults: a 3-day window and the thresholds measured in docs/digests.md. */
export const DEFAULT_STORY_OPTIONS: StoryMatchOptions = {
  windowMs: 3 * 24 * 3600_000,
  titleThreshold: 0.6,
  contentThreshold: 0.7,
  anchorWeight: 0.05,
  minAnchors: 3,
};

const MAX_COUNTED_ANCHORS = 8;

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((term) => b.has(term));
}

/**
 * "fined €390m" and "fined €1.2bn" are two decisions, however alike the rest of the headline.
 * Figures in different currencies ("$10M" and "£7.5m") may be one amount, so they never conflict.
 */
function figuresConflict(a: readonly Amount[], b: readonly Amount[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.some((x) => b.some((y) => x.value === y.value))) return false;
  return a.some((x) => b.some((y) => x.currency === null || y.currency === null || x.currency === y.currency));
}

function countShared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const term of a) if (b.has(term)) count += 1;
  return count;
}

/** Non-generic headline terms of either item that the other item mentions anywhere. */
function anchorTerms(a: StoryProfile, b: StoryProfile): string[] {
  return [...new Set([...shared(a.titleTerms, b.distinctive), ...shared(b.titleTerms, a.distinctive)])];
}

/** anchorTerms(a, b).length without allocating: this runs for every candidate pair. */
function countAnchors(a: StoryProfile, b: StoryProfile): number {
  let count = countShared(a.titleTerms, b.distinctive);
  for (const term of b.titleTerms) if (a.distinctive.has(term) && !(a.titleTerms.has(term) && b.distinctive.has(term))) count += 1;
  return count;
}

/** Whether a term is one of the anchors of a and b (see anchorTerms), without building them. */
function isAnchor(a: StoryProfile, b: StoryProfile, term: string): boolean {
  return (a.titleTerms.has(term) && b.distinctive.has(term)) || (b.titleTerms.has(term) && a.distinctive.has(term));
}

/** The decision of compareProfiles without its terms. */
export type StoryVerdict =
  | { matched: true; reason: StoryMatchReason; score: number }
  | { matched: false; reason: StoryMissReason; score: number };

/**
 * Decides like compareProfiles, allocating nothing but the verdict: matching runs it for every
 * candidate pair, and only the chosen pair's terms are ever shown.
 */
export function judgeProfiles(a: StoryProfile, b: StoryProfile, options: StoryMatchOptions = DEFAULT_STORY_OPTIONS): StoryVerdict {
  if (Math.abs(a.time - b.time) > options.windowMs) return { matched: false, reason: 'too_far_apart', score: 0 };
  // The same article syndicated by two feeds. Within one feed a shared link is more often a
  // section page than an article, so it proves nothing there.
  if (a.link !== null && a.link === b.link && a.feedId !== b.feedId) return { matched: true, reason: 'same_link', score: 1 };
  if (figuresConflict(a.titleAmounts, b.titleAmounts)) return { matched: false, reason: 'different_figures', score: 0 };
  // A bill passing and the same bill being signed are two news events, days apart.
  if (a.stages.size > 0 && b.stages.size > 0 && countShared(a.stages, b.stages) === 0) {
    return { matched: false, reason: 'different_stage', score: 0 };
  }
  const sharedTitle = countShared(a.titleTerms, b.titleTerms);
  const titleScore = sharedTitle / Math.max(1, a.titleTerms.size + b.titleTerms.size - sharedTitle);
  if (titleScore >= options.titleThreshold && sharedTitle >= 3) return { matched: true, reason: 'similar_title', score: titleScore };
  const anchorCount = countAnchors(a, b);
  if (anchorCount < options.minAnchors) return { matched: false, reason: 'too_different', score: titleScore };
  // The same fine or count in a headline and the other item is a strong sign of one event.
  const sameFigure = (amounts: readonly Amount[]): boolean => amounts.some((amount) => isAnchor(a, b, amount.value));
  if (sameFigure(a.titleAmounts) || sameFigure(b.titleAmounts)) return { matched: true, reason: 'same_figure', score: 1 };
  const dice = (2 * countShared(a.distinctive, b.distinctive)) / Math.max(1, a.distinctive.size + b.distinctive.size);
  const score = dice + options.anchorWeight * Math.min(anchorCount, MAX_COUNTED_ANCHORS);
  if (score >= options.contentThreshold) return { matched: true, reason: 'shared_terms', score };
  return { matched: false, reason: 'too_different', score };
}

/** The terms that explain a verdict on a and b. */
function termsOf(a: StoryProfile, b: StoryProfile, verdict: StoryVerdict, options: StoryMatchOptions): string[] {
  switch (verdict.reason) {
    case 'different_figures':
      return [...a.titleAmounts, ...b.titleAmounts].map((amount) => amount.value);
    case 'different_stage':
      return [...a.stages, ...b.stages];
    case 'similar_title':
      return shared(a.titleTerms, b.titleTerms);
    case 'same_figure':
      return anchorTerms(a, b);
    case 'shared_terms':
    case 'too_different':
      // Rejected before the content score (too few anchors): no terms to show.
      return countAnchors(a, b) < options.minAnchors ? [] : shared(a.distinctive, b.distinctive);
    default:
      return [];
  }
}

/** Compares two profiled items: the verdict and the terms behind it. */
export function compareProfiles(
  a: StoryProfile,
  b: StoryProfile,
  options: StoryMatchOptions = DEFAULT_STORY_OPTIONS,
): StoryComparison {
  const verdict = judgeProfiles(a, b, options);
  return { ...verdict, terms: termsOf(a, b, verdict, options) } as StoryComparison;
}

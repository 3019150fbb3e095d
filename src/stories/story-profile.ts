import { canonicalLink } from './canonical-link.js';
import { extractTerms, isGenericTerm, type Amount } from './tokenize.js';

/** The fields story matching reads; StoredItem has them all. */
export interface StoryCandidate {
  id: number;
  feedId: string;
  url: string | null;
  title: string;
  summary: string;
  publishedAt: Date | null;
  firstSeenAt: Date;
}

/** An item prepared once for many comparisons. */
export interface StoryProfile {
  id: number;
  feedId: string;
  link: string | null;
  /** Publisher's date, else first seen: when the event was reported. */
  time: number;
  titleTerms: ReadonlySet<string>;
  titleAmounts: readonly Amount[];
  /** Non-generic terms of title and summary together. */
  distinctive: ReadonlySet<string>;
  /** Law-making stages the headline names ("passed", "signed"). */
  stages: ReadonlySet<string>;
}

// A bill passing and the same bill being signed are two news events, days apart.
const STAGES: ReadonlyMap<string, string> = new Map([
  ['introduc', 'introduced'],
  ['pass', 'passed'],
  ['sign', 'signed'],
  ['veto', 'vetoed'],
  ['vetoe', 'vetoed'],
  ['delay', 'delayed'],
]);

// Stored items never change their text, and every poll compares new items with the same recent
// ones: caching profiles by id saves re-tokenising the whole window each time.
const CACHE_LIMIT = 20_000;
const cache = new Map<number, { title: string; summary: string; profile: StoryProfile }>();

/** profileItem, remembered per stored item id (bounded; re-checked against the text). */
export function profileStoredItem(item: StoryCandidate): StoryProfile {
  const hit = cache.get(item.id);
  if (hit && hit.title === item.title && hit.summary === item.summary && hit.profile.feedId === item.feedId) return hit.profile;
  const profile = profileItem(item);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  cache.set(item.id, { title: item.title, summary: item.summary, profile });
  return profile;
}

/**
 * Files the profile computed for a stand-in (an item matched before it was stored) under the id
 * it was stored with, so reading the stored item back does not tokenise it again.
 */
export function carryProfile(standInId: number, stored: StoryCandidate): void {
  const hit = cache.get(standInId);
  if (!hit || hit.title !== stored.title || hit.summary !== stored.summary || hit.profile.feedId !== stored.feedId) return;
  const profile = { ...hit.profile, id: stored.id };
  if (profile.link !== canonicalLink(stored.url) || profile.time !== (stored.publishedAt ?? stored.firstSeenAt).getTime()) return;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  cache.set(stored.id, { title: stored.title, summary: stored.summary, profile });
}

/** Builds the comparable profile of an item. */
export function profileItem(item: StoryCandidate): StoryProfile {
  const title = extractTerms(item.title);
  const summary = extractTerms(item.summary);
  const distinctive = new Set([...title.terms, ...summary.terms].filter((term) => !isGenericTerm(term)));
  return {
    id: item.id,
    feedId: item.feedId,
    link: canonicalLink(item.url),
    time: (item.publishedAt ?? item.firstSeenAt).getTime(),
    titleTerms: new Set(title.terms),
    titleAmounts: title.amounts,
    distinctive,
    stages: new Set(title.terms.flatMap((term) => STAGES.get(term) ?? [])),
  };
}

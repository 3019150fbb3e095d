import { compareProfiles, type StoryComparison, type StoryMatchOptions } from './compare-profiles.js';
import { profileStoredItem, type StoryProfile } from './story-profile.js';
import { isGenericTerm } from './tokenize.js';
import type { StoredItem } from '../core/types.js';

/** An item known to the index, with its current story. */
export interface IndexedItem {
  item: StoredItem;
  profile: StoryProfile;
}

/** The best earlier item an item matched, and why. */
export interface StoryMatch {
  candidate: IndexedItem;
  comparison: Extract<StoryComparison, { matched: true }>;
}

/**
 * Recent items indexed by non-generic term and link, so a new item is compared only with items
 * that share something specific with it.
 */
export function createStoryIndex(options: StoryMatchOptions) {
  const MIN_SHARED_KEYS = Math.min(3, options.minAnchors);
  const entries = new Map<number, IndexedItem>();
  const byKey = new Map<string, Set<number>>();

  // Every content rule needs a shared non-generic term, so generic words ("data", "privacy") are
  // not keys: they would make every item a candidate of every other.
  const keysOf = (profile: StoryProfile): string[] => [
    ...(profile.link ? [`link:${profile.link}`] : []),
    ...[...new Set([...profile.titleTerms, ...profile.distinctive])].filter((term) => !isGenericTerm(term)),
  ];

  return {
    /** Adds (or replaces) an item. */
    add(item: StoredItem): IndexedItem {
      const entry = { item, profile: profileStoredItem(item) };
      entries.set(item.id, entry);
      for (const key of keysOf(entry.profile)) {
        const ids = byKey.get(key) ?? new Set<number>();
        ids.add(item.id);
        byKey.set(key, ids);
      }
      return entry;
    },
    get: (id: number): IndexedItem | undefined => entries.get(id),
    /** The highest-scoring match among indexed items accepted by `eligible` (ties: lowest id). */
    bestMatch(profile: StoryProfile, eligible: (entry: IndexedItem) => boolean): StoryMatch | null {
      const sharedKeys = new Map<number, number>();
      for (const key of keysOf(profile)) {
        // A shared link alone can decide; otherwise every content rule needs minSharedKeys terms.
        const weight = key.startsWith('link:') ? MIN_SHARED_KEYS : 1;
        for (const id of byKey.get(key) ?? []) sharedKeys.set(id, (sharedKeys.get(id) ?? 0) + weight);
      }
      const ids = [...sharedKeys].filter(([, count]) => count >= MIN_SHARED_KEYS).map(([id]) => id);
      let best: StoryMatch | null = null;
      for (const id of ids.sort((x, y) => x - y)) {
        const candidate = entries.get(id);
        if (!candidate || id === profile.id || !eligible(candidate)) continue;
        const comparison = compareProfiles(profile, candidate.profile, options);
        if (comparison.matched && (!best || comparison.score > best.comparison.score)) best = { candidate, comparison };
      }
      return best;
    },
  };
}

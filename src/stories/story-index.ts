import { compareProfiles, type StoryComparison, type StoryMatchOptions } from './compare-profiles.js';
import { profileItem, type StoryProfile } from './story-profile.js';
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
 * Recent items indexed by term and link, so a new item is compared only with items that share
 * something with it (every match rule needs a shared term or the same link).
 */
export function createStoryIndex(options: StoryMatchOptions) {
  const entries = new Map<number, IndexedItem>();
  const byKey = new Map<string, Set<number>>();

  const keysOf = (profile: StoryProfile): string[] => [
    ...(profile.link ? [`link:${profile.link}`] : []),
    ...new Set([...profile.titleTerms, ...profile.distinctive]),
  ];

  return {
    /** Adds (or replaces) an item. */
    add(item: StoredItem): IndexedItem {
      const entry = { item, profile: profileItem(item) };
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
      const ids = new Set<number>();
      for (const key of keysOf(profile)) for (const id of byKey.get(key) ?? []) ids.add(id);
      let best: StoryMatch | null = null;
      for (const id of [...ids].sort((x, y) => x - y)) {
        const candidate = entries.get(id);
        if (!candidate || id === profile.id || !eligible(candidate)) continue;
        const comparison = compareProfiles(profile, candidate.profile, options);
        if (comparison.matched && (!best || comparison.score > best.comparison.score)) best = { candidate, comparison };
      }
      return best;
    },
  };
}

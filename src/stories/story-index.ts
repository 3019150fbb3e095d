import { judgeProfiles, type StoryMatchOptions, type StoryVerdict } from './compare-profiles.js';
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
  comparison: Extract<StoryVerdict, { matched: true }>;
}

/**
 * Only the newest items listed under one term are read. A term shared by hundreds of recent items
 * (a bulk feed repeating its words, a week of one big story) says little about which of them an
 * item belongs with; the rarer terms it shares find the older ones.
 */
export const MAX_POSTINGS_PER_TERM = 64;
/** Only the items sharing the most terms with an item are compared with it in full. */
export const MAX_STORY_CANDIDATES = 24;

/**
 * Recent items indexed by non-generic term and link, so a new item is compared only with items
 * that share something specific with it, and with a bounded number of them: matching one item
 * costs at most (its terms x MAX_POSTINGS_PER_TERM) index reads and MAX_STORY_CANDIDATES
 * comparisons, however many items share its words. `counters` counts both, for tests.
 */
export function createStoryIndex(options: StoryMatchOptions) {
  const MIN_SHARED_KEYS = Math.min(3, options.minAnchors);
  const entries = new Map<number, IndexedItem>();
  // Item ids per key, ascending once sorted: the store's ids grow with time, so the tail is newest.
  const postings = new Map<string, number[]>();
  const unsorted = new Set<string>();
  const counters = { comparisons: 0, postingsRead: 0 };

  // Every content rule needs a shared non-generic term, so generic words ("data", "privacy") are
  // not keys: they would make every item a candidate of every other.
  const keysOf = (profile: StoryProfile): string[] => [
    ...(profile.link ? [`link:${profile.link}`] : []),
    ...[...new Set([...profile.titleTerms, ...profile.distinctive])].filter((term) => !isGenericTerm(term)),
  ];

  // A shared link alone can decide; otherwise every content rule needs MIN_SHARED_KEYS terms.
  const weightOf = (key: string): number => (key.startsWith('link:') ? MIN_SHARED_KEYS : 1);
  const hasKey = (profile: StoryProfile, key: string): boolean =>
    key.startsWith('link:') ? `link:${profile.link}` === key : profile.titleTerms.has(key) || profile.distinctive.has(key);

  /**
   * The ids under a key, sorted, and where its newest MAX_POSTINGS_PER_TERM start; `from` is the
   * oldest id read when older ones exist (else 0). No copy: this runs for every key of every item.
   */
  const newestIds = (key: string): { ids: readonly number[]; start: number; from: number } => {
    const ids = postings.get(key);
    if (!ids) return { ids: [], start: 0, from: 0 };
    if (unsorted.delete(key)) ids.sort((x, y) => x - y);
    if (ids.length <= MAX_POSTINGS_PER_TERM) return { ids, start: 0, from: 0 };
    const start = ids.length - MAX_POSTINGS_PER_TERM;
    return { ids, start, from: ids[start]! };
  };

  return {
    counters,
    /** Adds (or replaces) an item. */
    add(item: StoredItem): IndexedItem {
      const entry = { item, profile: profileStoredItem(item) };
      const previous = entries.get(item.id);
      entries.set(item.id, entry);
      // Re-adding an item (its story changed) lists it only under keys it was not listed under.
      if (previous?.profile === entry.profile) return entry;
      const known = previous ? new Set(keysOf(previous.profile)) : null;
      for (const key of keysOf(entry.profile)) {
        if (known?.has(key)) continue;
        const ids = postings.get(key);
        if (!ids) postings.set(key, [item.id]);
        else {
          if (item.id < (ids[ids.length - 1] ?? 0)) unsorted.add(key);
          ids.push(item.id);
        }
      }
      return entry;
    },
    get: (id: number): IndexedItem | undefined => entries.get(id),
    /** The highest-scoring match among indexed items accepted by `eligible` (ties: lowest id). */
    bestMatch(profile: StoryProfile, eligible: (entry: IndexedItem) => boolean): StoryMatch | null {
      const sharedKeys = new Map<number, number>();
      // Keys whose older items were not read, with the oldest id that was.
      const cut: Array<{ key: string; from: number }> = [];
      const viaWholeList = new Set<number>();
      for (const key of keysOf(profile)) {
        const { ids, start, from } = newestIds(key);
        counters.postingsRead += ids.length - start;
        if (from > 0) cut.push({ key, from });
        const weight = weightOf(key);
        for (let i = start; i < ids.length; i++) {
          const id = ids[i]!;
          sharedKeys.set(id, (sharedKeys.get(id) ?? 0) + weight);
          if (from === 0) viaWholeList.add(id);
        }
      }
      const ranked: Array<[number, number]> = [];
      for (const [id, found] of sharedKeys) {
        const candidate = entries.get(id);
        if (!candidate || id === profile.id) continue;
        let count = found;
        // An older item found through a rarer key may share a frequent key whose list was cut.
        if (count < MIN_SHARED_KEYS && viaWholeList.has(id)) {
          for (const { key, from } of cut) if (id < from && hasKey(candidate.profile, key)) count += weightOf(key);
        }
        if (count >= MIN_SHARED_KEYS && eligible(candidate)) ranked.push([id, count]);
      }
      // Most shared keys first, newest first among equals; then compared in id order for stable ties.
      const chosen = ranked.length <= MAX_STORY_CANDIDATES
        ? ranked
        : ranked.sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, MAX_STORY_CANDIDATES);
      let best: StoryMatch | null = null;
      for (const [id] of chosen.sort((x, y) => x[0] - y[0])) {
        const candidate = entries.get(id)!;
        counters.comparisons += 1;
        const comparison = judgeProfiles(profile, candidate.profile, options);
        if (comparison.matched && (!best || comparison.score > best.comparison.score)) best = { candidate, comparison };
      }
      return best;
    },
  };
}

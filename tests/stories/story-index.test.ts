import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../src/core/types.js';
import { DEFAULT_STORY_OPTIONS } from '../../src/stories/compare-profiles.js';
import { createStoryIndex, MAX_POSTINGS_PER_TERM, MAX_STORY_CANDIDATES } from '../../src/stories/story-index.js';
import { profileItem } from '../../src/stories/story-profile.js';

const T0 = new Date('2026-03-02T08:00:00Z');

function stored(id: number, title: string, feedId = 'bulk'): StoredItem {
  return {
    id, feedId, key: `k${id}`, url: `https://news.example/${id}`, title, summary: '', publishedAt: T0,
    firstSeenAt: T0, topics: [], why: {}, jurisdictions: [], jurisdictionWhy: {}, storyId: null, source: feedId,
  };
}

// A bulk feed whose every item shares the same specific words: without bounds each new item is
// compared with every earlier one (10,000 items: 50 million comparisons).
const noise = (id: number) => stored(id, `Acme tracking pixel leak report volume ${id}`);

describe('story index bounds', () => {
  it('compares a new item with a bounded number of candidates however many items share its words', () => {
    const index = createStoryIndex(DEFAULT_STORY_OPTIONS);
    for (let id = 1; id <= 5000; id++) index.add(noise(id));
    const profile = profileItem(stored(9999, 'Acme tracking pixel leak report volume 9999', 'other'));
    const before = { ...index.counters };
    const match = index.bestMatch(profile, () => true);
    expect(match).not.toBeNull();
    expect(index.counters.comparisons - before.comparisons).toBeLessThanOrEqual(MAX_STORY_CANDIDATES);
    const keys = profile.distinctive.size + 1; // terms and the link
    expect(index.counters.postingsRead - before.postingsRead).toBeLessThanOrEqual(keys * MAX_POSTINGS_PER_TERM);
  });

  it('grouping N such items costs at most N times the bound', () => {
    const index = createStoryIndex(DEFAULT_STORY_OPTIONS);
    const n = 3000;
    for (let id = 1; id <= n; id++) {
      const entry = index.add(noise(id));
      index.bestMatch(entry.profile, (candidate) => candidate.item.id < id);
    }
    expect(index.counters.comparisons).toBeLessThanOrEqual(n * MAX_STORY_CANDIDATES);
  });

  it('still finds the item sharing the most specific words among thousands sharing a few', () => {
    const index = createStoryIndex(DEFAULT_STORY_OPTIONS);
    index.add(stored(1, 'Retina scanner ban approved for Ohio schools', 'wire'));
    for (let id = 2; id <= 4000; id++) index.add(noise(id));
    const profile = profileItem(stored(9999, 'Acme tracking pixel: Ohio schools retina scanner ban approved', 'other'));
    expect(index.bestMatch(profile, () => true)?.candidate.item.id).toBe(1);
  });

  it('counts a frequent shared word for an older item found through rarer ones', () => {
    // "acme" lists thousands of newer items, so its list is read only in part; the older item
    // shares it with the new one, and needs it to reach the three shared words a match requires.
    const index = createStoryIndex(DEFAULT_STORY_OPTIONS);
    index.add(stored(1, 'Acme retina Ohio', 'wire'));
    for (let id = 2; id <= 4000; id++) index.add(noise(id));
    const profile = profileItem(stored(9999, 'Acme retina Ohio', 'other'));
    expect(index.bestMatch(profile, () => true)?.candidate.item.id).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../src/core/types.js';
import { groupByStory } from '../../src/stories/group-by-story.js';

function item(id: number, storyId: number | null): StoredItem {
  return {
    id,
    feedId: `feed-${id}`,
    key: `k${id}`,
    url: `https://example.com/${id}`,
    title: `Item ${id}`,
    summary: '',
    publishedAt: null,
    firstSeenAt: new Date('2026-01-05T09:00:00Z'),
    topics: [],
    why: {},
    jurisdictions: [],
    jurisdictionWhy: {},
    storyId,
    source: `Source ${id}`,
  };
}

describe('groupByStory', () => {
  it('groups by storyId in order of first appearance', () => {
    const groups = groupByStory([item(5, 1), item(4, 2), item(3, 1), item(2, 2), item(1, 3)]);
    expect(groups.map((g) => [g.lead.id, g.others.map((o) => o.id)])).toEqual([
      [5, [3]],
      [4, [2]],
      [1, []],
    ]);
  });

  it('keeps items without a story on their own, even next to each other', () => {
    const groups = groupByStory([item(1, null), item(2, null), item(3, 7), item(4, 7)]);
    expect(groups.map((g) => [g.lead.id, g.others.length])).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
    ]);
  });

  it('returns an empty list for no items', () => {
    expect(groupByStory([])).toEqual([]);
  });
});

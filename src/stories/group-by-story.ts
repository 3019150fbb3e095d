import type { StoredItem } from '../core/types.js';

/** One story in a list: its first listed item and the other items of the same story. */
export interface StoryGroup {
  lead: StoredItem;
  others: StoredItem[];
}

/**
 * Groups items by storyId so lists show one entry per story ("+2 sources"). Groups keep the
 * input order of their first item (the caller's ranking wins); items without a story stand alone.
 */
export function groupByStory(items: StoredItem[]): StoryGroup[] {
  const groups: StoryGroup[] = [];
  const byStory = new Map<number, StoryGroup>();
  for (const item of items) {
    if (item.storyId === null) {
      groups.push({ lead: item, others: [] });
      continue;
    }
    const existing = byStory.get(item.storyId);
    if (existing) {
      existing.others.push(item);
    } else {
      const group: StoryGroup = { lead: item, others: [] };
      byStory.set(item.storyId, group);
      groups.push(group);
    }
  }
  return groups;
}

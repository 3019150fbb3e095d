import { toMessageItem, type MessageItem, type MessageSection } from '../chat/message.js';
import type { StoredItem } from '../core/types.js';
import { groupByStory } from '../stories/group-by-story.js';
import { truncateAtWord } from '../text/plain-text.js';

/** A story as the digest sees it: its first item, every source, its topics and newest time. */
export interface DigestStory {
  lead: StoredItem;
  sources: string[];
  topics: Set<string>;
  latestAt: number;
}

/** Limits that keep a digest readable and well inside platform limits (adapters trim too). */
export interface DigestLimits {
  perSection: number;
  sections: number;
  /** Stories listed in all sections together; a channel on many topics sees fewer per topic. */
  totalStories: number;
  summaryChars: number;
}

/**
 * Defaults: at most 5 stories per topic and 10 sections. About 15 listed stories keep a digest
 * within one Slack message (50 blocks; a listed story takes 2) for up to 8 topics.
 */
export const DEFAULT_DIGEST_LIMITS: DigestLimits = { perSection: 5, sections: 10, totalStories: 15, summaryChars: 200 };

const timeOf = (item: StoredItem): number => (item.publishedAt ?? item.firstSeenAt).getTime();

/** Groups the period's items into stories (items newest first, as store.items.between gives them). */
export function collectStories(items: StoredItem[]): DigestStory[] {
  // Oldest first so the first report of a story leads it.
  const ordered = [...items].sort((a, b) => a.firstSeenAt.getTime() - b.firstSeenAt.getTime() || a.id - b.id);
  return groupByStory(ordered).map(({ lead, others }) => {
    const all = [lead, ...others];
    return {
      lead,
      sources: [...new Set(all.map((item) => item.source))],
      topics: new Set(all.flatMap((item) => item.topics)),
      latestAt: Math.max(...all.map(timeOf)),
    };
  });
}

/** More sources first, then the most recent coverage, then the earliest item (stable). */
export function compareStories(a: DigestStory, b: DigestStory): number {
  return b.sources.length - a.sources.length || b.latestAt - a.latestAt || a.lead.id - b.lead.id;
}

function toDigestItem(story: DigestStory, limits: DigestLimits, label: (topic: string) => string): MessageItem {
  const extra = story.sources.length - 1;
  const item = toMessageItem(story.lead, extra > 0 ? `+${extra} ${extra === 1 ? 'source' : 'sources'}` : undefined, label);
  return { ...item, summary: truncateAtWord(item.summary, limits.summaryChars) };
}

/**
 * One section per channel topic that has stories, in the channel's topic order. A story appears
 * once, under the first of the channel's topics it carries, so a channel never reads it twice.
 */
export function buildSections(
  stories: DigestStory[],
  topics: string[],
  label: (topic: string) => string,
  limits: DigestLimits,
): { sections: MessageSection[]; hiddenSections: number; storyCount: number } {
  const placed = new Set<number>();
  const grouped: Array<{ topic: string; stories: DigestStory[] }> = [];
  for (const topic of topics) {
    const inTopic = stories.filter((story) => story.topics.has(topic) && !placed.has(story.lead.id)).sort(compareStories);
    if (inTopic.length === 0) continue;
    for (const story of inTopic) placed.add(story.lead.id);
    grouped.push({ topic, stories: inTopic });
  }
  const shownGroups = grouped.slice(0, limits.sections);
  const perSection = Math.min(limits.perSection, Math.max(1, Math.floor(limits.totalStories / Math.max(1, shownGroups.length))));
  const sections = shownGroups.map(({ topic, stories: inTopic }): MessageSection => {
    const shown = inTopic.slice(0, perSection);
    const more = inTopic.length - shown.length;
    return {
      heading: label(topic),
      items: shown.map((story) => toDigestItem(story, limits, label)),
      ...(more > 0 ? { more: `and ${more} more` } : {}),
    };
  });
  return { sections, hiddenSections: grouped.length - shownGroups.length, storyCount: placed.size };
}

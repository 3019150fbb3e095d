import { compareProfiles, DEFAULT_STORY_OPTIONS, type StoryComparison } from './compare-profiles.js';
import { profileItem } from './story-profile.js';
import type { StoredItem } from '../core/types.js';
import type { Store } from '../store/store.js';

/** How one item of a story was matched to an earlier item of the same story. */
export interface StoryLink {
  item: StoredItem;
  matchedWith: StoredItem | null;
  comparison: StoryComparison | null;
}

/** A story with the reason each later item joined it, for `why`. */
export interface StoryExplanation {
  storyId: number;
  lead: StoredItem;
  links: StoryLink[];
}

const REASONS: Record<StoryComparison['reason'], string> = {
  same_link: 'same link',
  similar_title: 'near-identical headline',
  same_figure: 'same figure and names',
  shared_terms: 'shared headline and summary terms',
  too_far_apart: 'published too far apart',
  different_figures: 'different figures',
  different_stage: 'different stage',
  too_different: 'too different',
};

/**
 * Recomputes why the items of a story belong together: each later item is compared with the
 * earlier items and the best match is reported. Null when the item has no story.
 */
export async function explainStory(store: Store, item: StoredItem): Promise<StoryExplanation | null> {
  if (item.storyId === null) return null;
  const items = await store.items.byStory(item.storyId);
  const [lead, ...rest] = items;
  if (!lead) return null;
  const profiles = new Map(items.map((member) => [member.id, profileItem(member)]));
  const links = rest.map((member, index): StoryLink => {
    let best: StoryLink = { item: member, matchedWith: null, comparison: null };
    for (const earlier of items.slice(0, index + 1)) {
      const comparison = compareProfiles(profiles.get(member.id)!, profiles.get(earlier.id)!, DEFAULT_STORY_OPTIONS);
      if (!best.comparison || (comparison.matched && (!best.comparison.matched || comparison.score > best.comparison.score))) {
        best = { item: member, matchedWith: earlier, comparison };
      }
    }
    return best;
  });
  return { storyId: item.storyId, lead, links };
}

/** One line per later item: "BBC News: <title>, matched Reuters (same figure and names: 1.2bn, meta)". */
export function describeStoryLinks(explanation: StoryExplanation, maxTerms = 6): string[] {
  return explanation.links.map(({ item, matchedWith, comparison }) => {
    if (!matchedWith || !comparison?.matched) return `${item.source}: ${item.title}`;
    const terms = comparison.terms.slice(0, maxTerms).join(', ');
    return `${item.source}: ${item.title}, matched ${matchedWith.source} (${REASONS[comparison.reason]}${terms ? `: ${terms}` : ''})`;
  });
}

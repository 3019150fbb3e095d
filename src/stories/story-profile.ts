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
  };
}

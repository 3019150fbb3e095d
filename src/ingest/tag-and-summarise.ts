import type { FeedConfig, NormalizedItem, TaggedItem } from '../core/types.js';
import { summarize } from '../summary/summarize.js';
import type { Tagger } from '../tagging/index.js';

/**
 * The poll's tag-and-summarise stage: topics with the terms that matched (`why`), jurisdictions
 * with theirs, and an extractive summary computed locally, for each new item. A feed's default
 * topics (feeds.json "topics") apply to everything it publishes; jurisdictions come from the
 * item's own text only, never from where the source is based. Pure CPU work: it runs before the
 * transaction, which stores all of it together.
 */
export function tagAndSummarise(tagger: Tagger, feed: FeedConfig, items: readonly NormalizedItem[]): TaggedItem[] {
  return items.map((item) => {
    const tagged = tagger.tag({ title: item.title, description: item.description, content: item.content, link: item.url ?? undefined });
    const why = { ...tagged.why };
    for (const topic of feed.topics ?? []) why[topic] ??= [`source default (${feed.id})`];
    return {
      ...item, summary: summarize(item), topics: Object.keys(why), why, jurisdictions: tagged.jurisdictions, jurisdictionWhy: tagged.jurisdictionWhy,
    };
  });
}

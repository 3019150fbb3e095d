import { regionMarks } from '../core/regions.js';
import type { StoredItem } from '../core/types.js';

/** The JSON shape of `latest --json` and `search --json` (a public contract). */
export function toItemJson(item: StoredItem) {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    source: item.source,
    publishedAt: (item.publishedAt ?? item.firstSeenAt).toISOString(),
    topics: item.topics,
    jurisdictions: item.jurisdictions,
    summary: item.summary,
  };
}

/** One readable terminal line (plus the link) for an item. */
export function formatItemLine(item: StoredItem): string {
  const date = (item.publishedAt ?? item.firstSeenAt).toISOString().slice(0, 10);
  const topics = item.topics.length ? ` [${item.topics.join(', ')}]` : '';
  const regions = item.jurisdictions.length ? ` {${regionMarks(item.jurisdictions)}}` : '';
  return `${date}  ${item.title}  (${item.source})${topics}${regions}\n            ${item.url ?? ''}`;
}

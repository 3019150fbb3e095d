import { regionMarks } from '../core/regions.js';
import type { StoredItem } from '../core/types.js';
import { formatHumanTime } from '../text/human-time.js';

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

/** One readable terminal line (plus the link) for an item: its `#id` reference (for `why`), time, title, source. */
export function formatItemLine(item: StoredItem): string {
  const date = formatHumanTime(item.publishedAt ?? item.firstSeenAt);
  const topics = item.topics.length ? ` [${item.topics.join(', ')}]` : '';
  const regions = item.jurisdictions.length ? ` {${regionMarks(item.jurisdictions)}}` : '';
  return `#${item.id}  ${date}  ${item.title}  (${item.source})${topics}${regions}\n    ${item.url ?? ''}`;
}

import type { FeedRecord } from '../core/types.js';

const NAMED = 3;

/**
 * One line about failing sources, so a quiet digest is not mistaken for a quiet week; null when
 * every enabled feed is healthy.
 */
export function describeSourceHealth(feeds: FeedRecord[]): string | null {
  const failing = feeds.filter((feed) => feed.enabled !== false && feed.state.health === 'failing');
  if (failing.length === 0) return null;
  const names = failing.slice(0, NAMED).map((feed) => feed.name ?? feed.id);
  const rest = failing.length - names.length;
  const enabled = feeds.filter((feed) => feed.enabled !== false).length;
  return `Source health: ${failing.length} of ${enabled} sources failing (${names.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}); some news may be missing.`;
}

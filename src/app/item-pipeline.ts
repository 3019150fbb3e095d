import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { FeedError, FeedRecord, StoredItem } from '../core/types.js';
import { enqueueAdminNotice } from '../delivery/admin-notice.js';
import { routeNewItems } from '../delivery/route-items.js';
import type { Metrics } from '../server/metrics.js';
import { createStoryAssigner } from '../stories/assign-stories.js';
import type { Store } from '../store/store.js';

/**
 * What happens to items after the poller stored them: group them into stories, then route them
 * to subscribed channels through the outbox. The first poll of a new feed records its backlog
 * without posting (FEEDS.md P8) unless BACKFILL_ITEMS asks for the newest few.
 */
export function createItemPipeline(deps: { store: Store; clock: Clock; logger: Logger; metrics: Metrics; backfill: number }) {
  const { store, clock, logger, metrics } = deps;
  const stories = createStoryAssigner(store);
  return {
    async onNewItems(feed: FeedRecord, items: StoredItem[], info: { firstPoll: boolean }): Promise<void> {
      metrics.itemsStored.inc(items.length);
      if (items.length === 0) return;
      const now = clock.now();
      const withStories = await stories.assign(items, now);
      const toRoute = info.firstPoll ? newest(withStories, deps.backfill) : withStories;
      if (toRoute.length === 0) return;
      const enqueued = await routeNewItems(store, toRoute, now);
      logger.debug({ feed: feed.id, items: items.length, routed: toRoute.length, enqueued }, 'items routed');
    },
    async onFeedFailing(feed: FeedRecord, error: FeedError): Promise<void> {
      const text = `Feed "${feed.name ?? feed.id}" is failing (${error.kind}: ${error.message}). It keeps being retried with backoff; check it with: privacy-radar feeds check`;
      const sent = await enqueueAdminNotice(store, text, clock.now());
      // With no admin channel configured the log is the notice: never silence (FEEDS.md F10).
      if (sent === 0) logger.warn({ feed: feed.id, kind: error.kind, message: error.message }, 'feed is failing');
    },
  };
}

function newest(items: StoredItem[], count: number): StoredItem[] {
  if (count <= 0) return [];
  return [...items]
    .sort((a, b) => (b.publishedAt ?? b.firstSeenAt).getTime() - (a.publishedAt ?? a.firstSeenAt).getTime())
    .slice(0, count);
}

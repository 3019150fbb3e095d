import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { FeedError, FeedRecord, StoredItem } from '../core/types.js';
import { enqueueAdminNotice } from '../delivery/admin-notice.js';
import { routeNewItems } from '../delivery/route-items.js';
import type { Metrics } from '../server/metrics.js';
import { createStoryAssigner } from '../stories/assign-stories.js';
import type { Store } from '../store/store.js';

/** Items a crashed poll left unrouted are picked up once they are this old (the live path had its chance). */
const SWEEP_GRACE_MS = 2 * 60_000;
const SWEEP_BATCH = 200;

/**
 * What happens to items after the poller stored them: group them into stories, then route them
 * to subscribed channels through the outbox, then mark them routed. The first poll of a new feed
 * records its backlog without posting (docs/ingestion.md R20) unless BACKFILL_ITEMS asks for the newest
 * few. Items whose routing was interrupted (a crash after the insert) are found by sweep().
 */
export function createItemPipeline(deps: { store: Store; clock: Clock; logger: Logger; metrics: Metrics; backfill: number }) {
  const { store, clock, logger, metrics } = deps;
  const stories = createStoryAssigner(store);

  async function route(items: StoredItem[], now: Date): Promise<number> {
    const withStories = await stories.assign(items, now);
    // Enqueueing is idempotent (one outbox key per channel and item), so a retry never doubles.
    const enqueued = await routeNewItems(store, withStories, now);
    await store.items.markRouted(items.map((item) => item.id), now);
    return enqueued;
  }

  return {
    async onNewItems(feed: FeedRecord, items: StoredItem[], info: { firstPoll: boolean }): Promise<void> {
      metrics.itemsStored.inc(items.length);
      if (items.length === 0) return;
      const now = clock.now();
      if (info.firstPoll) {
        const posted = newest(items, deps.backfill);
        const skipped = items.filter((item) => !posted.includes(item));
        await store.items.markRouted(skipped.map((item) => item.id), now);
        await stories.assign(skipped, now);
        if (posted.length) await route(posted, now);
        return;
      }
      const enqueued = await route(items, now);
      logger.debug({ feed: feed.id, items: items.length, enqueued }, 'items routed');
    },
    async onFeedFailing(feed: FeedRecord, error: FeedError): Promise<void> {
      const text = `Feed "${feed.name ?? feed.id}" is failing (${error.kind}: ${error.message}). It keeps being retried with backoff; check it with: privacy-radar feeds check`;
      const sent = await enqueueAdminNotice(store, text, clock.now());
      // With no admin channel configured the log is the notice: never silence (docs/ingestion.md R10).
      if (sent === 0) logger.warn({ feed: feed.id, kind: error.kind, message: error.message }, 'feed is failing');
    },
    /** Routes items a crashed or failed poll stored but never routed; returns how many. */
    async sweep(): Promise<number> {
      const now = clock.now();
      const items = await store.items.unrouted(new Date(now.getTime() - SWEEP_GRACE_MS), SWEEP_BATCH);
      if (items.length === 0) return 0;
      await route(items, now);
      logger.warn({ items: items.length }, 'routed items that an interrupted poll had stored but not routed');
      return items.length;
    },
  };
}

function newest(items: StoredItem[], count: number): StoredItem[] {
  if (count <= 0) return [];
  return [...items]
    .sort((a, b) => (b.publishedAt ?? b.firstSeenAt).getTime() - (a.publishedAt ?? a.firstSeenAt).getTime())
    .slice(0, count);
}

import { describe, expect, it } from 'vitest';
import { createItemPipeline } from '../../src/app/item-pipeline.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import type { TaggedItem } from '../../src/core/types.js';
import { createMetrics } from '../../src/server/metrics.js';
import { createStore } from '../../src/store/create-store.js';

const item = (key: string, title: string): TaggedItem => ({
  key,
  url: `https://news.example/${key}`,
  title,
  description: '',
  content: '',
  publishedAt: null,
  summary: title,
  topics: ['breach'],
  why: { breach: ['data breach'] },
});

/** No missed items: a crash between storing items and routing them is repaired by the sweep. */
describe('routing sweep', () => {
  it('delivers items a crashed poll stored but never routed, once, and leaves a new feed\'s backlog alone', async () => {
    const store = createStore(':memory:');
    await store.migrate();
    const clock = createManualClock('2026-03-02T08:00:00Z');
    const pipeline = createItemPipeline({ store, clock, logger: createSilentLogger(), metrics: createMetrics(), backfill: 0 });
    const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
    await store.subscriptions.subscribe(channel, ['breach'], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, clock.now());
    await store.feeds.syncConfig([{ id: 'news', url: 'https://news.example/feed' }]);
    const feed = (await store.feeds.get('news'))!;

    // First poll of a new feed: stored, deliberately not posted, and not picked up by the sweep.
    const backlog = await store.items.insertNew('news', [item('old', 'Hospital data breach exposes patient records')], clock.now());
    await pipeline.onNewItems(feed, backlog, { firstPoll: true });

    // A later poll stores an item, then the process dies before routing (onNewItems never runs).
    clock.advance(60_000);
    await store.items.insertNew('news', [item('new', 'Retailer confirms data breach of loyalty accounts')], clock.now());
    expect(await pipeline.sweep()).toBe(0); // still within the live path's grace period
    clock.advance(3 * 60_000);
    expect(await pipeline.sweep()).toBe(1);
    expect(await pipeline.sweep()).toBe(0);

    const rows = await store.outbox.list({ destination: channel });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('item');
    await store.close();
  });
});

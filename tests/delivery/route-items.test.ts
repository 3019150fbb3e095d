import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeNewItems } from '../../src/delivery/route-items.js';
import type { Store } from '../../src/store/store.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from './store-harness.js';

const NOW = new Date('2026-01-05T09:00:00Z');

describe('routeNewItems', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('enqueues one item row per active matching subscription, once', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.subscriptions.subscribe(slackChannel('C2'), ['gdpr'], DIGEST_DEFAULTS, NOW);
    await store.subscriptions.subscribe(slackChannel('C3'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.subscriptions.pause(slackChannel('C3'), 'not_in_channel');
    const [item] = await insertItems(store, 'reuters', [taggedItem({ topics: ['ai', 'lawsuit'] })], NOW);
    expect(await routeNewItems(store, [item!], NOW)).toBe(1);
    const rows = await store.outbox.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'item', dedupKey: `item:slack:T1:C1:${item!.id}`, payload: { itemId: item!.id }, status: 'pending' });
    expect(await routeNewItems(store, [item!], NOW)).toBe(0);
  });

  it('skips items without topics and returns 0 without subscribers', async () => {
    const items = await insertItems(store, 'reuters', [taggedItem({ topics: [] }), taggedItem({ topics: ['ai'] })], NOW);
    expect(await routeNewItems(store, items, NOW)).toBe(0);
    expect(await store.outbox.list()).toEqual([]);
  });

  it('turns later coverage of a story into one story_update per source', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    const [lead] = await insertItems(store, 'reuters', [taggedItem()], NOW);
    await store.items.setStory([lead!.id], lead!.id);
    await routeNewItems(store, [{ ...lead!, storyId: lead!.id }], NOW);

    const [bbc, bbcAgain] = await insertItems(store, 'bbc', [taggedItem(), taggedItem()], NOW);
    await store.items.setStory([bbc!.id, bbcAgain!.id], lead!.id);
    const [reutersAgain] = await insertItems(store, 'reuters', [taggedItem()], NOW);
    await store.items.setStory([reutersAgain!.id], lead!.id);
    const withStory = [bbc!, bbcAgain!, reutersAgain!].map((item) => ({ ...item, storyId: lead!.id }));
    expect(await routeNewItems(store, withStory, NOW)).toBe(1);

    const update = (await store.outbox.list()).find((row) => row.kind === 'story_update');
    expect(update).toMatchObject({
      dedupKey: `story:slack:T1:C1:${lead!.id}:BBC`,
      storyId: lead!.id,
      payload: { itemId: bbc!.id, storyId: lead!.id, source: 'BBC' },
    });
  });

  it('replies under a story already posted in the channel (indexed fast path)', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.subscriptions.subscribe(slackChannel('C2'), ['ai'], DIGEST_DEFAULTS, NOW);
    const [lead] = await insertItems(store, 'reuters', [taggedItem()], NOW);
    await store.items.setStory([lead!.id], lead!.id);
    await routeNewItems(store, [{ ...lead!, storyId: lead!.id }], NOW);
    const c1Lead = (await store.outbox.list({ destination: slackChannel('C1') }))[0]!;
    await store.outbox.markSent(c1Lead.id, NOW, 'ts-lead');
    // C2 lost its lead row (e.g. dead after an outage): it gets the new coverage as an item.
    const c2Lead = (await store.outbox.list({ destination: slackChannel('C2') }))[0]!;
    await store.outbox.markDead(c2Lead.id, 'slack/http-503');
    const [bbc] = await insertItems(store, 'bbc', [taggedItem()], NOW);
    await store.items.setStory([bbc!.id], lead!.id);
    expect(await routeNewItems(store, [{ ...bbc!, storyId: lead!.id }], NOW)).toBe(2);
    expect((await store.outbox.list({ destination: slackChannel('C1') })).map((row) => row.kind)).toEqual(['item', 'story_update']);
    expect((await store.outbox.list({ destination: slackChannel('C2') })).map((row) => row.kind)).toEqual(['item', 'item']);
  });

  it('handles two new items of one story in the same batch, and channels that missed the lead', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.subscriptions.subscribe(slackChannel('C2'), ['lawsuit'], DIGEST_DEFAULTS, NOW);
    const [a] = await insertItems(store, 'reuters', [taggedItem({ topics: ['ai'] })], NOW);
    const [b] = await insertItems(store, 'bbc', [taggedItem({ topics: ['ai', 'lawsuit'] })], NOW);
    await store.items.setStory([a!.id, b!.id], a!.id);
    await routeNewItems(store, [a!, b!].map((item) => ({ ...item, storyId: a!.id })), NOW);
    const rows = await store.outbox.list();
    const summary = rows.map((row) => `${row.destination.channelId}:${row.kind}:${(row.payload as { itemId: number }).itemId}`);
    expect(summary.sort()).toEqual([`C1:item:${a!.id}`, `C1:story_update:${b!.id}`, `C2:item:${b!.id}`].sort());
  });
});

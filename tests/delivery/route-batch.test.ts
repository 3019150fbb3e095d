import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeNewItems } from '../../src/delivery/route-items.js';
import type { Store } from '../../src/store/store.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from './store-harness.js';

const NOW = new Date('2026-01-05T09:00:00Z');

/** Records the store calls routing makes, to prove it reads per batch, not per item or channel. */
function countingStore(store: Store) {
  const calls: string[] = [];
  const counted: Store = {
    ...store,
    subscriptions: { ...store.subscriptions, matching: (topics) => (calls.push('matching'), store.subscriptions.matching(topics)) },
    items: { ...store.items, byStory: (id) => (calls.push('byStory'), store.items.byStory(id)), byStories: (ids) => (calls.push('byStories'), store.items.byStories(ids)) },
    outbox: {
      ...store.outbox,
      list: (filter) => (calls.push(filter?.storyIds ? 'list storyIds' : 'list'), store.outbox.list(filter)),
      storyMessageRef: (d, id) => (calls.push('storyMessageRef'), store.outbox.storyMessageRef(d, id)),
    },
  };
  return { counted, calls };
}

describe('routing a batch', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('loads matching subscriptions once and story rows by story id, however many items and channels', async () => {
    for (const channel of ['C1', 'C2', 'C3']) await store.subscriptions.subscribe(slackChannel(channel), ['ai'], DIGEST_DEFAULTS, NOW);
    const [lead] = await insertItems(store, 'reuters', [taggedItem()], NOW);
    await store.items.setStory([lead!.id], lead!.id);
    await routeNewItems(store, [{ ...lead!, storyId: lead!.id }], NOW);
    const later = await insertItems(store, 'bbc', [taggedItem(), taggedItem({ title: 'Unrelated' }), taggedItem({ title: 'Other' })], NOW);
    await store.items.setStory([later[0]!.id], lead!.id);
    const batch = [{ ...later[0]!, storyId: lead!.id }, { ...later[1]!, storyId: later[1]!.id }, { ...later[2]!, storyId: later[2]!.id }];

    const { counted, calls } = countingStore(store);
    // 3 channels: a thread reply for the story's new source, and a post for each other item.
    expect(await routeNewItems(counted, batch, NOW)).toBe(9);
    expect(calls).toEqual(['matching', 'byStories', 'list storyIds']);
    const c1 = await store.outbox.list({ destination: slackChannel('C1') });
    expect(c1.map((row) => row.kind)).toEqual(['item', 'story_update', 'item', 'item']);
  });
});

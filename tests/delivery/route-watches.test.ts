import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { renderItem } from '../../src/delivery/render.js';
import { createManualClock } from '../../src/core/clock.js';
import type { Store } from '../../src/store/store.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from './store-harness.js';

const NOW = new Date('2026-01-05T09:00:00Z');

describe('routing with watches, mutes and workspace-owned sources', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const rowsOf = async (channel: string, workspace = 'T1') => store.outbox.list({ destination: slackChannel(channel, workspace) });

  it('a watch delivers a matching item no subscribed topic covers, and says so in the post', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['gdpr'], DIGEST_DEFAULTS, NOW);
    await store.watches.add(slackChannel('C1'), 'clearview', NOW, 20);
    await store.subscriptions.subscribe(slackChannel('C2'), ['gdpr'], DIGEST_DEFAULTS, NOW);
    const [clearview, other] = await insertItems(store, 'reuters', [
      taggedItem({ title: 'Clearview AI fined in Europe', topics: ['biometrics'] }),
      taggedItem({ title: 'Unrelated biometrics news', topics: ['biometrics'] }),
    ], NOW);
    expect(await routeNewItems(store, [clearview!, other!], NOW)).toBe(1);
    const [row] = await rowsOf('C1');
    expect(row).toMatchObject({ kind: 'item', payload: { itemId: clearview!.id, matchedTopics: [], matchedWatch: 'clearview' } });
    expect(await rowsOf('C2')).toEqual([]);
    const message = await renderItem(row!, { store, clock: createManualClock(NOW) });
    expect(message?.items?.[0]?.reason).toBe('Watch "clearview"');
  });

  it('records both the topics and the watch when both match', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.watches.add(slackChannel('C1'), 'clearview', NOW, 20);
    const items = await insertItems(store, 'reuters', [taggedItem({ title: 'Clearview and AI', topics: ['ai'] })], NOW);
    await routeNewItems(store, items, NOW);
    expect((await rowsOf('C1'))[0]?.payload).toEqual({ itemId: items[0]!.id, matchedTopics: ['ai'], matchedWatch: 'clearview' });
  });

  it('a source mute stops an item a topic would deliver; the same topic from another source still arrives', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.mutes.add(slackChannel('C1'), { kind: 'source', feedId: 'bbc' }, NOW, 20);
    await store.subscriptions.subscribe(slackChannel('C2'), ['ai'], DIGEST_DEFAULTS, NOW);
    const [bbc] = await insertItems(store, 'bbc', [taggedItem({ title: 'BBC on AI', topics: ['ai'] })], NOW);
    const [reuters] = await insertItems(store, 'reuters', [taggedItem({ title: 'Reuters on AI', topics: ['ai'] })], NOW);
    await routeNewItems(store, [bbc!, reuters!], NOW);
    expect((await rowsOf('C1')).map((row) => row.payload)).toEqual([{ itemId: reuters!.id, matchedTopics: ['ai'] }]);
    expect(await rowsOf('C2')).toHaveLength(2);
  });

  it('a query mute stops topic and watch deliveries alike', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.watches.add(slackChannel('C1'), 'clearview', NOW, 20);
    await store.mutes.add(slackChannel('C1'), { kind: 'query', query: 'crypto' }, NOW, 20);
    const items = await insertItems(store, 'reuters', [
      taggedItem({ title: 'AI and crypto', topics: ['ai'] }),
      taggedItem({ title: 'Clearview', summary: 'A crypto angle', topics: [] }),
      taggedItem({ title: 'Clearview again', topics: [] }),
    ], NOW);
    await routeNewItems(store, items, NOW);
    expect((await rowsOf('C1')).map((row) => row.payload)).toEqual([{ itemId: items[2]!.id, matchedTopics: [], matchedWatch: 'clearview' }]);
  });

  it('items of a source added from chat reach only that workspace\'s channels', async () => {
    await store.feeds.addOwned({ id: 'dpa-news', url: 'https://dpa.example/feed', name: 'DPA news' }, { platform: 'slack', workspaceId: 'T1' }, NOW);
    for (const [channel, workspace] of [['C1', 'T1'], ['C9', 'T2']] as const) {
      await store.subscriptions.subscribe(slackChannel(channel, workspace), ['ai'], DIGEST_DEFAULTS, NOW);
      await store.watches.add(slackChannel(channel, workspace), 'regulator', NOW, 20);
    }
    const items = await insertItems(store, 'dpa-news', [taggedItem({ title: 'Regulator on AI', topics: ['ai'] })], NOW);
    await routeNewItems(store, items, NOW);
    expect(await rowsOf('C1')).toHaveLength(1);
    expect(await rowsOf('C9', 'T2')).toEqual([]);
  });

  it('a watch on a story member threads like topic deliveries; a muted source never starts or joins the thread', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['gdpr'], DIGEST_DEFAULTS, NOW);
    await store.watches.add(slackChannel('C1'), 'clearview', NOW, 20);
    await store.subscriptions.subscribe(slackChannel('C2'), ['ai'], DIGEST_DEFAULTS, NOW);
    await store.mutes.add(slackChannel('C2'), { kind: 'source', feedId: 'bbc' }, NOW, 20);
    const [lead] = await insertItems(store, 'bbc', [taggedItem({ title: 'Clearview fined', topics: ['ai'] })], NOW);
    await store.items.setStory([lead!.id], lead!.id);
    await routeNewItems(store, [{ ...lead!, storyId: lead!.id }], NOW);
    const [later] = await insertItems(store, 'reuters', [taggedItem({ title: 'Clearview fine confirmed', topics: ['ai'] })], NOW);
    await store.items.setStory([later!.id], lead!.id);
    const [again] = await insertItems(store, 'bbc', [taggedItem({ title: 'Clearview: more', topics: ['ai'] })], NOW);
    await store.items.setStory([again!.id], lead!.id);
    await routeNewItems(store, [{ ...later!, storyId: lead!.id }, { ...again!, storyId: lead!.id }], NOW);
    // C1 (watch): lead post, then one thread reply for Reuters; BBC's second report adds nothing.
    expect((await rowsOf('C1')).map((row) => [row.kind, row.storyId])).toEqual([['item', lead!.id], ['story_update', lead!.id]]);
    // C2 (muted BBC): Reuters opens the story there; BBC never appears.
    expect((await rowsOf('C2')).map((row) => [row.kind, row.payload])).toEqual([['item', { itemId: later!.id, matchedTopics: ['ai'] }]]);
  });

  it('ignores rules of paused channels', async () => {
    await store.subscriptions.subscribe(slackChannel('C1'), ['gdpr'], DIGEST_DEFAULTS, NOW);
    await store.watches.add(slackChannel('C1'), 'clearview', NOW, 20);
    await store.subscriptions.pause(slackChannel('C1'), 'not_in_channel');
    const items = await insertItems(store, 'reuters', [taggedItem({ title: 'Clearview', topics: [] })], NOW);
    expect(await routeNewItems(store, items, NOW)).toBe(0);
  });
});

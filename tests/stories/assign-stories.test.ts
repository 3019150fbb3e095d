import { describe, expect, it } from 'vitest';
import type { TaggedItem } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { useMemoryStore } from '../store/use-memory-store.js';
import { STORY_FEEDS } from './story-feeds.js';
import { assignStories } from '../../src/stories/assign-stories.js';
import { describeStoryLinks, explainStory } from '../../src/stories/explain-story.js';

const DAY = 24 * 3600_000;
const T0 = new Date('2026-03-02T08:00:00Z');

function tagged(key: string, title: string, summary: string, publishedAt = T0): TaggedItem {
  return { key, url: `https://news.example/${key}`, title, description: summary, content: '', publishedAt, summary, topics: ['gdpr'], why: {} };
}

const REUTERS = tagged('r1', 'Meta fined record 1.2 billion euros for sending EU user data to US', 'Ireland fined Meta Platforms and ordered it to suspend transfers of Facebook user data to the United States.');
const BBC = tagged('b1', 'Facebook owner hit with €1.2bn fine by Irish Data Protection Commission', 'Meta has been fined €1.2bn for transferring European Facebook users data to the US.');
const GUARDIAN = tagged('g1', 'Meta handed €1.2bn fine over EU-US data transfers', 'The Irish regulator fined Meta for transferring Facebook users data to the US.');
const OTHER = tagged('b2', 'Optus data breach affects 9.8 million customers', 'Australia telecoms company said personal information of customers was exposed.');

let store: Store;
useMemoryStore(async (opened) => {
  store = opened;
  await store.feeds.syncConfig(STORY_FEEDS);
});

describe('assignStories', () => {
  it('puts later coverage from another source into the first item story', async () => {
    const first = await store.items.insertNew('reuters', [REUTERS], T0);
    const [lead] = await assignStories(store, first, T0);
    expect(lead?.storyId).toBe(lead?.id);

    const now = new Date(T0.getTime() + 3600_000);
    const second = await store.items.insertNew('bbc', [BBC, OTHER], now);
    const assigned = await assignStories(store, second, now);
    const bbc = assigned.find((item) => item.key === 'b1');
    const other = assigned.find((item) => item.key === 'b2');
    expect(bbc?.storyId).toBe(lead?.id);
    expect(other?.storyId).toBe(other?.id);
    expect((await store.items.byStory(lead!.id)).map((item) => item.key)).toEqual(['r1', 'b1']);
    expect((await store.items.getById(other!.id))?.storyId).toBe(other?.id);
  });

  it('groups items that arrive in one batch and keeps the first id as the story id', async () => {
    await store.items.insertNew('reuters', [REUTERS], T0);
    await store.items.insertNew('bbc', [BBC], T0);
    await store.items.insertNew('guardian', [GUARDIAN], T0);
    const all = (await store.items.between(new Date(T0.getTime() - DAY), new Date(T0.getTime() + 1))).reverse();
    const assigned = await assignStories(store, all, T0);
    const firstId = Math.min(...assigned.map((item) => item.id));
    expect(assigned.map((item) => item.storyId)).toEqual([firstId, firstId, firstId]);
  });

  it('does not join coverage older than the window', async () => {
    const old = await store.items.insertNew('reuters', [REUTERS], T0);
    await assignStories(store, old, T0);
    const later = new Date(T0.getTime() + 4 * DAY);
    const [bbc] = await assignStories(store, await store.items.insertNew('bbc', [{ ...BBC, publishedAt: later }], later), later);
    expect(bbc?.storyId).toBe(bbc?.id);
  });

  it('leaves items that already have a story alone', async () => {
    const [item] = await store.items.insertNew('reuters', [REUTERS], T0);
    await store.items.setStory([item!.id], 999);
    const [again] = await assignStories(store, [{ ...item!, storyId: 999 }], T0);
    expect(again?.storyId).toBe(999);
  });

  it('explains which items matched and why', async () => {
    await assignStories(store, await store.items.insertNew('reuters', [REUTERS], T0), T0);
    const [bbc] = await assignStories(store, await store.items.insertNew('bbc', [BBC], T0), T0);
    const explanation = await explainStory(store, bbc!);
    expect(explanation?.links).toHaveLength(1);
    const [line] = describeStoryLinks(explanation!);
    expect(line).toMatch(/^BBC News: Facebook owner hit .*matched Reuters \(same figure and names: .*1\.2bn/);
  });
});

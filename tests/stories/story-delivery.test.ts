import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoredItem, TaggedItem } from '../../src/core/types.js';
import { renderStoryUpdate } from '../../src/delivery/render.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { createManualClock } from '../../src/core/clock.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import type { Store } from '../../src/store/store.js';
import { useMemoryStore } from '../store/use-memory-store.js';
import { STORY_FEEDS } from './story-feeds.js';
import { assignStories } from '../../src/stories/assign-stories.js';
import { summarize } from '../../src/summary/summarize.js';
import { createTagger, defaultTopics } from '../../src/tagging/index.js';

// Stories end to end (docs/digests.md): Reuters and BBC coverage of one event → one post and one
// thread reply, with the real parser, tagger, summariser, store, story matching and router.
const tagger = createTagger(defaultTopics());
const CHANNEL = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const POLL_1 = new Date('2026-03-02T09:00:00Z');
const POLL_2 = new Date('2026-03-02T11:00:00Z');

function readFeed(name: string, baseUrl: string, now: Date): TaggedItem[] {
  const parsed = parseFeed(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), baseUrl, { now });
  if (parsed.status !== 'ok') throw new Error(`fixture ${name} did not parse: ${parsed.message}`);
  return parsed.items.map((item) => {
    const tagged = tagger.tag({ title: item.title, description: item.description, content: item.content, link: item.url ?? undefined });
    return { ...item, summary: summarize(item), topics: Object.keys(tagged.why), why: tagged.why };
  });
}

/** What the app's item pipeline does after a poll: store, assign stories, route. */
async function poll(store: Store, feedId: string, items: TaggedItem[], now: Date): Promise<StoredItem[]> {
  const stored = await assignStories(store, await store.items.insertNew(feedId, items, now), now);
  await routeNewItems(store, stored, now);
  return stored;
}

let store: Store;
useMemoryStore(async (opened) => {
  store = opened;
  await store.feeds.syncConfig(STORY_FEEDS);
  await store.subscriptions.subscribe(CHANNEL, ['gdpr'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, new Date('2026-03-01T00:00:00Z'));
});

describe('one story across Reuters and BBC', () => {
  it('posts the first report and threads the second source under it', async () => {
    const reuters = await poll(store, 'reuters', readFeed('reuters.xml', 'https://reuters.example/feed', POLL_1), POLL_1);
    const fine = reuters.find((item) => item.title.startsWith('Meta fined'))!;
    expect(fine.topics).toContain('gdpr');
    const afterFirst = await store.outbox.list({ destination: CHANNEL });
    expect(afterFirst.map((row) => [row.kind, row.storyId])).toEqual([['item', fine.storyId]]);
    await store.outbox.markSent(afterFirst[0]!.id, POLL_1, '1700000000.000100');

    const bbc = await poll(store, 'bbc', readFeed('bbc.xml', 'https://bbc.example/feed', POLL_2), POLL_2);
    const bbcFine = bbc.find((item) => item.title.startsWith('Facebook owner'))!;
    const tiktok = bbc.find((item) => item.title.startsWith('TikTok'))!;
    expect(bbcFine.storyId).toBe(fine.storyId);
    expect(tiktok.storyId).toBe(tiktok.id);

    const rows = (await store.outbox.list({ destination: CHANNEL })).filter((row) => row.createdAt.getTime() === POLL_2.getTime());
    expect(rows.map((row) => [row.kind, row.storyId]).sort()).toEqual([
      ['item', tiktok.id],
      ['story_update', fine.storyId],
    ]);
    expect(await store.outbox.storyMessageRef(CHANNEL, fine.storyId!)).toBe('1700000000.000100');
    const reply = await renderStoryUpdate(rows.find((row) => row.kind === 'story_update')!, { store, clock: createManualClock(POLL_2) });
    expect(reply?.text).toBe('Also covered by BBC News: Facebook owner hit with €1.2bn fine by Irish Data Protection Commission');
  });
});

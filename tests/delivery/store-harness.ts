import type { Destination, DigestSchedule, StoredItem, TaggedItem } from '../../src/core/types.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

/** Monday 09:00 UTC: the product default digest (docs/digests.md). */
export const DIGEST_DEFAULTS: DigestSchedule = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };

/** A migrated in-memory SQLite store with two feeds (Reuters, BBC). */
export async function openTestStore(): Promise<Store> {
  const store = createStore(':memory:');
  await store.migrate();
  await store.feeds.syncConfig([
    { id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' },
    { id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' },
  ]);
  return store;
}

/** A Slack channel destination. */
export function slackChannel(channelId: string, workspaceId = 'T1'): Destination {
  return { platform: 'slack', workspaceId, channelId };
}

let counter = 0;

/** A tagged item with sensible defaults. */
export function taggedItem(overrides: Partial<TaggedItem> = {}): TaggedItem {
  counter += 1;
  return {
    key: `key-${counter}`,
    url: `https://news.example/${counter}`,
    title: `Headline ${counter}`,
    description: '',
    content: '',
    publishedAt: new Date('2026-01-05T08:00:00Z'),
    summary: `Summary ${counter}`,
    topics: ['ai'],
    why: { ai: ['artificial intelligence'] },
    ...overrides,
  };
}

/** Inserts items for a feed and returns them as stored. */
export async function insertItems(store: Store, feedId: string, items: TaggedItem[], at: Date): Promise<StoredItem[]> {
  return store.items.insertNew(feedId, items, at);
}

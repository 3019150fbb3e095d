import type { Destination, DigestSchedule, StoredItem, TaggedItem } from '../../src/core/types.js';
import { createManualClock } from '../../src/core/clock.js';
import type { Store } from '../../src/store/store.js';

/** Topic labels as the taxonomy gives them (a subset). */
export const TOPICS = [
  { id: 'ai', label: 'AI & automated decisions' },
  { id: 'lawsuit', label: 'Litigation & court rulings' },
  { id: 'gdpr', label: 'GDPR & EU/UK data protection' },
  { id: 'breach', label: 'Data breaches & leaks' },
];

export const FEEDS = [
  { id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' },
  { id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC News' },
  { id: 'guardian', url: 'https://guardian.example/feed', name: 'The Guardian' },
  { id: 'eff', url: 'https://eff.example/feed', name: 'EFF' },
];

/** Monday 9 March 2026, 09:00 in Berlin (CET, UTC+1). */
export const DIGEST_TIME = new Date('2026-03-09T08:00:00Z');
export const BERLIN_MONDAY_9: DigestSchedule = { enabled: true, weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };
export const CHANNEL: Destination = { platform: 'slack', workspaceId: 'T1', channelId: 'C123' };
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A tagged item with defaults. */
export function tagged(key: string, title: string, topics: string[], publishedAt: Date): TaggedItem {
  return { key, url: `https://news.example/${key}`, title, description: '', content: '', publishedAt, summary: `Summary of ${title}.`, topics, why: {} };
}

/** Stores one item from a feed first seen at `at`, optionally joining a story. */
export async function addItem(store: Store, feedId: string, item: TaggedItem, at: Date, storyOf?: StoredItem): Promise<StoredItem> {
  const [stored] = await store.items.insertNew(feedId, [item], at);
  if (!stored) throw new Error(`item ${item.key} not stored`);
  const storyId = storyOf?.storyId ?? stored.id;
  await store.items.setStory([stored.id], storyId);
  return { ...stored, storyId };
}

/** Prepares a store with feeds and a channel subscribed to ai and lawsuit a week before the digest. */
export async function prepareChannel(store: Store, topics = ['ai', 'lawsuit']): Promise<void> {
  await store.feeds.syncConfig(FEEDS);
  await store.subscriptions.subscribe(CHANNEL, topics, BERLIN_MONDAY_9, new Date(DIGEST_TIME.getTime() - 10 * DAY));
}

export const clockAt = (at: Date) => createManualClock(at);

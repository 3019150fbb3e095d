/**
 * A store filled with the demo's items spread over twelve weeks, plus a second report of the
 * hospital breach (one story, two sources) and one failing feed: what `npm run shots` and the
 * web tests look at. Items are tagged by the real tagger.
 */
import type { FeedConfig, StoredItem } from '../src/core/types.js';
import type { Store } from '../src/store/store.js';
import { createTagger, defaultTopics } from '../src/tagging/index.js';
import { summarize } from '../src/summary/summarize.js';
import { BACKLOG, LIVE, type SampleItem } from './sample-items.js';

const HOUR = 3_600_000;

/** The sample feeds: the demo's three and a failing one. */
export const SAMPLE_FEEDS: FeedConfig[] = [
  { id: 'demo-regulator', name: 'Demo Data Protection Authority', url: 'https://regulator.example/news.xml' },
  { id: 'demo-newsroom', name: 'Demo Newsroom', url: 'https://newsroom.example/feed.atom' },
  { id: 'demo-blog', name: 'Demo University Privacy Blog', url: 'https://blog.example/feed.json' },
  { id: 'demo-wire', name: 'Demo Privacy Wire', url: 'https://wire.example/rss' },
];

const SECOND_REPORT: SampleItem & { feed: SampleItem['feed'] } = {
  feed: 'demo-blog',
  title: 'Ransomware attack on hospital network exposed 300,000 patients’ records',
  description: 'The hospital network said attackers took names, dates of birth and medical record numbers of 300,000 patients.',
};

/** Tags a sample item as the bot would (real tagger, extractive summary). */
export function tagSample(item: SampleItem, key: string) {
  const tagger = createTagger(defaultTopics());
  const tagged = tagger.tag({ title: item.title, description: item.description, content: '' });
  const base = { key, url: `https://${item.feed.replace('demo-', '')}.example/articles/${key}`, title: item.title, description: item.description, content: '', publishedAt: null };
  return { ...base, summary: summarize(base), topics: Object.keys(tagged.why), why: tagged.why };
}

/** Fills `store` with the sample items, newest at `now` (and configures extraFeeds too); returns them as stored. */
export async function seedSampleStore(store: Store, now: Date, extraFeeds: FeedConfig[] = []): Promise<StoredItem[]> {
  await store.feeds.syncConfig([...SAMPLE_FEEDS, ...extraFeeds]);
  const all = [...BACKLOG, ...LIVE];
  const stored: StoredItem[] = [];
  for (const [index, item] of all.entries()) {
    // Oldest first, spread over twelve weeks so every chart has a shape.
    const at = new Date(now.getTime() - (all.length - index) * 6.5 * 24 * HOUR - 2 * HOUR);
    const tagged = { ...tagSample(item, `sample-${index}`), publishedAt: at };
    const [row] = await store.items.insertNew(item.feed, [tagged], at);
    if (row) stored.push(row);
  }
  const breach = stored.find((item) => item.title.startsWith('Hospital network'))!;
  const second = { ...tagSample(SECOND_REPORT, 'sample-second-report'), publishedAt: new Date(breach.firstSeenAt.getTime() + 5 * HOUR) };
  const [report] = await store.items.insertNew(SECOND_REPORT.feed, [second], second.publishedAt);
  await store.items.setStory([breach.id, report!.id], breach.id);
  for (const feed of SAMPLE_FEEDS.slice(0, 3)) {
    await store.feeds.updateState(feed.id, { health: 'ok', initialized: true, lastCheckAt: new Date(now.getTime() - HOUR), lastSuccessAt: new Date(now.getTime() - HOUR), nextCheckAt: new Date(now.getTime() + 14 * 60_000) });
  }
  await store.feeds.updateState('demo-wire', {
    health: 'failing',
    consecutiveFailures: 4,
    lastError: { kind: 'http_5xx', message: 'HTTP 503' },
    lastErrorAt: new Date(now.getTime() - 20 * 60_000),
    lastSuccessAt: new Date(now.getTime() - 3 * 24 * HOUR),
    nextCheckAt: new Date(now.getTime() + 40 * 60_000),
  });
  return [...stored, report!];
}

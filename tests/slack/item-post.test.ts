/**
 * A delivered post as a Slack reader sees it, end to end: real feeds, tagger, story matching,
 * routing, dispatcher and Slack adapter, posting to the fake Slack Web API over loopback.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import type { StoredItem, TaggedItem } from '../../src/core/types.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { assignStories } from '../../src/stories/assign-stories.js';
import { summarize } from '../../src/summary/summarize.js';
import { createTagger, defaultTopics } from '../../src/tagging/index.js';
import { STORY_FEEDS } from '../stories/story-feeds.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

const topics = defaultTopics();
const tagger = createTagger(topics);
const CHANNEL = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const POLL_1 = new Date('2026-03-02T09:00:00Z');
const POLL_2 = new Date('2026-03-02T11:00:00Z');

function readFeed(name: string, baseUrl: string): TaggedItem[] {
  const parsed = parseFeed(readFileSync(new URL(`../stories/fixtures/${name}`, import.meta.url), 'utf8'), baseUrl, { now: POLL_1 });
  if (parsed.status !== 'ok') throw new Error(`fixture ${name} did not parse`);
  return parsed.items.map((item) => {
    const tagged = tagger.tag({ title: item.title, description: item.description, content: item.content, link: item.url ?? undefined });
    return { ...item, summary: summarize(item), topics: Object.keys(tagged.why), why: tagged.why };
  });
}

interface PostedBlock {
  type: string;
  text?: { text: string };
  elements?: Array<{ text: string }>;
}

function postedBlocks(h: SlackHarness, index: number): PostedBlock[] {
  const blocks = h.api.callsOf('chat.postMessage')[index]?.params.blocks;
  return (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as PostedBlock[];
}

describe('a delivered Slack post', () => {
  let store: Store;
  let h: SlackHarness;
  const clock = createManualClock(POLL_1);
  beforeEach(async () => {
    store = createStore(':memory:');
    await store.migrate();
    await store.feeds.syncConfig(STORY_FEEDS);
    await store.subscriptions.subscribe(CHANNEL, ['ai', 'gdpr'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, POLL_1);
    h = await startSlackHarness({ store, clock });
  });
  afterEach(async () => {
    await h.close();
    await store.close();
  });

  /** Dispatcher passes until the channel's queue is empty (one post per pacing slot). */
  async function deliverAll(): Promise<void> {
    const dispatcher = createDispatcher({ store, ports: [h.adapter.port], clock, logger: createSilentLogger() });
    for (let pass = 0; pass < 20; pass++) {
      await dispatcher.runOnce();
      clock.advance(60_000);
    }
  }

  async function poll(feedId: string, file: string, now: Date): Promise<StoredItem[]> {
    clock.set(now);
    const stored = await assignStories(store, await store.items.insertNew(feedId, readFeed(file, `https://${feedId}.example/feed`), now), now);
    await routeNewItems(store, stored, now);
    return stored;
  }

  it('says which of the channel’s topics it matched, its source, a human date and a reference `why` explains', async () => {
    const reuters = await poll('reuters', 'reuters.xml', POLL_1);
    const fine = reuters.find((item) => item.title.startsWith('Meta fined'))!;
    await deliverAll();
    const posts = h.api.callsOf('chat.postMessage');
    const post = posts.findIndex((call) => String(call.params.text).startsWith('Meta fined'));
    const blocks = postedBlocks(h, post);
    // The title is the link; no "Open" button repeats it (the only buttons are the post actions).
    expect(blocks[0]?.text?.text).toMatch(new RegExp(`^\\*<${fine.url!.replace(/[.?]/g, '\\$&')}\\|Meta fined`));
    expect(JSON.stringify(blocks)).not.toContain('"url"');
    const context = blocks.find((block) => block.type === 'context')!.elements![0]!.text;
    // Only the followed topics the item has, as labels (the channel also follows AI, which it lacks).
    expect(context).toMatch(/^Matched GDPR &amp; EU\/UK data protection · Reuters · <!date\^\d+\^\{date_short_pretty\} at \{time\}\|\w{3} \d{1,2} \w{3}, \d\d:\d\d UTC> · #\d+$/);
    expect(context).not.toContain('gdpr');
    const reference = context.match(/#(\d+)$/)![0];
    expect(reference).toBe(`#${fine.id}`);

    const commands = createCommandHandler({ store, clock, logger: createSilentLogger(), topics, digestDefaults: { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' } });
    for (const typed of [`why ${reference}`, `why ${fine.id}`]) {
      const why = await commands.handle(typed, { destination: CHANNEL, userId: 'U1', canManage: true });
      expect(why.kind).toBe('reply');
      expect(why.title).toBe(`Why: ${fine.title}`);
      expect(why.lines?.join('\n')).toMatch(/^GDPR & EU\/UK data protection.*: matched "/m);
    }
  });

  it('a story covered by two sources is one full post and one one-line thread reply', async () => {
    await poll('reuters', 'reuters.xml', POLL_1);
    await deliverAll();
    const before = h.api.callsOf('chat.postMessage').length;
    const lead = h.api.callsOf('chat.postMessage').find((call) => String(call.params.text).startsWith('Meta fined'))!;
    const bbc = await poll('bbc', 'bbc.xml', POLL_2);
    const later = bbc.find((item) => item.title.startsWith('Facebook owner'))!;
    await deliverAll();
    const replies = h.api.callsOf('chat.postMessage').slice(before).filter((call) => call.params.thread_ts !== undefined);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    const threadTs = h.api.callsOf('chat.postMessage').indexOf(lead);
    expect(reply.params.thread_ts).toBe(String((await store.outbox.storyMessageRef(CHANNEL, later.storyId!)) ?? ''));
    expect(threadTs).toBeGreaterThanOrEqual(0);
    const blocks = postedBlocks(h, h.api.callsOf('chat.postMessage').indexOf(reply));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.type).toBe('context');
    expect(blocks[0]!.elements![0]!.text).toMatch(new RegExp(`^Also covered by \\*<https://[^|]+\\|BBC News>\\* · <!date\\^\\d+\\^[^|]+\\|[^>]+> · #${later.id}$`));
    // No second full post of the story anywhere in the channel.
    const full = h.api.callsOf('chat.postMessage').filter((call) => /^(Meta fined|Facebook owner)/.test(String(call.params.text)) && call.params.thread_ts === undefined);
    expect(full).toHaveLength(1);
  });
});

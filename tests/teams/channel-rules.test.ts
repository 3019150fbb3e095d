/**
 * Watches, mutes and quiet hours in a Teams channel: @mention commands through the real adapter
 * and command core, new items through the real router and dispatcher, checked at the fake
 * Bot Framework connector.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import type { Destination, TaggedItem } from '../../src/core/types.js';
import { createDispatcher, type Dispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { cardOf } from './fake-connector.js';
import { botMembership, channelMention, postActivity, startHarness, type Harness } from './harness.js';

const CHANNEL: Destination = { platform: 'teams', workspaceId: 'tenant-1', channelId: '19:general@thread.tacv2' };

function tagged(key: string, title: string, topics: string[]): TaggedItem {
  return {
    key, url: `https://news.example/${key}`, title, description: '', content: '', publishedAt: new Date('2026-03-02T08:00:00Z'),
    summary: `${title}, in short.`, topics, why: Object.fromEntries(topics.map((t) => [t, [t]])),
  };
}

describe('Teams: watches, mutes and quiet hours end to end', () => {
  let h: Harness;
  let store: Store;
  let dispatcher: Dispatcher;
  const clock = createManualClock('2026-03-02T09:00:00Z');

  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    store = createStore(':memory:');
    await store.migrate();
    await store.feeds.syncConfig([
      { id: 'bbc-technology', url: 'https://bbc.example/feed', name: 'BBC Technology' },
      { id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' },
    ]);
    const logger = createSilentLogger();
    const handler = createCommandHandler({ store, clock, logger, topics: defaultTopics(), digestDefaults: { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' } });
    h = await startHarness({ handler, store, clock });
    dispatcher = createDispatcher({ store, ports: [h.adapter.port], clock, logger, options: { workerId: 'teams-rules', random: () => 0.5 } });
    expect(await postActivity(h.baseUrl, botMembership(h.connector.serviceUrl, 'added'))).toBe(200);
  });
  afterEach(async () => {
    await dispatcher.stop();
    await h.close();
    await store.close();
  });

  async function say(text: string): Promise<string> {
    const before = h.connector.posted.length;
    expect(await postActivity(h.baseUrl, channelMention(h.connector.serviceUrl, text))).toBe(200);
    return JSON.stringify(h.connector.posted.slice(before).map((activity) => cardOf(activity) ?? activity));
  }

  async function arrive(feedId: string, item: TaggedItem): Promise<void> {
    await routeNewItems(store, await store.items.insertNew(feedId, [item], clock.now()), clock.now());
  }

  async function delivered(): Promise<string[]> {
    const before = h.connector.posted.length;
    for (let pass = 0; pass < 20; pass++) {
      const stats = await dispatcher.runOnce();
      if (stats.claimed === 0) clock.advance(2_000);
      const open = (await store.outbox.list({ status: 'pending' })).length + (await store.outbox.list({ status: 'failed' })).length;
      if (open === 0 && stats.claimed === 0) break;
    }
    return h.connector.posted.slice(before).map((activity) => JSON.stringify(cardOf(activity) ?? activity));
  }

  it('a watch brings an item no subscribed topic covers; a source mute stops one a topic would bring', async () => {
    await say('subscribe ai');
    expect(await say('watch clearview -police')).toContain('Watching clearview -police');
    expect(await say('mute source bbc-technology')).toContain('Muted source bbc-technology');
    await arrive('reuters', tagged('cv', 'Clearview fined by regulator', ['biometrics']));
    await arrive('reuters', tagged('cv-police', 'Police still use Clearview', ['biometrics']));
    await arrive('bbc-technology', tagged('bbc-ai', 'BBC: AI act agreed', ['ai']));
    await arrive('reuters', tagged('reuters-ai', 'Reuters: AI act agreed', ['ai']));
    const posts = await delivered();
    expect(posts).toHaveLength(2);
    expect(posts[0]).toContain('Clearview fined by regulator');
    expect(posts[1]).toContain('Reuters: AI act agreed');
    expect(posts.join('\n')).not.toMatch(/BBC: AI act agreed|Police still use Clearview/);
    expect((await store.outbox.list({ destination: CHANNEL })).every((row) => row.destination.channelId === CHANNEL.channelId)).toBe(true);
  });

  it('quiet hours hold posts and release ONE roll-up when the window ends', async () => {
    await say('subscribe ai');
    // 09:00 UTC: quiet until 10:00.
    expect(await say('quiet 08:00-10:00 UTC')).toContain('It is quiet now');
    await arrive('reuters', tagged('q1', 'Held item one', ['ai']));
    await arrive('reuters', tagged('q2', 'Held item two', ['ai']));
    await arrive('reuters', tagged('q3', 'Held item three', ['ai']));
    expect(await delivered()).toEqual([]);
    clock.set('2026-03-02T10:00:00Z');
    const posts = await delivered();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('3 items arrived during quiet hours');
    for (const title of ['Held item one', 'Held item two', 'Held item three']) expect(posts[0]).toContain(title);
  });
});

/**
 * The main Teams scenario with the real command core, store, router and outbox dispatcher:
 * "latest ai" gets a card of AI items; "subscribe gdpr" then a new GDPR item arrives in that
 * conversation proactively, exactly once, also across a 429; a 403 pauses the subscription.
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

describe('Teams end to end with the real command core and dispatcher', () => {
  let h: Harness;
  let store: Store;
  let dispatcher: Dispatcher;
  const clock = createManualClock('2026-03-02T09:00:00Z');

  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    store = createStore(':memory:');
    await store.migrate();
    await store.feeds.syncConfig([{ id: 'edpb', url: 'https://edpb.example/feed', name: 'EDPB' }]);
    await store.items.insertNew('edpb', [tagged('ai-1', 'EDPB opinion on AI models', ['ai']), tagged('breach-1', 'Hospital breach', ['breach'])], clock.now());
    const logger = createSilentLogger();
    const commandHandler = createCommandHandler({
      store, clock, logger, topics: defaultTopics(), digestDefaults: { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' },
    });
    h = await startHarness({ handler: commandHandler, store, clock });
    dispatcher = createDispatcher({ store, ports: [h.adapter.port], clock, logger, options: { workerId: 'teams-e2e', random: () => 0.5 } });
    expect(await postActivity(h.baseUrl, botMembership(h.connector.serviceUrl, 'added'))).toBe(200);
    h.connector.posted.length = 0;
  });
  afterEach(async () => {
    await dispatcher.stop();
    await h.close();
    await store.close();
  });

  async function arrive(item: TaggedItem): Promise<void> {
    const stored = await store.items.insertNew('edpb', [item], clock.now());
    await routeNewItems(store, stored, clock.now());
  }

  async function drain(): Promise<void> {
    for (let pass = 0; pass < 20; pass++) {
      const stats = await dispatcher.runOnce();
      if (stats.claimed === 0) clock.advance(2_000);
      const open = (await store.outbox.list({ status: 'pending' })).length + (await store.outbox.list({ status: 'failed' })).length;
      if (open === 0) return;
    }
  }

  it('"latest ai" answers with a card listing the AI items only', async () => {
    expect(await postActivity(h.baseUrl, channelMention(h.connector.serviceUrl, 'latest ai'))).toBe(200);
    const card = JSON.stringify(cardOf(h.connector.posted[0]!));
    expect(card).toContain('EDPB opinion on AI models');
    expect(card).not.toContain('Hospital breach');
  });

  it('"subscribe gdpr" then a new GDPR item arrives proactively, exactly once', async () => {
    expect(await postActivity(h.baseUrl, channelMention(h.connector.serviceUrl, 'subscribe gdpr'))).toBe(200);
    expect((await store.subscriptions.get(CHANNEL))?.topics).toEqual(['gdpr']);
    h.connector.posted.length = 0;
    await arrive(tagged('gdpr-1', 'CNIL fines retailer under GDPR', ['gdpr']));
    await arrive(tagged('ai-2', 'Unrelated AI item', ['ai']));
    await drain();
    await drain();
    expect(h.connector.posted).toHaveLength(1);
    expect(h.connector.posted[0]!.conversationId).toBe(CHANNEL.channelId);
    expect(JSON.stringify(cardOf(h.connector.posted[0]!))).toContain('CNIL fines retailer under GDPR');
  });

  it('a 429 from the connector delays the delivery, which then arrives once', async () => {
    await store.subscriptions.subscribe(CHANNEL, ['gdpr'], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, clock.now());
    h.connector.script.push({ status: 429, headers: { 'retry-after': '1' } });
    await arrive(tagged('gdpr-2', 'Court rules on GDPR damages', ['gdpr']));
    await dispatcher.runOnce();
    expect(h.connector.script).toHaveLength(0); // the 429 was served
    expect(h.connector.posted).toHaveLength(0);
    await drain();
    expect(h.connector.posted).toHaveLength(1);
    expect((await store.outbox.list({ status: 'sent' })).length).toBe(1);
  });

  it('a 403 (bot removed from the team) pauses the subscription with the reason', async () => {
    await store.subscriptions.subscribe(CHANNEL, ['gdpr'], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, clock.now());
    h.connector.script.push({ status: 403 });
    await arrive(tagged('gdpr-3', 'DPA issues guidance', ['gdpr']));
    await dispatcher.runOnce();
    const subscription = await store.subscriptions.get(CHANNEL);
    expect(subscription?.status).toBe('paused');
    expect(subscription?.pausedReason).toContain('teams/forbidden');
    expect(h.connector.posted).toHaveLength(0);
  });
});

/**
 * Watches, mutes and quiet hours as a Slack user meets them: slash commands through the real
 * adapter and command core, then new items through the real router, dispatcher and Slack
 * ChatPort, checked at the fake Web API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import type { TaggedItem } from '../../src/core/types.js';
import { createDispatcher, type Dispatcher } from '../../src/delivery/dispatcher.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { commandBody, FORM, postSigned } from './slack-request.js';

function tagged(key: string, title: string, topics: string[]): TaggedItem {
  return {
    key, url: `https://news.example/${key}`, title, description: '', content: '', publishedAt: new Date('2026-01-05T08:00:00Z'),
    summary: `${title}, in short.`, topics, why: Object.fromEntries(topics.map((t) => [t, [t]])),
  };
}

describe('Slack: watches, mutes and quiet hours end to end', () => {
  let h: SlackHarness;
  let store: Store;
  let dispatcher: Dispatcher;
  const clock = createManualClock('2026-01-05T09:00:00Z');

  beforeEach(async () => {
    clock.set('2026-01-05T09:00:00Z');
    store = createStore(':memory:');
    await store.migrate();
    await store.feeds.syncConfig([
      { id: 'bbc-technology', url: 'https://bbc.example/feed', name: 'BBC Technology' },
      { id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' },
    ]);
    const logger = createSilentLogger();
    const handler = createCommandHandler({ store, clock, logger, topics: defaultTopics(), digestDefaults: { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' } });
    // The adapter checks request signatures against real time; routing and delivery use the manual clock.
    h = await startSlackHarness({ handler, store });
    dispatcher = createDispatcher({ store, ports: [h.adapter.port], clock, logger, options: { workerId: 'slack-rules', random: () => 0.5 } });
  });
  afterEach(async () => {
    await dispatcher.stop();
    await h.close();
    await store.close();
  });

  async function run(text: string, channelId = 'C1'): Promise<string> {
    const before = h.api.responses.length;
    const res = await postSigned(h.baseUrl, commandBody({ text, responseUrl: h.api.responseUrl(), channelId }), FORM);
    expect(res.status).toBe(200);
    await h.api.waitForResponses(before + 1);
    return JSON.stringify(h.api.responses[before]?.body);
  }

  async function arrive(feedId: string, item: TaggedItem): Promise<void> {
    await routeNewItems(store, await store.items.insertNew(feedId, [item], clock.now()), clock.now());
  }

  async function drain(): Promise<void> {
    for (let pass = 0; pass < 20; pass++) {
      const stats = await dispatcher.runOnce();
      if (stats.claimed === 0) clock.advance(2_000);
      const open = (await store.outbox.list({ status: 'pending' })).length + (await store.outbox.list({ status: 'failed' })).length;
      if (open === 0 && stats.claimed === 0) return;
    }
  }

  const posts = (channel = 'C1') => h.api.callsOf('chat.postMessage').filter((call) => call.params.channel === channel).map((call) => JSON.stringify(call.params));

  it('/privacy watch "clearview": a Clearview item on no subscribed topic arrives once, saying why', async () => {
    expect(await run('subscribe gdpr')).toContain('Subscribed to gdpr');
    expect(await run('watch "clearview"')).toContain('Watching clearview');
    await arrive('reuters', tagged('cv', 'Clearview AI fined again', ['biometrics']));
    await arrive('reuters', tagged('other', 'Unrelated biometrics news', ['biometrics']));
    await drain();
    const sent = posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Clearview AI fined again');
    expect(sent[0]).toContain('Watch \\"clearview\\"');
  });

  it('/privacy mute source bbc-technology: a BBC AI item does not arrive, a Reuters one on the same topic does', async () => {
    await run('subscribe ai');
    expect(await run('mute source bbc-technology')).toContain('Muted source bbc-technology');
    await arrive('bbc-technology', tagged('bbc-ai', 'BBC: AI rules agreed', ['ai']));
    await arrive('reuters', tagged('reuters-ai', 'Reuters: AI rules agreed', ['ai']));
    await drain();
    const sent = posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Reuters: AI rules agreed');
  });

  it('quiet 00:00-23:59 holds an item; quiet off releases it as one message', async () => {
    await run('subscribe ai');
    expect(await run('quiet 00:00-23:59')).toContain('It is quiet now');
    await arrive('reuters', tagged('q1', 'First held AI item', ['ai']));
    await arrive('reuters', tagged('q2', 'Second held AI item', ['ai']));
    await drain();
    expect(posts()).toEqual([]);
    expect(await run('quiet off')).toContain('The 2 held items are posted now, as one message.');
    await drain();
    const sent = posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('2 items arrived during quiet hours');
    expect(sent[0]).toContain('First held AI item');
    expect(sent[0]).toContain('Second held AI item');
  });

  it('bad input replies with the problem and an example, and changes nothing', async () => {
    for (const [text, problem] of [
      ['watch', 'Say what to watch for'],
      ['watch \\"facial recognition', 'is never closed'],
      ['quiet 25:00-07:00', '\\"25:00\\" is not a time'],
    ] as const) {
      const reply = await run(text.replace(/\\"/g, '"'));
      expect(reply).toContain(problem);
      expect(reply).toContain('Example:');
    }
    expect(await store.watches.list({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).toEqual([]);
    expect(await store.subscriptions.get({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).toBeNull();
  });
});

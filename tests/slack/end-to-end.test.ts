import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { systemClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { commandBody, FORM, postSigned } from './slack-request.js';

const schedule = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };

describe('Slack adapter with the real command core and store', () => {
  let h: SlackHarness;
  let store: Store;
  beforeEach(async () => {
    store = createStore(':memory:');
    await store.migrate();
    await store.feeds.syncConfig([{ id: 'news', url: 'https://news.example/feed', name: 'News <!here>' }]);
    await store.items.insertNew(
      'news',
      [
        {
          key: 'evil',
          url: 'https://news.example/evil',
          title: 'AI vendor <!channel> leaks data of <@U123>',
          description: '',
          content: '',
          publishedAt: new Date(),
          summary: 'Ping <!everyone> & <https://evil.example|click here>',
          topics: ['ai'],
          why: { ai: ['ai'] },
        },
      ],
      new Date(),
    );
    const commandHandler = createCommandHandler({ store, clock: systemClock, logger: createSilentLogger(), topics: defaultTopics(), digestDefaults: schedule });
    h = await startSlackHarness({ handler: commandHandler, store });
  });
  afterEach(async () => {
    await h.close();
    await store.close();
  });

  async function run(text: string): Promise<string> {
    const before = h.api.responses.length;
    const res = await postSigned(h.baseUrl, commandBody({ text, responseUrl: h.api.responseUrl() }), FORM);
    expect(res.status).toBe(200);
    await h.api.waitForResponses(before + 1);
    return JSON.stringify(h.api.responses[before]?.body);
  }

  it('/privacy latest ai shows the stored item, escaped: a malicious headline pings nobody', async () => {
    const reply = await run('latest ai');
    expect(reply).toContain('AI vendor &lt;!channel&gt; leaks data of &lt;@U123&gt;');
    expect(reply).not.toMatch(/<!channel>|<@U123>|<!everyone>|<!here>|<https:\/\/evil/);
    expect(reply).toContain('"response_type":"ephemeral"');
  });

  it('/privacy subscribe ai then subscriptions: the channel is stored and listed', async () => {
    await run('subscribe ai');
    const subs = await store.subscriptions.list();
    expect(subs.map((s) => s.destination)).toEqual([{ platform: 'slack', workspaceId: 'T1', channelId: 'C1' }]);
    expect(await run('subscriptions')).toContain('ai');
  });

  it('unknown input gets help, and a near-miss topic gets a suggestion', async () => {
    expect(await run('gpdr')).toContain('I don\'t know the command');
    expect(await run('latest gpdr')).toContain('gdpr');
  });
});

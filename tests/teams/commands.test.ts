import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardOf } from './fake-connector.js';
import { channelMention, createRecordingHandler, messageActivity, postActivity, startHarness, type Harness } from './harness.js';

const COMMANDS = ['latest ai', 'search biometric', 'subscribe gdpr', 'unsubscribe gdpr', 'subscriptions', 'topics', 'digest preview', 'feeds', 'why 42', 'help'];

describe('Teams commands (local development mode, fake connector)', () => {
  let h: Harness;
  let handler: ReturnType<typeof createRecordingHandler>;
  beforeEach(async () => {
    handler = createRecordingHandler();
    h = await startHarness({ handler });
  });
  afterEach(async () => h.close());

  it.each(COMMANDS)('"%s" in a personal chat reaches the handler and a card comes back', async (command) => {
    const activity = messageActivity(h.connector.serviceUrl, command);
    expect(await postActivity(h.baseUrl, activity)).toBe(200);
    expect(handler.calls).toEqual([
      {
        text: command,
        context: { destination: { platform: 'teams', workspaceId: 'tenant-1', channelId: 'a:personal-conv-1' }, userId: 'aad-user-1', canManage: true },
      },
    ]);
    expect(h.connector.posted).toHaveLength(1);
    const posted = h.connector.posted[0]!;
    expect(posted.conversationId).toBe('a:personal-conv-1');
    expect(posted.authorization).toBeNull(); // local development: no token leaves the process
    expect(posted.body.summary).toBe(`ran ${command}`);
    const card = cardOf(posted);
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card.body)).toContain(`Result for ${command}`);
  });

  it('strips the @mention in a channel, replies in the thread, and keys the destination by channel', async () => {
    const activity = channelMention(h.connector.serviceUrl, 'latest ai 3');
    expect(await postActivity(h.baseUrl, activity)).toBe(200);
    expect(handler.calls.map((c) => c.text)).toEqual(['latest ai 3']);
    expect(handler.calls[0]!.context.destination.channelId).toBe('19:general@thread.tacv2');
    expect(h.connector.posted[0]!.replyToId).toBe(activity.id);
    expect(h.connector.posted[0]!.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
  });

  it('handles a real-shaped Teams channel payload (HTML entities, clientInfo entity, thread id)', async () => {
    const raw = readFileSync(new URL('./fixtures/channel-message.json', import.meta.url), 'utf8');
    const activity = JSON.parse(raw.replace('SERVICE_URL', h.connector.serviceUrl)) as Record<string, unknown>;
    expect(await postActivity(h.baseUrl, activity)).toBe(200);
    expect(handler.calls.map((c) => [c.text, c.context.destination])).toEqual([
      ['latest ai', { platform: 'teams', workspaceId: '72f988bf-0000-4000-8000-000000000002', channelId: '19:2f3a@thread.tacv2' }],
    ]);
    expect(h.connector.posted[0]).toMatchObject({ conversationId: '19:2f3a@thread.tacv2;messageid=1772442000123', replyToId: '1772442000123' });
  });

  it('ignores channel messages that do not mention the bot', async () => {
    const activity = messageActivity(h.connector.serviceUrl, 'latest ai', {
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    });
    expect(await postActivity(h.baseUrl, activity)).toBe(200);
    expect(handler.calls).toHaveLength(0);
    expect(h.connector.posted).toHaveLength(0);
  });

  it('accepts Slack habits ("/privacy latest") and turns an empty message into help', async () => {
    await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, '/privacy latest'));
    await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, '   '));
    expect(handler.calls.map((c) => c.text)).toEqual(['latest', 'help']);
  });

  it('answers a handler fault with an error card, not a stack trace', async () => {
    await h.close();
    h = await startHarness({ handler: { handle: async () => Promise.reject(new Error('db down at /srv/x.ts:12')) } });
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'latest'))).toBe(200);
    const text = JSON.stringify(cardOf(h.connector.posted[0]!));
    expect(text).toContain('Something went wrong');
    expect(text).not.toContain('db down');
  });

  it('rejects a body that is not an activity with 400', async () => {
    expect(await postActivity(h.baseUrl, { hello: 'world' })).toBe(400);
    expect(handler.calls).toHaveLength(0);
  });
});

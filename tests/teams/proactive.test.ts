import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../src/index.js';
import { parseRetryAfter } from '../../adapters/teams/send-activity.js';
import { cardOf } from './fake-connector.js';
import { botMembership, createRecordingHandler, postActivity, startHarness, type Harness } from './harness.js';

const CHANNEL: Destination = { platform: 'teams', workspaceId: 'tenant-1', channelId: '19:general@thread.tacv2' };
const DEFAULTS = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };
const ITEM = { text: 'New GDPR fine', title: 'New item', items: [{ title: 'CNIL fines X', url: 'https://example.org/cnil', summary: 'S', source: 'CNIL', publishedAt: null, topics: ['gdpr'] }] };

describe('Teams installation and proactive delivery', () => {
  let h: Harness;
  let handler: ReturnType<typeof createRecordingHandler>;
  beforeEach(async () => {
    handler = createRecordingHandler();
    h = await startHarness({ handler });
  });
  afterEach(async () => h.close());

  async function install(): Promise<void> {
    expect(await postActivity(h.baseUrl, botMembership(h.connector.serviceUrl, 'added'))).toBe(200);
    h.connector.posted.length = 0;
  }

  it('bot added: stores the reference and posts a welcome with help', async () => {
    expect(await postActivity(h.baseUrl, botMembership(h.connector.serviceUrl, 'added'))).toBe(200);
    expect(await h.store.installations.get('teams', CHANNEL.channelId)).toMatchObject({
      serviceUrl: h.connector.serviceUrl,
      conversationId: CHANNEL.channelId,
      tenantId: 'tenant-1',
      trust: 'loopback',
    });
    expect(handler.calls.map((c) => c.text)).toEqual(['help']);
    expect(h.connector.posted).toHaveLength(1);
    expect(JSON.stringify(cardOf(h.connector.posted[0]!))).toContain('Privacy Radar is ready');
  });

  it('bot removed: purges the reference and the subscription of that conversation', async () => {
    await install();
    await h.store.subscriptions.subscribe(CHANNEL, ['gdpr'], DEFAULTS, h.clock.now());
    expect(await postActivity(h.baseUrl, botMembership(h.connector.serviceUrl, 'removed'))).toBe(200);
    expect(await h.store.installations.get('teams', CHANNEL.channelId)).toBeNull();
    expect(await h.store.subscriptions.get(CHANNEL)).toBeNull();
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toMatchObject({ kind: 'gone' });
    expect(h.connector.posted).toHaveLength(0);
  });

  it('installationUpdate remove also purges', async () => {
    await install();
    const update = { ...botMembership(h.connector.serviceUrl, 'added'), type: 'installationUpdate', action: 'remove', membersAdded: undefined };
    expect(await postActivity(h.baseUrl, update)).toBe(200);
    expect(await h.store.installations.get('teams', CHANNEL.channelId)).toBeNull();
  });

  it('sends proactively through the stored reference and returns the activity id', async () => {
    await install();
    const result = await h.adapter.port.send(CHANNEL, ITEM);
    expect(result).toEqual({ kind: 'sent', messageRef: 'activity-2' });
    expect(h.connector.posted[0]).toMatchObject({ conversationId: CHANNEL.channelId, replyToId: null });
    expect(h.connector.posted[0]!.body).toMatchObject({ type: 'message', channelId: 'msteams', from: { id: '28:bot-app-id' }, conversation: { id: CHANNEL.channelId } });
    expect(JSON.stringify(cardOf(h.connector.posted[0]!))).toContain('CNIL fines X');
  });

  it('replies in the thread when replyTo is given', async () => {
    await install();
    await h.adapter.port.send(CHANNEL, ITEM, { replyTo: 'activity-1' });
    expect(h.connector.posted[0]).toMatchObject({ conversationId: CHANNEL.channelId, replyToId: 'activity-1' });
    expect(h.connector.posted[0]!.body.replyToId).toBe('activity-1');
  });

  it('429 with Retry-After becomes rate_limited, then the next attempt succeeds', async () => {
    await install();
    h.connector.script.push({ status: 429, headers: { 'retry-after': '7' } });
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(h.connector.posted).toHaveLength(0);
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toMatchObject({ kind: 'sent' });
    expect(h.connector.posted).toHaveLength(1);
  });

  it.each([412, 502, 504])('%i becomes a transient failure', async (status) => {
    await install();
    h.connector.script.push({ status });
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toEqual({ kind: 'transient', retryAfterMs: 1000, error: `teams/http-${status}` });
  });

  it.each([400, 413])('%i means the card itself was refused (invalid_payload)', async (status) => {
    await install();
    h.connector.script.push({ status });
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toEqual({ kind: 'invalid_payload', reason: `teams/http-${status}` });
  });

  it.each([403, 404])('%i means the conversation is gone (subscription gets paused by the dispatcher)', async (status) => {
    await install();
    h.connector.script.push({ status });
    const result = await h.adapter.port.send(CHANNEL, ITEM);
    expect(result.kind).toBe('gone');
  });

  it('401 from the connector means the credentials were revoked', async () => {
    await install();
    h.connector.script.push({ status: 401 });
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toEqual({ kind: 'auth_revoked', reason: 'teams/connector-unauthorized' });
  });

  it('a conversation the bot was never added to is gone, nothing is posted', async () => {
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toMatchObject({ kind: 'gone' });
    expect(h.connector.posted).toHaveLength(0);
  });

  it('a stored reference pointing off loopback is never used in local development mode', async () => {
    await h.store.installations.save('teams', CHANNEL.channelId, 'tenant-1', {
      version: 1, serviceUrl: 'https://attacker.example/', channelId: 'msteams', conversationId: CHANNEL.channelId,
      conversationType: 'channel', tenantId: 'tenant-1', botId: 'b', trust: 'loopback',
    }, h.clock.now());
    expect(await h.adapter.port.send(CHANNEL, ITEM)).toEqual({ kind: 'gone', reason: 'teams/untrusted-service-url' });
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

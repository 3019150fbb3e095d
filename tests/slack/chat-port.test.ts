import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import type { ChatMessage, Destination } from '../../src/index.js';

const dest: Destination = { platform: 'slack', workspaceId: 'T1', channelId: 'C9' };
const message: ChatMessage = {
  text: 'New: <!channel> fined',
  kind: 'item',
  items: [{ title: '<!channel> fined', url: 'https://n.example/1', summary: 's', source: 'src', publishedAt: null, topics: ['ai'] }],
};

describe('Slack ChatPort.send', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => h.close());

  it('posts with the bot token, escaped text, blocks and unfurling off; returns ts', async () => {
    const result = await h.adapter.port.send(dest, message);
    expect(result).toEqual({ kind: 'sent', messageRef: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = h.api.callsOf('chat.postMessage');
    expect(call?.token).toBe('xoxb-test');
    expect(call?.params).toMatchObject({ channel: 'C9', text: 'New: &lt;!channel&gt; fined', unfurl_links: 'false', unfurl_media: 'false' });
    expect(call?.params).not.toHaveProperty('link_names');
    expect(call?.params).not.toHaveProperty('parse');
    expect(call?.params).not.toHaveProperty('thread_ts');
    expect(Array.isArray(call?.params.blocks)).toBe(true);
  });

  it('replies in a thread when replyTo is given', async () => {
    await h.adapter.port.send(dest, message, { replyTo: '123.456' });
    expect(h.api.callsOf('chat.postMessage')[0]?.params.thread_ts).toBe('123.456');
  });

  it('turns a 429 into rate_limited after Retry-After, without retrying or pausing other channels', async () => {
    h.api.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }, 'C9');
    const started = Date.now();
    const [limited, other] = await Promise.all([
      h.adapter.port.send(dest, message),
      h.adapter.port.send({ ...dest, channelId: 'C10' }, message),
    ]);
    expect(limited).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(other.kind).toBe('sent');
    expect(Date.now() - started).toBeLessThan(2000); // the client did not sleep 7 s
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(2); // and did not retry on its own
  });

  it.each([500, 502, 503])('turns HTTP %i into a transient failure, once (no client retries)', async (status) => {
    h.api.queue('chat.postMessage', { status, body: 'upstream trouble' });
    const result = await h.adapter.port.send(dest, message);
    expect(result).toMatchObject({ kind: 'transient', error: `slack/http-${status}` });
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it.each(['channel_not_found', 'is_archived', 'not_in_channel'])('maps %s to gone', async (code) => {
    h.api.queue('chat.postMessage', { body: { ok: false, error: code } });
    expect(await h.adapter.port.send(dest, message)).toEqual({ kind: 'gone', reason: code });
  });

  it.each(['invalid_auth', 'account_inactive', 'token_revoked'])('maps %s to auth_revoked', async (code) => {
    h.api.queue('chat.postMessage', { body: { ok: false, error: code } });
    expect(await h.adapter.port.send(dest, message)).toEqual({ kind: 'auth_revoked', reason: code });
  });

  it('maps a refused message to invalid_payload and an unknown code to transient (nothing dropped silently)', async () => {
    h.api.queue('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    expect(await h.adapter.port.send(dest, message)).toEqual({ kind: 'invalid_payload', reason: 'slack/invalid_blocks' });
    h.api.queue('chat.postMessage', { body: { ok: false, error: 'brand_new_error' } });
    expect(await h.adapter.port.send(dest, message)).toMatchObject({ kind: 'transient', error: 'slack/brand_new_error' });
  });

  it('turns a network failure into a transient failure', async () => {
    await h.api.close();
    expect(await h.adapter.port.send(dest, message)).toMatchObject({ kind: 'transient', error: 'slack/network' });
  });
});

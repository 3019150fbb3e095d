import { describe, expect, it } from 'vitest';
import type { RecordingHandler } from './recording-handler.js';
import { useSlackHarness, type SlackHarness } from './slack-harness.js';
import { commandBody, FORM, postSigned } from './slack-request.js';

describe('slash commands over signed HTTP', () => {
  let h: SlackHarness;
  let handler: RecordingHandler;
  useSlackHarness((started) => ({ h, handler } = started));

  const COMMANDS = [
    'latest',
    'latest ai 10',
    'latest ai public',
    'search biometric surveillance',
    'subscribe gdpr breach',
    'unsubscribe all',
    'subscriptions',
    'topics',
    'digest weekly mon 09:00 Europe/Berlin',
    'feeds',
    'why https://example.org/a',
    'help',
    'gpdr',
    '',
  ];

  it.each(COMMANDS)('"/privacy %s" reaches the handler and the reply arrives at response_url', async (text) => {
    const responseUrl = h.api.responseUrl(`cmd-${text}`);
    const res = await postSigned(h.baseUrl, commandBody({ text, responseUrl, channelId: 'C42', userId: 'U7' }), FORM);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(''); // empty ack: nothing visible until the answer
    await h.api.waitForResponses(1);
    expect(handler.calls).toHaveLength(1);
    expect(handler.calls[0]).toEqual({
      text,
      context: { destination: { platform: 'slack', workspaceId: 'T1', channelId: 'C42' }, userId: 'U7', canManage: true },
    });
    const reply = h.api.responses[0];
    expect(reply?.id).toBe(`cmd-${text}`);
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', text: `echo: ${text}`.trim(), unfurl_links: false, unfurl_media: false });
    expect(JSON.stringify(reply?.body)).not.toMatch(/link_names|"parse"/);
  });

  it('decodes Slack\'s escaping of the command text before the core sees it', async () => {
    await postSigned(h.baseUrl, commandBody({ text: 'search AT&amp;T <https://a.example/x|a.example/x>', responseUrl: h.api.responseUrl() }), FORM);
    await h.api.waitForResponses(1);
    expect(handler.calls[0]?.text).toBe('search AT&T https://a.example/x');
  });

  it('posts public replies in_channel', async () => {
    handler.reply = () => ({ text: 'Latest on AI', visibility: 'public' });
    await postSigned(h.baseUrl, commandBody({ text: 'latest ai public', responseUrl: h.api.responseUrl() }), FORM);
    await h.api.waitForResponses(1);
    expect(h.api.responses[0]?.body.response_type).toBe('in_channel');
  });

  it('acks before a slow handler finishes, then answers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    handler.reply = async () => {
      await gate;
      return { text: 'done' };
    };
    const res = await postSigned(h.baseUrl, commandBody({ text: 'latest', responseUrl: h.api.responseUrl() }), FORM);
    expect(res.status).toBe(200);
    expect(h.api.responses).toHaveLength(0); // ack arrived while the handler was still blocked
    release();
    await h.api.waitForResponses(1);
    expect(h.api.responses[0]?.body.text).toBe('done');
  });

  it('answers with an apology, not a stack trace, when the core throws', async () => {
    handler.reply = () => {
      throw new Error('database exploded at /secret/path.ts:12');
    };
    await postSigned(h.baseUrl, commandBody({ text: 'latest', responseUrl: h.api.responseUrl() }), FORM);
    await h.api.waitForResponses(1);
    const body = JSON.stringify(h.api.responses[0]?.body);
    expect(body).toContain('something went wrong');
    expect(body).not.toContain('exploded');
    expect(body).not.toContain('/secret/');
  });
});

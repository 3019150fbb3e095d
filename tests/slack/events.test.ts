import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingHandler } from './recording-handler.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { actionBody, commandBody, eventBody, FORM, JSON_TYPE, postSigned } from './slack-request.js';
import type { Destination } from '../../src/index.js';

const schedule = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };
const channel = (workspaceId: string, channelId: string): Destination => ({ platform: 'slack', workspaceId, channelId });

describe('Slack events and interactivity', () => {
  let h: SlackHarness;
  afterEach(async () => h.close());

  it.each(['app_uninstalled', 'tokens_revoked'])('%s purges that workspace only (tokens, subscriptions, outbox)', async (type) => {
    h = await startSlackHarness();
    const now = new Date();
    await h.store.installations.save('slack', 'T1', 'T1', { bot: { token: 'xoxb-old' } }, now);
    await h.store.subscriptions.subscribe(channel('T1', 'C1'), ['ai'], schedule, now);
    await h.store.subscriptions.subscribe(channel('T2', 'C2'), ['gdpr'], schedule, now);
    await h.store.outbox.enqueue([{ dedupKey: 'k1', destination: channel('T1', 'C1'), kind: 'item', payload: { itemId: 1 } }], now);
    const event = type === 'tokens_revoked' ? { type, tokens: { bot: ['UBOT'] } } : { type };
    const res = await postSigned(h.baseUrl, eventBody(event, 'T1'), JSON_TYPE);
    expect(res.status).toBe(200);
    await expect.poll(async () => (await h.store.subscriptions.list()).length).toBe(1);
    expect((await h.store.subscriptions.list())[0]?.destination.workspaceId).toBe('T2');
    expect(await h.store.installations.get('slack', 'T1')).toBeNull();
    expect(await h.store.outbox.list({ destination: channel('T1', 'C1') })).toHaveLength(0);
  });

  it('publishes an App Home with the topics and this workspace\'s channels', async () => {
    const handler = createRecordingHandler();
    handler.reply = () => ({ text: 'Topics', title: 'Topics', lines: ['ai: Artificial intelligence', 'gdpr: GDPR'] });
    h = await startSlackHarness({ handler });
    const now = new Date();
    await h.store.subscriptions.subscribe(channel('T1', 'C1'), ['ai', 'gdpr'], schedule, now);
    await h.store.subscriptions.subscribe(channel('T2', 'COTHER'), ['breach'], schedule, now);
    await h.store.subscriptions.pause(channel('T1', 'C1'), 'not_in_channel');
    await postSigned(h.baseUrl, eventBody({ type: 'app_home_opened', user: 'U5', channel: 'D5', tab: 'home' }), JSON_TYPE);
    await h.api.waitForCalls('views.publish', 1);
    const [call] = h.api.callsOf('views.publish');
    expect(call?.token).toBe('xoxb-test');
    expect(call?.params.user_id).toBe('U5');
    const view = JSON.stringify(call?.params.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain('<#C1>*: ai, gdpr');
    expect(view).toContain('Deliveries paused: not_in_channel');
    expect(view).toContain('"action_id":"home_edit_channel","text":{"type":"plain_text","text":"Edit"},"value":"C1"');
    expect(view).not.toContain('COTHER');
    expect(view).toContain('gdpr: GDPR');
    expect(handler.calls[0]?.text).toBe('topics');
  });

  it('runs a command button through the handler and answers at its response_url', async () => {
    const handler = createRecordingHandler();
    h = await startSlackHarness({ handler });
    const responseUrl = h.api.responseUrl('button');
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'x' },
      user: { id: 'U3', team_id: 'T1' },
      channel: { id: 'C7', name: 'privacy' },
      api_app_id: 'A1',
      token: 'x',
      response_url: responseUrl,
      trigger_id: '1',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C7', is_ephemeral: true },
      actions: [{ type: 'button', action_id: 'privacy_command_0', block_id: 'b', value: 'latest ai 10', action_ts: '1.3', text: { type: 'plain_text', text: 'More' } }],
    };
    const res = await postSigned(h.baseUrl, actionBody(payload), FORM);
    expect(res.status).toBe(200);
    await h.api.waitForResponses(1);
    expect(handler.calls[0]).toMatchObject({ text: 'latest ai 10', context: { destination: channel('T1', 'C7'), userId: 'U3' } });
    expect(h.api.responses[0]).toMatchObject({ id: 'button', body: { response_type: 'ephemeral', replace_original: false } });
  });

  describe('SLACK_ADMIN_ONLY', () => {
    async function ask(text: string, userId: string) {
      const handler = createRecordingHandler();
      h = await startSlackHarness({ handler, env: { adminOnly: true } });
      h.api.on('users.info', (call) => ({ body: { ok: true, user: { id: call.params.user, is_admin: call.params.user === 'UADMIN', is_owner: call.params.user === 'UOWNER' } } }));
      await postSigned(h.baseUrl, commandBody({ text, userId, responseUrl: h.api.responseUrl() }), FORM);
      await h.api.waitForResponses(1);
      return handler.calls[0]?.context.canManage;
    }

    it.each([
      ['UADMIN', true],
      ['UOWNER', true],
      ['UMEMBER', false],
    ])('subscribe by %s: canManage %s (users.info)', async (userId, expected) => {
      expect(await ask('subscribe ai', userId)).toBe(expected);
      expect(h.api.callsOf('users.info')).toHaveLength(1);
    });

    it('read-only commands cost no users.info call', async () => {
      expect(await ask('latest ai', 'UADMIN')).toBe(false);
      expect(h.api.callsOf('users.info')).toHaveLength(0);
    });

    it('fails closed when users.info is refused (scope missing)', async () => {
      const handler = createRecordingHandler();
      h = await startSlackHarness({ handler, env: { adminOnly: true } });
      h.api.on('users.info', () => ({ body: { ok: false, error: 'missing_scope' } }));
      await postSigned(h.baseUrl, commandBody({ text: 'subscribe ai', userId: 'UADMIN', responseUrl: h.api.responseUrl() }), FORM);
      await h.api.waitForResponses(1);
      expect(handler.calls[0]?.context.canManage).toBe(false);
    });
  });
});

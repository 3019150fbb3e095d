import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { createRecordingHandler, type RecordingHandler } from './recording-handler.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { commandBody, FORM, postSigned } from './slack-request.js';

const OAUTH_ENV = { botToken: undefined, clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-long-enough' };

describe('multi-workspace OAuth install', () => {
  let h: SlackHarness;
  let handler: RecordingHandler;
  beforeEach(async () => {
    handler = createRecordingHandler();
    h = await startSlackHarness({
      handler,
      env: OAUTH_ENV,
      fake: { tokens: { 'xoxb-installed': { teamId: 'T9', botId: 'B9', userId: 'UBOT9' } } },
    });
    h.api.on('oauth.v2.access', (call) =>
      call.params.code === 'good-code'
        ? {
            body: {
              ok: true,
              app_id: 'A1',
              authed_user: { id: 'UINSTALLER' },
              scope: 'commands,chat:write',
              token_type: 'bot',
              access_token: 'xoxb-installed',
              bot_user_id: 'UBOT9',
              team: { id: 'T9', name: 'Nine' },
              enterprise: null,
              is_enterprise_install: false,
            },
          }
        : { body: { ok: false, error: 'invalid_code' } },
    );
  });
  afterEach(async () => h.close());

  async function beginInstall(): Promise<{ state: string; cookie: string; location: URL }> {
    const res = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { state: location.searchParams.get('state') ?? '', cookie, location };
  }

  it('round trip: install redirect, oauth.v2.access on the fake API, installation stored, commands and sends use it', async () => {
    const { state, cookie, location } = await beginInstall();
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')).toBe('commands,chat:write');
    expect(state).not.toBe('');

    const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=good-code&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(callback.status).toBe(200);
    const access = h.api.callsOf('oauth.v2.access');
    expect(access).toHaveLength(1);
    expect(access[0]?.params).toMatchObject({ code: 'good-code', client_id: '111.222', client_secret: 'client-secret' });
    const stored = (await h.store.installations.get('slack', 'T9')) as { bot?: { token?: string } } | null;
    expect(stored?.bot?.token).toBe('xoxb-installed');

    await postSigned(h.baseUrl, commandBody({ text: 'help', teamId: 'T9', responseUrl: h.api.responseUrl() }), FORM);
    await h.api.waitForResponses(1);
    expect(handler.calls[0]?.context.destination).toEqual({ platform: 'slack', workspaceId: 'T9', channelId: 'C1' });

    const sent = await h.adapter.port.send({ platform: 'slack', workspaceId: 'T9', channelId: 'C1' }, { text: 'hello' });
    expect(sent.kind).toBe('sent');
    expect(h.api.callsOf('chat.postMessage')[0]?.token).toBe('xoxb-installed');
  });

  it('refuses a callback whose state does not match the browser cookie; nothing is stored', async () => {
    const { state } = await beginInstall();
    const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=good-code&state=${encodeURIComponent(state)}`);
    expect(callback.status).not.toBe(200);
    expect(h.api.callsOf('oauth.v2.access')).toHaveLength(0);
    expect(await h.store.installations.get('slack', 'T9')).toBeNull();
  });

  it('a workspace without an installation cannot be sent to, and its commands are refused', async () => {
    expect(await h.adapter.port.send({ platform: 'slack', workspaceId: 'TNONE', channelId: 'C1' }, { text: 'x' })).toEqual({
      kind: 'auth_revoked',
      reason: 'no_installation',
    });
    const res = await postSigned(h.baseUrl, commandBody({ text: 'help', teamId: 'TNONE', responseUrl: h.api.responseUrl() }), FORM);
    expect(res.status).toBe(200); // acked (Slack would otherwise retry) but never handled
    expect(handler.calls).toHaveLength(0);
  });

  it('with ENCRYPTION_KEY the stored bot token is not readable in the database file', async () => {
    await h.close();
    const dir = mkdtempSync(join(tmpdir(), 'slack-oauth-'));
    const file = join(dir, 'bot.db');
    const store = createStore(file, { encryptionKey: 'a'.repeat(64) });
    await store.migrate();
    try {
      h = await startSlackHarness({ handler, env: OAUTH_ENV, store, fake: { tokens: { 'xoxb-installed': { teamId: 'T9', botId: 'B9', userId: 'UBOT9' } } } });
      h.api.on('oauth.v2.access', () => ({
        body: { ok: true, app_id: 'A1', authed_user: { id: 'U1' }, scope: 'commands,chat:write', token_type: 'bot', access_token: 'xoxb-installed', bot_user_id: 'UBOT9', team: { id: 'T9', name: 'Nine' }, is_enterprise_install: false },
      }));
      const { state, cookie } = await beginInstall();
      expect((await fetch(`${h.baseUrl}/slack/oauth_redirect?code=c&state=${encodeURIComponent(state)}`, { headers: { cookie } })).status).toBe(200);
      expect(((await store.installations.get('slack', 'T9')) as { bot?: { token?: string } }).bot?.token).toBe('xoxb-installed');
      await h.close();
      await store.close();
      const bytes = ['', '-wal'].map((suffix) => { try { return readFileSync(file + suffix).toString('latin1'); } catch { return ''; } }).join('');
      expect(bytes).not.toContain('xoxb-installed');
      h = await startSlackHarness(); // afterEach closes a harness
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

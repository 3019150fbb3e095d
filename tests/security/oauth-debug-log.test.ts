/**
 * With LOG_LEVEL=debug, Slack's Web API client logs every request body, including the
 * oauth.v2.access call that carries the client secret and the one-time OAuth code. The real OAuth
 * redirect flow runs against the fake Slack API with a debug logger writing into a buffer; no
 * secret, code or token may appear in what was written.
 */
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';

const CLIENT_SECRET = 'client-secret-7f3a9e1d';
const CODE = 'oauth-code-5b1c2d44';
const BOT_TOKEN = 'xoxb-installed-0c0ffee';
const REFRESH = 'xoxe-1-refresh-9a8b7c';

let h: SlackHarness | undefined;
afterEach(async () => h?.close());

function captureLogger(level: string) {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ level, destination: sink }), text: () => text };
}

it.each(['debug', 'trace'])('LOG_LEVEL=%s: the OAuth redirect flow logs no client secret, code or token', async (level) => {
  const capture = captureLogger(level);
  h = await startSlackHarness({
    logger: capture.logger,
    env: { botToken: undefined, clientId: '111.222', clientSecret: CLIENT_SECRET, stateSecret: 'state-secret-long-enough' },
    fake: { tokens: { [BOT_TOKEN]: { teamId: 'T9', botId: 'B9', userId: 'UBOT9' } } },
  });
  h.api.on('oauth.v2.access', (call) =>
    call.params.code === CODE && call.params.client_secret === CLIENT_SECRET
      ? {
          body: {
            ok: true, app_id: 'A1', authed_user: { id: 'UINSTALLER' }, scope: 'commands,chat:write', token_type: 'bot',
            access_token: BOT_TOKEN, refresh_token: REFRESH, expires_in: 43200, bot_user_id: 'UBOT9', team: { id: 'T9', name: 'Nine' }, is_enterprise_install: false,
          },
        }
      : { body: { ok: false, error: 'invalid_code' } },
  );
  const install = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
  const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${CODE}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  expect(callback.status).toBe(200);
  expect(h.api.callsOf('oauth.v2.access')).toHaveLength(1);
  // A failing exchange is logged at error level: it must not carry the code either.
  await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${CODE}-again&state=${encodeURIComponent(state)}`, { headers: { cookie } });

  const written = capture.text();
  expect(written).toContain('oauth.v2.access'); // the debug request log was written (and redacted)
  for (const secret of [CLIENT_SECRET, CODE, BOT_TOKEN, REFRESH, state.slice(0, 40)]) expect(written).not.toContain(secret);
});

it('every level scrubs secret text, and keeps ordinary codes such as err.code', () => {
  const capture = captureLogger('info');
  const failure = Object.assign(new Error('oauth failed for https://x.example/cb?code=abc123&state=st456'), { code: 'SQLITE_CORRUPT' });
  capture.logger.error({ err: failure }, 'exchange failed: {"client_secret":"s3cr3t"} with xoxb-123-456-abc');
  capture.logger.warn({ headers: { authorization: 'Bearer eyJabc.def' } }, 'sent Authorization: Bearer eyJabc.def');
  capture.logger.fatal({ detail: { refresh_token: 'xoxe-1-zz', clientSecret: 'cs' } }, 'refresh');
  const written = capture.text();
  for (const secret of ['abc123', 'st456', 's3cr3t', 'xoxb-123', 'eyJabc', 'xoxe-1-zz', '"cs"']) expect(written).not.toContain(secret);
  expect(written).toContain('"code":"SQLITE_CORRUPT"');
  expect(written.split('\n').filter(Boolean)).toHaveLength(3);
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { startFakeIdentity, type FakeIdentity } from './fake-identity.js';
import { createRecordingHandler, createRecordingLogger, credentialsEnv, messageActivity, postActivity, startHarness, type Harness } from './harness.js';

const APP_ID = '00000000-aaaa-bbbb-cccc-000000000001';

describe('Teams /api/messages with credentials: Bot Framework JWT required', () => {
  let h: Harness;
  let idp: FakeIdentity;
  let handler: ReturnType<typeof createRecordingHandler>;
  let activity: Record<string, unknown>;
  const clock = createManualClock('2026-03-02T09:00:00Z');

  let logs: ReturnType<typeof createRecordingLogger>;

  beforeAll(async () => {
    idp = await startFakeIdentity(() => clock.now());
  });
  afterAll(async () => idp.close());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    idp.tokenStatus = 200;
    idp.tokenRequests.length = 0;
    idp.requests.length = 0;
    handler = createRecordingHandler();
    logs = createRecordingLogger();
    h = await startHarness({
      handler,
      clock,
      logger: logs.logger,
      env: credentialsEnv(idp, APP_ID),
    });
    activity = messageActivity(h.connector.serviceUrl, 'latest ai');
  });
  afterEach(async () => h.close());

  const claims = () => ({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: h.connector.serviceUrl });

  async function expectRefused(authorization: string | undefined, reason?: string): Promise<void> {
    expect(await postActivity(h.baseUrl, activity, authorization)).toBe(401);
    if (reason) expect(logs.lines.map((l) => l.reason)).toContain(reason);
    expect(handler.calls).toHaveLength(0);
    expect(h.connector.posted).toHaveLength(0);
    expect(await h.store.installations.get('teams', 'a:personal-conv-1')).toBeNull();
  }

  it('accepts a valid token, replies with the bot token from the token endpoint', async () => {
    expect(await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims())}`)).toBe(200);
    expect(handler.calls.map((c) => c.text)).toEqual(['latest ai']);
    expect(h.connector.posted[0]!.authorization).toBe('Bearer bot-token-1');
    expect(idp.tokenRequests[0]).toMatchObject({ grant_type: 'client_credentials', client_id: APP_ID, scope: 'https://api.botframework.com/.default' });
    expect(idp.requests).toContain('GET /v1/.well-known/openidconfiguration');
    expect(await h.store.installations.get('teams', 'a:personal-conv-1')).toMatchObject({ trust: 'jwt' });
  });

  it('caches the bot token across replies', async () => {
    await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims())}`);
    await postActivity(h.baseUrl, { ...activity, id: 'msg-again' }, `Bearer ${await idp.sign(claims())}`);
    expect(h.connector.posted).toHaveLength(2);
    expect(idp.tokenRequests).toHaveLength(1);
  });

  it('looks for new signing keys on an unknown key id, at most once per 5 minutes', async () => {
    const metadataFetches = () => idp.requests.filter((r) => r.includes('openidconfiguration')).length;
    const before = metadataFetches();
    await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims())}`);
    expect(metadataFetches()).toBe(before + 1);
    expect(await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims(), { key: 'unknown' })}`)).toBe(401);
    expect(logs.lines.map((l) => l.reason)).toContain('unknown signing key');
    expect(metadataFetches()).toBe(before + 1);
    clock.advance(6 * 60 * 1000);
    expect(await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims(), { key: 'unknown' })}`)).toBe(401);
    expect(metadataFetches()).toBe(before + 2);
  });

  it('with TEAMS_ALLOWED_TENANTS set, a valid token from another tenant gets 403 and changes nothing', async () => {
    await h.close();
    h = await startHarness({
      handler,
      clock,
      env: credentialsEnv(idp, APP_ID, { allowedTenants: ['tenant-2'] }),
    });
    activity = messageActivity(h.connector.serviceUrl, 'latest ai');
    expect(await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims())}`)).toBe(403);
    expect(handler.calls).toHaveLength(0);
    expect(h.connector.posted).toHaveLength(0);
  });

  it('an invalid body gets 401 without a valid token and 400 with one', async () => {
    expect(await postActivity(h.baseUrl, { hello: 'x' }, 'Bearer a.b.c')).toBe(401);
    expect(await postActivity(h.baseUrl, { hello: 'x' }, `Bearer ${await idp.sign(claims())}`)).toBe(400);
    expect(handler.calls).toHaveLength(0);
  });

  it('refuses a request without a token', async () => expectRefused(undefined));
  it('refuses a malformed token', async () => expectRefused('Bearer not-a-jwt', 'malformed authorization header'));
  it('refuses a non-Bearer scheme', async () => expectRefused(`Basic ${Buffer.from('a:b').toString('base64')}`, 'malformed authorization header'));
  it('refuses a token signed by an unknown key', async () => expectRefused(`Bearer ${await idp.sign(claims(), { key: 'unknown' })}`, 'unknown signing key'));
  it('refuses a token whose signature does not match the published key', async () =>
    expectRefused(`Bearer ${await idp.sign(claims(), { key: 'wrong-key-same-kid' })}`, 'token rejected (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)'));
  it('refuses an expired token (beyond the 5 minute clock skew)', async () => {
    const token = await idp.sign(claims(), { expiresInSec: 60 });
    clock.advance(7 * 60 * 1000);
    await expectRefused(`Bearer ${token}`, 'token rejected (ERR_JWT_EXPIRED)');
  });
  it('refuses a token for another bot (wrong audience)', async () =>
    expectRefused(`Bearer ${await idp.sign({ ...claims(), aud: 'someone-else' })}`, 'token rejected (ERR_JWT_CLAIM_VALIDATION_FAILED)'));
  it('refuses a token from another issuer', async () =>
    expectRefused(`Bearer ${await idp.sign({ ...claims(), iss: 'https://evil.example' })}`, 'untrusted issuer'));
  it('refuses a token whose serviceurl claim differs from the activity', async () =>
    expectRefused(`Bearer ${await idp.sign({ ...claims(), serviceurl: 'https://smba.trafficmanager.net/emea/' })}`, 'serviceurl claim does not match the activity'));
  it('refuses a token whose key is not endorsed for the channel', async () => {
    activity = { ...activity, channelId: 'slack' };
    await expectRefused(`Bearer ${await idp.sign(claims())}`, 'key not endorsed for channel slack');
  });
  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'test-key' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...claims(), exp: 9999999999 })).toString('base64url');
    await expectRefused(`Bearer ${header}.${body}.`, 'token algorithm not allowed');
  });

  it('a revoked secret makes the reply report auth_revoked instead of posting', async () => {
    idp.tokenStatus = 401;
    const result = await (async () => {
      await postActivity(h.baseUrl, activity, `Bearer ${await idp.sign(claims())}`);
      return h.adapter.port.send({ platform: 'teams', workspaceId: 'tenant-1', channelId: 'a:personal-conv-1' }, { text: 'x' });
    })();
    expect(h.connector.posted).toHaveLength(0);
    expect(result).toEqual({ kind: 'auth_revoked', reason: 'teams/token-refused: invalid_client' });
  });
});

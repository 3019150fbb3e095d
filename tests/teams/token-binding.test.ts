import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { createManualClock } from '../../src/core/clock.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { startFakeIdentity, type FakeIdentity } from './fake-identity.js';
import { botMembership, createRecordingHandler, createRecordingLogger, credentialsEnv, messageActivity, postActivity, startHarness, type Harness } from './harness.js';

const APP_ID = '00000000-aaaa-bbbb-cccc-000000000001';
const CONVERSATION = 'a:personal-conv-1';
const DESTINATION = { platform: 'teams' as const, workspaceId: 'tenant-1', channelId: CONVERSATION };
const ENTRA_V2 = 'https://login.microsoftonline.com/tenant-1/v2.0';
const ENTRA_V1 = 'https://sts.windows.net/tenant-1/';

/**
 * Tokens must be bound to the caller. The bot's own connector (A) and a second connector on an
 * allowed host (C) listen on 127.0.0.1, which the tests allow as a connector host; the attacker's
 * server (B) listens on 127.0.0.2, a host outside the allow-list.
 */
describe('Teams tokens bound to the caller and the connector hosts', () => {
  let h: Harness;
  let idp: FakeIdentity;
  let attacker: FakeConnector;
  let other: FakeConnector;
  let handler: ReturnType<typeof createRecordingHandler>;
  let logs: ReturnType<typeof createRecordingLogger>;
  const clock = createManualClock('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    idp = await startFakeIdentity(() => clock.now());
    attacker = await startFakeConnector('127.0.0.2');
    other = await startFakeConnector('127.0.0.1');
  });
  afterAll(async () => {
    await idp.close();
    await attacker.close();
    await other.close();
  });
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    idp.tokenRequests.length = 0;
    attacker.posted.length = 0;
    other.posted.length = 0;
    handler = createRecordingHandler();
    logs = createRecordingLogger();
    h = await startHarness({ handler, clock, logger: logs.logger, env: credentialsEnv(idp, APP_ID) });
  });
  afterEach(async () => h.close());

  const channelToken = async (serviceurl: string) => `Bearer ${await idp.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl })}`;
  const entraToken = async (claims: JWTPayload) => `Bearer ${await idp.sign({ iss: ENTRA_V2, aud: APP_ID, tid: 'tenant-1', ver: '2.0', ...claims })}`;
  const reasons = () => logs.lines.map((l) => l.reason);

  /** The Teams channel installs the bot in the personal chat through connector A. */
  async function installThroughChannel(): Promise<void> {
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'help'), await channelToken(h.connector.serviceUrl))).toBe(200);
    expect(await h.store.installations.get('teams', CONVERSATION)).toMatchObject({ serviceUrl: h.connector.serviceUrl, trust: 'jwt' });
    h.connector.posted.length = 0;
    handler.calls.length = 0;
  }

  /** Later digests still go to connector A, with the bot's token, and nowhere else. */
  async function expectDigestsStillGoToTheChannel(): Promise<void> {
    expect(await h.store.installations.get('teams', CONVERSATION)).toMatchObject({ serviceUrl: h.connector.serviceUrl, trust: 'jwt' });
    expect(await h.adapter.port.send(DESTINATION, { text: 'weekly digest' })).toMatchObject({ kind: 'sent' });
    expect(h.connector.posted.map((p) => p.authorization)).toEqual(['Bearer bot-token-1']);
    expect(attacker.posted).toHaveLength(0);
    expect(other.posted).toHaveLength(0);
  }

  it('refuses an Entra token for the bot from another app of the tenant (v2, azp); the bot token never reaches its serviceUrl', async () => {
    await installThroughChannel();
    const auth = await entraToken({ azp: '00000000-aaaa-bbbb-cccc-0000000000ff' });
    expect(await postActivity(h.baseUrl, messageActivity(attacker.serviceUrl, 'latest'), auth)).toBe(401);
    expect(reasons()).toContain('azp claim is not this bot');
    expect(handler.calls).toHaveLength(0);
    expect(attacker.posted).toHaveLength(0);
    await expectDigestsStillGoToTheChannel();
  });

  it('refuses a v1 Entra token whose appid is another app', async () => {
    const auth = await entraToken({ iss: ENTRA_V1, ver: '1.0', appid: '00000000-aaaa-bbbb-cccc-0000000000ff', azp: undefined });
    expect(await postActivity(h.baseUrl, messageActivity(attacker.serviceUrl, 'latest'), auth)).toBe(401);
    expect(reasons()).toContain('appid claim is not this bot');
    expect(attacker.posted).toHaveLength(0);
  });

  it('refuses an Entra token without a ver claim, or with an unknown version, as EmulatorValidation does', async () => {
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'latest'), await entraToken({ ver: undefined, azp: APP_ID, appid: APP_ID }))).toBe(401);
    expect(reasons()).toContain('token has no ver claim');
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'latest'), await entraToken({ ver: '3.0', azp: APP_ID }))).toBe(401);
    expect(reasons()).toContain('unknown token version');
    expect(h.connector.posted).toHaveLength(0);
  });

  it("refuses the bot's own Entra token when the activity's serviceUrl is outside the connector hosts", async () => {
    await installThroughChannel();
    const auth = await entraToken({ azp: APP_ID });
    expect(await postActivity(h.baseUrl, messageActivity(attacker.serviceUrl, 'latest'), auth)).toBe(403);
    expect(handler.calls).toHaveLength(0);
    expect(attacker.posted).toHaveLength(0);
    await expectDigestsStillGoToTheChannel();
  });

  it("serves the bot's own Entra token on an allowed host but never replaces or creates a stored reference", async () => {
    await installThroughChannel();
    const auth = await entraToken({ azp: APP_ID });
    expect(await postActivity(h.baseUrl, messageActivity(other.serviceUrl, 'latest'), auth)).toBe(200);
    expect(other.posted).toHaveLength(1);
    const fresh = messageActivity(other.serviceUrl, 'latest', { conversation: { id: 'a:never-seen', conversationType: 'personal', tenantId: 'tenant-1' } });
    expect(await postActivity(h.baseUrl, fresh, await entraToken({ azp: APP_ID }))).toBe(200);
    expect(await h.store.installations.get('teams', 'a:never-seen')).toBeNull();
    other.posted.length = 0;
    await expectDigestsStillGoToTheChannel();
  });

  it('an Entra-token request cannot remove the bot from a conversation (nothing purged)', async () => {
    await installThroughChannel();
    const removal = botMembership(other.serviceUrl, 'removed', CONVERSATION);
    expect(await postActivity(h.baseUrl, removal, await entraToken({ azp: APP_ID }))).toBe(200);
    await expectDigestsStillGoToTheChannel();
  });

  it('refuses a channel token whose serviceurl matches but names a host outside the connector hosts', async () => {
    expect(await postActivity(h.baseUrl, messageActivity(attacker.serviceUrl, 'latest'), await channelToken(attacker.serviceUrl))).toBe(403);
    expect(attacker.posted).toHaveLength(0);
    expect(await h.store.installations.get('teams', CONVERSATION)).toBeNull();
  });

  it('compares the serviceurl claim with the activity exactly, as ChannelValidation does', async () => {
    const claim = h.connector.serviceUrl.replace(/\/$/, '');
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'latest'), await channelToken(claim))).toBe(401);
    expect(reasons()).toContain('serviceurl claim does not match the activity');
  });

  it('checks the host again at send time: a stored reference outside the connector hosts gets no token and no post', async () => {
    await h.store.installations.save('teams', CONVERSATION, 'tenant-1', {
      version: 1, serviceUrl: attacker.serviceUrl, channelId: 'msteams', conversationId: CONVERSATION,
      conversationType: 'personal', tenantId: 'tenant-1', botId: '28:bot-app-id', trust: 'jwt',
    }, clock.now());
    expect(await h.adapter.port.send(DESTINATION, { text: 'weekly digest' })).toEqual({ kind: 'gone', reason: 'teams/untrusted-service-url' });
    expect(idp.tokenRequests).toHaveLength(0);
    expect(attacker.posted).toHaveLength(0);
  });
});

import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackUrl } from '../../adapters/teams/caller-check.js';
import { createConnectorHostAllowList, createLocalConnectorAllowList, DEFAULT_SERVICE_URL_HOSTS, hostMatches } from '../../adapters/teams/service-url-allow-list.js';
import { readTeamsEnv } from '../../adapters/teams/create-teams-adapter.js';
import { loadEnv } from '../../src/config/env.js';
import { createRecordingHandler, createRecordingLogger, messageActivity, postActivity, startHarness, type Harness } from './harness.js';

describe('caller checks (pure)', () => {
  it.each([
    ['127.0.0.1', true], ['127.0.0.2', true], ['::1', true], ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false], ['192.168.1.2', false], ['::ffff:10.0.0.1', false], ['203.0.113.9', false], ['', false], [undefined, false], ['not-an-ip', false],
  ])('isLoopbackAddress(%s) = %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it('reads TEAMS_* settings, blank values as unset', () => {
    expect(readTeamsEnv({ TEAMS_APP_ID: ' id ', TEAMS_APP_PASSWORD: '', TEAMS_TENANT_ID: 't', TEAMS_ALLOWED_TENANTS: 't, u,,' })).toEqual({
      appId: 'id', appPassword: undefined, tenantId: 't', certPemFile: undefined, certKeyFile: undefined,
      openIdMetadataUrl: undefined, tokenEndpoint: undefined, allowedTenants: ['t', 'u'], serviceUrlHosts: undefined, localDev: false,
    });
    expect(readTeamsEnv({ TEAMS_LOCAL_DEV: 'true', TEAMS_SERVICE_URL_HOSTS: ' SMBA.trafficmanager.net, *.botframework.com ,[::1],' })).toMatchObject({
      localDev: true, serviceUrlHosts: ['smba.trafficmanager.net', '*.botframework.com', '::1'],
    });
  });

  it('start-up validation names a bad TEAMS_SERVICE_URL_HOSTS or TEAMS_LOCAL_DEV', () => {
    expect(loadEnv({ TEAMS_SERVICE_URL_HOSTS: 'smba.trafficmanager.net, *.botframework.com,127.0.0.1,[::1],' }).TEAMS_SERVICE_URL_HOSTS).toBeDefined();
    for (const bad of ['*.net', 'https://smba.trafficmanager.net/', 'host:443', '*']) {
      expect(() => loadEnv({ TEAMS_SERVICE_URL_HOSTS: bad })).toThrow(/TEAMS_SERVICE_URL_HOSTS/);
    }
    expect(() => loadEnv({ TEAMS_LOCAL_DEV: 'maybe' })).toThrow(/TEAMS_LOCAL_DEV/);
  });

  it('loopback URLs', () => {
    expect(isLoopbackUrl('http://localhost:3978/')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:3978/')).toBe(true);
    expect(isLoopbackUrl('https://smba.trafficmanager.net/emea/')).toBe(false);
  });

  it('connector hosts: exact names, *.suffix for subdomains only, https unless loopback', () => {
    expect(hostMatches('europe.webchat.botframework.com', '*.botframework.com')).toBe(true);
    expect(hostMatches('botframework.com', '*.botframework.com')).toBe(false);
    expect(hostMatches('evilbotframework.com', '*.botframework.com')).toBe(false);
    const hosts = createConnectorHostAllowList(DEFAULT_SERVICE_URL_HOSTS);
    expect(hosts.allows('https://smba.trafficmanager.net/emea/')).toBe(true);
    expect(hosts.allows('https://smba.infra.gcc.teams.microsoft.com/teams')).toBe(true);
    expect(hosts.allows('https://webchat.botframework.com/')).toBe(true);
    expect(hosts.refusal('https://attacker.trafficmanager.net/')).toContain('not a connector host');
    expect(hosts.refusal('https://smba.trafficmanager.net.attacker.example/')).toContain('not a connector host');
    expect(hosts.refusal('http://smba.trafficmanager.net/emea/')).toBe('serviceUrl must be https');
    expect(hosts.refusal('https://smba.trafficmanager.net/emea/?x=1')).toBe('serviceUrl has a query or fragment');
    expect(hosts.refusal('https://user:pw@smba.trafficmanager.net/')).toBe('serviceUrl carries credentials');
    expect(hosts.refusal('file:///etc/passwd')).toBe('serviceUrl is not http(s)');
    expect(hosts.refusal('http://127.0.0.1:9/')).toContain('not a connector host');
    expect(createConnectorHostAllowList(['127.0.0.1', '::1']).allows('http://127.0.0.1:9/')).toBe(true);
    expect(createConnectorHostAllowList(['127.0.0.1', '::1']).allows('http://[::1]:9/')).toBe(true);
  });

  it('local connectors: loopback, at the Emulator or Test Tool path only', () => {
    const local = createLocalConnectorAllowList();
    expect(local.allows('http://localhost:56150/_connector')).toBe(true);
    expect(local.allows('http://127.0.0.1:3979')).toBe(true);
    expect(local.allows('http://[::1]:3979/')).toBe(true);
    expect(local.refusal('https://smba.trafficmanager.net/emea/')).toContain('loopback');
    expect(local.refusal('http://127.0.0.1:6379/x')).toContain('path');
  });
});

/** A request as node:http would hand it over, from a chosen remote address. */
function fakeRequest(remoteAddress: string, body: object): IncomingMessage {
  const stream = new PassThrough();
  stream.end(JSON.stringify(body));
  return Object.assign(stream, { method: 'POST', url: '/api/messages', headers: { 'content-type': 'application/json' }, socket: { remoteAddress } }) as unknown as IncomingMessage;
}

function fakeResponse(): ServerResponse & { statusCode: number } {
  const res = { statusCode: 0, writeHead(status: number) { res.statusCode = status; return res; }, end() { return res; } };
  return res as unknown as ServerResponse & { statusCode: number };
}

describe('Teams local development (TEAMS_LOCAL_DEV, no credentials)', () => {
  let h: Harness;
  let handler: ReturnType<typeof createRecordingHandler>;
  beforeEach(async () => {
    handler = createRecordingHandler();
    h = await startHarness({ handler });
  });
  afterEach(async () => h.close());

  it('warns at start-up that it serves loopback callers only', async () => {
    const logs = createRecordingLogger();
    const other = await startHarness({ logger: logs.logger });
    await other.close();
    expect(other.adapter.authenticated).toBe(false);
    expect(logs.lines.some((l) => l.level === 40 && String(l.msg).includes('direct loopback callers only'))).toBe(true);
  });

  it('serves a loopback caller over real HTTP', async () => {
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'topics'))).toBe(200);
    expect(handler.calls).toHaveLength(1);
  });

  it('refuses a non-loopback caller with 403 and changes nothing', async () => {
    const res = fakeResponse();
    await h.adapter.routes[0]!.handler(fakeRequest('203.0.113.9', messageActivity(h.connector.serviceUrl, 'topics')), res);
    expect(res.statusCode).toBe(403);
    expect(handler.calls).toHaveLength(0);
    expect(h.connector.posted).toHaveLength(0);
    expect(await h.store.installations.get('teams', 'a:personal-conv-1')).toBeNull();
  });

  it('the same handler serves a loopback caller (so the 403 above is about the address)', async () => {
    const res = fakeResponse();
    await h.adapter.routes[0]!.handler(fakeRequest('::ffff:127.0.0.1', messageActivity(h.connector.serviceUrl, 'topics')), res);
    expect(res.statusCode).toBe(200);
    expect(handler.calls).toHaveLength(1);
  });

  it('refuses a loopback caller whose activity points replies at a remote serviceUrl', async () => {
    expect(await postActivity(h.baseUrl, messageActivity('https://smba.trafficmanager.net/emea/', 'topics'))).toBe(403);
    expect(handler.calls).toHaveLength(0);
  });

  it('ignores an Authorization header it cannot check (no credentials): still loopback-only', async () => {
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'topics'), 'Bearer a.b.c')).toBe(200);
    expect(h.connector.posted[0]!.authorization).toBeNull();
  });
});

describe('Teams local development (TEAMS_LOCAL_DEV): only a caller on this machine, replying to a local connector', () => {
  let h: Harness;
  let handler: ReturnType<typeof createRecordingHandler>;
  beforeEach(async () => {
    handler = createRecordingHandler();
    h = await startHarness({ handler, env: { localDev: true } });
  });
  afterEach(async () => h.close());

  // A reverse proxy on the same host connects from loopback; these headers are how it says so.
  it.each([
    ['forwarded', 'for=203.0.113.9'],
    ['x-forwarded-for', '203.0.113.9'],
    ['x-forwarded-host', 'bot.example.org'],
    ['x-forwarded-proto', 'https'],
    ['x-real-ip', '203.0.113.9'],
    ['via', '1.1 proxy'],
  ])('refuses a request carrying %s (a proxied caller) and changes nothing', async (name, value) => {
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'topics'), undefined, { [name]: value })).toBe(403);
    expect(handler.calls).toHaveLength(0);
    expect(h.connector.posted).toHaveLength(0);
    expect(await h.store.installations.get('teams', 'a:personal-conv-1')).toBeNull();
  });

  it.each([
    ['another path', 'admin/flush'],
    ['a query string', '?next=/admin'],
    ['a fragment', '#x'],
    ['the connector path plus more', '_connector/x'],
  ])('refuses a loopback serviceUrl with %s (the bot would POST wherever the caller says)', async (_label, suffix) => {
    expect(await postActivity(h.baseUrl, messageActivity(`${h.connector.serviceUrl}${suffix}`, 'topics'))).toBe(403);
    expect(handler.calls).toHaveLength(0);
    expect(h.connector.posted).toHaveLength(0);
  });

  it.each([
    ['the Emulator form (no path)', (url: string) => url.replace(/\/$/, '')],
    ['a bare slash', (url: string) => url],
  ])('accepts a loopback serviceUrl in %s', async (_label, form) => {
    expect(await postActivity(h.baseUrl, messageActivity(form(h.connector.serviceUrl), 'topics'))).toBe(200);
    expect(h.connector.posted).toHaveLength(1);
  });

  it('accepts the Teams App Test Tool form (/_connector)', async () => {
    // The fake connector answers only at /v3/..., so the reply itself fails; the request is still served.
    expect(await postActivity(h.baseUrl, messageActivity(`${h.connector.serviceUrl}_connector`, 'topics'))).toBe(200);
    expect(handler.calls).toHaveLength(1);
  });

  it('a loopback request never replaces a reference the Teams channel stored', async () => {
    const channelRef = {
      version: 1, serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams', conversationId: 'a:personal-conv-1',
      conversationType: 'personal', tenantId: 'tenant-1', botId: '28:bot-app-id', trust: 'jwt',
    };
    await h.store.installations.save('teams', 'a:personal-conv-1', 'tenant-1', channelRef, h.clock.now());
    expect(await postActivity(h.baseUrl, messageActivity(h.connector.serviceUrl, 'topics'))).toBe(200);
    expect(await h.store.installations.get('teams', 'a:personal-conv-1')).toEqual(channelRef);
  });
});

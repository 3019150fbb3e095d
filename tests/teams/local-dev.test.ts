import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackUrl, isSendableServiceUrl } from '../../adapters/teams/caller-check.js';
import { readTeamsEnv } from '../../adapters/teams/create-teams-adapter.js';
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
      openIdMetadataUrl: undefined, tokenEndpoint: undefined, allowedTenants: ['t', 'u'],
    });
  });

  it('loopback URLs and sendable serviceUrls', () => {
    expect(isLoopbackUrl('http://localhost:3978/')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:3978/')).toBe(true);
    expect(isLoopbackUrl('https://smba.trafficmanager.net/emea/')).toBe(false);
    expect(isSendableServiceUrl('https://smba.trafficmanager.net/emea/', true)).toBe(true);
    expect(isSendableServiceUrl('http://smba.trafficmanager.net/emea/', true)).toBe(false);
    expect(isSendableServiceUrl('https://smba.trafficmanager.net/emea/', false)).toBe(false);
    expect(isSendableServiceUrl('http://127.0.0.1:9/', false)).toBe(true);
    expect(isSendableServiceUrl('file:///etc/passwd', true)).toBe(false);
    expect(isSendableServiceUrl('https://user:pw@host.example/', true)).toBe(false);
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

describe('Teams without credentials (local development)', () => {
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
    expect(logs.lines.some((l) => l.level === 40 && String(l.msg).includes('loopback callers only'))).toBe(true);
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

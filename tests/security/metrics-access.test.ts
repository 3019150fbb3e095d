/**
 * /metrics follows the radar pages' access rule (WEB_ACCESS) and also accepts METRICS_TOKEN for
 * scrapers. Over HTTP on loopback; a remote caller is simulated only in the decision function.
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createHealthRoutes } from '../../src/server/health-routes.js';
import { startHttpServer, type BotHttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/server/metrics.js';
import { checkWebAccess, webAccessFromEnv, type WebAccess } from '../../src/server/web-access.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

const WEB_TOKEN = 'web-token-0123456789abcdef';
const METRICS_TOKEN = 'metrics-token-fedcba9876543210';

let server: BotHttpServer | undefined;
let store: Store | undefined;
afterEach(async () => {
  await server?.close();
  await store?.close();
  server = undefined;
});

async function serve(env: Record<string, string>) {
  store = createStore(':memory:');
  await store.migrate();
  const access = webAccessFromEnv(loadEnv(env));
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: createHealthRoutes(store, createMetrics(), access), logger: createSilentLogger() });
  const port = server.port;
  return (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers });
}

describe('/metrics over HTTP', () => {
  it('default (WEB_ACCESS=local): loopback without proxy headers only', async () => {
    const get = await serve({});
    expect((await get('/metrics')).status).toBe(200);
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host']) {
      expect((await get('/metrics', { [header]: '203.0.113.7' })).status, header).toBe(403);
    }
    // Health probes stay open: load balancers and orchestrators call them.
    expect((await get('/healthz', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await get('/readyz', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
  });

  it('METRICS_TOKEN is accepted behind a proxy whatever WEB_ACCESS says; a wrong one is not', async () => {
    for (const mode of ['local', 'token', 'off']) {
      const get = await serve({ WEB_ACCESS: mode, WEB_TOKEN, METRICS_TOKEN });
      const proxied = { 'x-forwarded-for': '203.0.113.7' };
      const res = await get('/metrics', { ...proxied, authorization: `Bearer ${METRICS_TOKEN}` });
      expect(res.status, mode).toBe(200);
      expect(await res.text()).toContain('privacy_radar_feeds_polled_total');
      expect((await get('/metrics', { ...proxied, authorization: `Bearer ${METRICS_TOKEN}x` })).status, mode).not.toBe(200);
      await server?.close();
      await store?.close();
      server = undefined;
    }
  });

  it('WEB_ACCESS=token wants Authorization: Bearer WEB_TOKEN, also from loopback', async () => {
    const get = await serve({ WEB_ACCESS: 'token', WEB_TOKEN });
    const missing = await get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await get('/metrics', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/metrics', { authorization: `Basic ${WEB_TOKEN}` })).status).toBe(401);
    expect((await get('/metrics', { authorization: `Bearer ${WEB_TOKEN}`, 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
  });

  it('WEB_ACCESS=off answers 404; public answers anyone', async () => {
    expect((await (await serve({ WEB_ACCESS: 'off' }))('/metrics')).status).toBe(404);
    await server?.close();
    await store?.close();
    expect((await (await serve({ WEB_ACCESS: 'public' }))('/metrics', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
  });
});

describe('the access rule', () => {
  const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
  const local: WebAccess = { mode: 'local' };

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('local allows loopback %s', (address) => {
    expect(checkWebAccess(request(address), local)).toEqual({ allowed: true });
  });

  it.each(['203.0.113.5', '10.0.0.2', '::ffff:10.0.0.2', 'fe80::1', ''])('local refuses %j', (address) => {
    expect(checkWebAccess(request(address), local)).toMatchObject({ allowed: false, status: 403 });
  });

  it('an extra token opens the door in every mode, and only for that route', () => {
    const remote = request('203.0.113.5', { authorization: `Bearer ${METRICS_TOKEN}` });
    for (const mode of ['local', 'token', 'off'] as const) {
      expect(checkWebAccess(remote, { mode, token: WEB_TOKEN }, { extraToken: METRICS_TOKEN })).toEqual({ allowed: true });
      expect(checkWebAccess(remote, { mode, token: WEB_TOKEN })).toMatchObject({ allowed: false });
    }
  });
});

describe('environment', () => {
  it('WEB_ACCESS defaults to local; token mode needs a WEB_TOKEN of at least 16 characters', () => {
    expect(webAccessFromEnv(loadEnv({}))).toEqual({ mode: 'local' });
    expect(() => loadEnv({ WEB_ACCESS: 'token' })).toThrow(/WEB_TOKEN: required when WEB_ACCESS=token/);
    expect(() => loadEnv({ WEB_ACCESS: 'token', WEB_TOKEN: 'short' })).toThrow(/WEB_TOKEN: .*at least 16 characters/);
    expect(() => loadEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: .*at least 16 characters/);
    expect(() => loadEnv({ WEB_ACCESS: 'open' })).toThrow(/WEB_ACCESS: /);
    const message = (() => {
      try {
        loadEnv({ WEB_TOKEN: 'short-secret' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).not.toContain('short-secret');
  });
});

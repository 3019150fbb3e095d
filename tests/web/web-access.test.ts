import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkWebAccess } from '../../src/server/web-access.js';
import { startWebFixture, type WebFixture } from './web-fixture.js';

const TOKEN = 'web-token-0123456789abcdef';
const PAGES = ['/', '/sources', '/topics', '/feeds/ai.xml', '/feeds/all.xml', '/feeds/ai.json'];

describe('web access', () => {
  let fixture: WebFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('local (the default): loopback without proxy headers only; a forwarded request gets 403 and a hint', async () => {
    fixture = await startWebFixture();
    for (const path of PAGES) expect((await fetch(fixture.base + path)).status, path).toBe(200);
    for (const header of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }] as Record<string, string>[]) {
      const response = await fetch(`${fixture.base}/`, { headers: header });
      expect(response.status).toBe(403);
      const text = await response.text();
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toContain('WEB_ACCESS');
      expect(text).not.toContain('Latest stories');
    }
    expect((await fetch(`${fixture.base}/assets/radar.css`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
  });

  it('local: a peer outside loopback is not local, IPv4-mapped loopback is', () => {
    const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
    const isLocalRequest = (req: IncomingMessage) => checkWebAccess(req, { mode: 'local' }).allowed;
    expect(isLocalRequest(request('127.0.0.1'))).toBe(true);
    expect(isLocalRequest(request('::1'))).toBe(true);
    expect(isLocalRequest(request('::ffff:127.0.0.1'))).toBe(true);
    expect(isLocalRequest(request('192.168.1.20'))).toBe(false);
    expect(isLocalRequest(request('::ffff:10.0.0.1'))).toBe(false);
    expect(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }))).toBe(false);
  });

  it('token: 401 without it; Bearer, the sign-in cookie, or ?token= on feeds (only) open the pages; METRICS_TOKEN does not', async () => {
    fixture = await startWebFixture({ mode: 'token', token: TOKEN, metricsToken: 'metrics-token-0123456789' });
    expect((await fetch(`${fixture.base}/`, { headers: { authorization: 'Bearer metrics-token-0123456789' } })).status).toBe(401);
    expect((await fetch(`${fixture.base}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } })).status).toBe(200);
    const base = fixture.base;
    for (const path of PAGES) {
      const refused = await fetch(base + path);
      expect(refused.status, path).toBe(401);
      expect(await refused.text()).not.toContain('Hospital');
      expect((await fetch(base + path, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      expect((await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } })).status, path).toBe(200);
    }
    expect((await fetch(`${base}/feeds/ai.xml?token=${TOKEN}`)).status).toBe(200);
    expect((await fetch(`${base}/feeds/ai.json?token=${TOKEN}`)).status).toBe(200);
    expect((await fetch(`${base}/feeds/ai.xml?token=nope`)).status).toBe(401);
    expect((await fetch(`${base}/?token=${TOKEN}`)).status).toBe(401);
    // A browser gets the sign-in form instead of a bare 401.
    const form = await fetch(`${base}/sources`, { headers: { accept: 'text/html' } });
    expect(form.status).toBe(401);
    expect(await form.text()).toContain('action="/signin"');
    expect((await fetch(`${base}/assets/radar.css`)).status).toBe(200);
  });

  it('token: the sign-in form sets an HttpOnly, SameSite cookie that is not the token; a wrong token does not', async () => {
    fixture = await startWebFixture({ mode: 'token', token: TOKEN });
    const post = (token: string) =>
      fetch(`${fixture!.base}/signin`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    const wrong = await post('not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await post(TOKEN);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/');
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(';')[0]!;
    expect((await fetch(`${fixture.base}/`, { headers: { cookie: pair } })).status).toBe(200);
    expect((await fetch(`${fixture.base}/`, { headers: { cookie: `${pair}x` } })).status).toBe(401);
    const big = await fetch(`${fixture.base}/signin`, { method: 'POST', body: 'token=' + 'a'.repeat(10_000) });
    expect(big.status).toBe(413);
  });

  it('public serves everyone (also through a proxy); off serves no page or feed while /healthz answers', async () => {
    fixture = await startWebFixture({ mode: 'public' });
    expect((await fetch(`${fixture.base}/`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
    await fixture.close();
    fixture = await startWebFixture({ mode: 'off' });
    for (const path of [...PAGES, '/signin', '/assets/radar.css']) expect((await fetch(fixture.base + path)).status, path).toBe(404);
    expect((await fetch(`${fixture.base}/healthz`)).status).toBe(200);
  });
});

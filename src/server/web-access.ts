/**
 * The access rule for the bot's own web surfaces (GET /metrics, the radar pages and feeds out), set
 * by WEB_ACCESS: `local` (default) serves loopback callers that came without proxy headers (a
 * reverse proxy on the same host makes internet traffic look local, so a forwarded request is not
 * local); `token` wants `Authorization: Bearer <WEB_TOKEN>`, or where a route allows it the
 * sign-in cookie (pages) or `?token=` (feeds: feed readers cannot send headers); `public` serves
 * anyone; `off` serves no one. A route may also accept one extra token whatever the mode
 * (METRICS_TOKEN for scrapers).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import ipaddr from 'ipaddr.js';

/** WEB_ACCESS values. */
export const WEB_ACCESS_MODES = ['local', 'token', 'public', 'off'] as const;
export type WebAccessMode = (typeof WEB_ACCESS_MODES)[number];

/** The configured rule. */
export interface WebAccess {
  mode: WebAccessMode;
  /** WEB_TOKEN, required for mode `token`. */
  token?: string;
  /** METRICS_TOKEN: accepted on /metrics whatever the mode. */
  metricsToken?: string;
}

/** The rule's answer; a refusal carries the status to send. */
export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403 | 404; reason: string };

/**
 * Headers a reverse proxy or load balancer adds to say whom it forwards for. A request that
 * carries one reached us through a proxy, so its loopback address says nothing about the caller.
 */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-original-forwarded-for'];

/** The first proxy header present on the request, or null. */
export function proxyHeaderOf(headers: Record<string, unknown>): string | null {
  return PROXY_HEADERS.find((name) => headers[name] !== undefined) ?? null;
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z); brackets allowed. */
export function isLoopbackAddress(address: string | undefined | null): boolean {
  const bare = address?.replace(/^\[|\]$/g, '');
  if (!bare || !ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'loopback'; // ::ffff:127.0.0.1 becomes 127.0.0.1
}

function bearerOf(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Constant-time comparison; hashing first hides the expected length too. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The sign-in cookie's name (radar pages, WEB_ACCESS=token). */
export const SESSION_COOKIE = 'radar_session';

/** The sign-in cookie's value: an HMAC of the token, so the cookie never holds the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('privacy-radar web session v1').digest('base64url');
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** Other forms of WEB_TOKEN a route accepts in `token` mode, besides the Bearer header. */
export interface AccessOptions {
  /** Accepted in any mode (METRICS_TOKEN on /metrics). */
  extraToken?: string;
  /** Pages: the cookie the sign-in form sets. */
  session?: boolean;
  /** Feeds: the `?token=` value of the request, compared like the header. */
  queryToken?: string | null;
}

/** Decides whether a request may see a protected page; `extraToken` is accepted in any mode. */
export function checkWebAccess(req: IncomingMessage, access: WebAccess, options: AccessOptions = {}): AccessDecision {
  const bearer = bearerOf(req);
  if (options.extraToken && bearer !== null && sameSecret(bearer, options.extraToken)) return { allowed: true };
  switch (access.mode) {
    case 'public':
      return { allowed: true };
    case 'off':
      return { allowed: false, status: 404, reason: 'not found' };
    case 'token':
      if (access.token && bearer !== null && sameSecret(bearer, access.token)) return { allowed: true };
      if (access.token && options.session) {
        const cookie = cookieOf(req, SESSION_COOKIE);
        if (cookie !== null && sameSecret(cookie, sessionValue(access.token))) return { allowed: true };
      }
      if (access.token && options.queryToken && sameSecret(options.queryToken, access.token)) return { allowed: true };
      return { allowed: false, status: 401, reason: 'a bearer token is required' };
    case 'local': {
      const forwarded = proxyHeaderOf(req.headers) !== null;
      if (!forwarded && isLoopbackAddress(req.socket.remoteAddress)) return { allowed: true };
      return { allowed: false, status: 403, reason: 'served to local callers only (WEB_ACCESS=local); set WEB_ACCESS=token and WEB_TOKEN to open it from elsewhere' };
    }
  }
}

/** Sends the refusal for a decision (no details beyond the reason). */
export function refuseWebAccess(res: ServerResponse, decision: Extract<AccessDecision, { allowed: false }>): void {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (decision.status === 401) headers['www-authenticate'] = 'Bearer';
  res.writeHead(decision.status, headers).end(`${decision.reason}\n`);
}

/** The rule from validated environment variables. */
export function webAccessFromEnv(env: { WEB_ACCESS: WebAccessMode; WEB_TOKEN?: string; METRICS_TOKEN?: string }): WebAccess {
  return {
    mode: env.WEB_ACCESS,
    ...(env.WEB_TOKEN ? { token: env.WEB_TOKEN } : {}),
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
  };
}

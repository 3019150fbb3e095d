import { createHmac, createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** WEB_ACCESS: who may open the pages and feeds. */
export type WebAccessMode = 'local' | 'token' | 'public' | 'off';

export interface WebAccessSettings {
  mode: WebAccessMode;
  /** WEB_TOKEN; required (validated at start-up) when mode is 'token'. */
  token?: string;
}

/** The sign-in cookie's name. */
export const SESSION_COOKIE = 'radar_session';

/** Allowed, or refused with the status and a one-line hint for the person asking. */
export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; hint: string };

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * A local request: the TCP peer is a loopback address and no proxy header is present (a reverse
 * proxy on the same machine connects from loopback, so a forwarded request is never local).
 */
export function isLocalRequest(req: IncomingMessage): boolean {
  if (req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined) return false;
  return LOOPBACK.test(req.socket.remoteAddress ?? '');
}

/** Compares two secrets in constant time (hashing first hides the length too). */
export function secretsEqual(candidate: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(candidate), digest(secret));
}

/** The sign-in cookie's value: derived from the token, so the cookie never holds the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('privacy-radar web session v1').digest('base64url');
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * The access rule for pages and feeds. `local`: loopback peers without proxy headers, 403
 * otherwise. `token`: WEB_TOKEN as a Bearer header, the sign-in cookie, or (feeds only, since
 * feed readers cannot send headers) `?token=`; 401 otherwise. `public`: everyone.
 */
export function decideWebAccess(req: IncomingMessage, settings: WebAccessSettings, options: { queryToken?: string | null } = {}): AccessDecision {
  if (settings.mode === 'public') return { allowed: true };
  if (settings.mode === 'local') {
    return isLocalRequest(req)
      ? { allowed: true }
      : { allowed: false, status: 403, hint: 'These pages answer only on this machine (WEB_ACCESS=local). Set WEB_ACCESS=token and WEB_TOKEN to open them remotely.' };
  }
  const token = settings.token;
  if (settings.mode === 'token' && token) {
    const presented = bearer(req);
    if (presented !== undefined && secretsEqual(presented, token)) return { allowed: true };
    const session = cookie(req, SESSION_COOKIE);
    if (session !== undefined && secretsEqual(session, sessionValue(token))) return { allowed: true };
    if (options.queryToken && secretsEqual(options.queryToken, token)) return { allowed: true };
  }
  return { allowed: false, status: 401, hint: 'Sign in at /signin, or send the web token (WEB_TOKEN) as "Authorization: Bearer <token>".' };
}

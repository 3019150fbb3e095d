/**
 * Fetches one feed politely and defensively (docs/ingestion.md R1-R9, R12): conditional GET, decoding,
 * decoded-size cap, total timeout that destroys the socket, at most N redirects with loop
 * detection, SSRF guard, Retry-After. Every expected failure is a value; nothing throws.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { request as undiciRequest } from 'undici';
import type { FetchErrorKind } from '../core/types.js';
import { BlockedAddressError, hostIsIpLiteral, isAddressAllowed } from './http/address-guard.js';
import { maxAgeSeconds, retryAfterMs } from './http/cache-headers.js';
import { classifyNetworkError } from './http/classify-error.js';
import { decodeBody } from './http/decode-charset.js';
import { agentFor } from './http/feed-agent.js';
import type { FetchOptions } from './http/fetch-options.js';
import { readBody } from './http/read-body.js';

export type { FetchOptions } from './http/fetch-options.js';

/** What we know about a feed before fetching it (validators from the store, R1/R2). */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  previousBodyHash?: string | null;
}

interface FetchMeta {
  finalUrl: string;
  /** Target of a chain of permanent redirects (301/308) starting at the request URL (R6). */
  permanentRedirectTo: string | null;
}

/** ok, not_modified (R1/R2) or a typed error (R9); never thrown. */
export type FetchResult =
  | (FetchMeta & {
      status: 'ok';
      body: string;
      charset: string;
      etag: string | null;
      lastModified: string | null;
      bodyHash: string;
      maxAgeSeconds: number | null;
    })
  | (FetchMeta & {
      status: 'not_modified';
      reason: 'http_304' | 'same_etag' | 'same_body';
      etag: string | null;
      lastModified: string | null;
      maxAgeSeconds: number | null;
    })
  | (Partial<FetchMeta> & { status: 'error'; kind: FetchErrorKind; message: string; retryAfterMs?: number });

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string): string | null => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/** Drops a response body we will not read; closing the socket is fine (it may be hostile). */
function discard(body: Readable): void {
  body.on('error', () => undefined); // undici reports the destroy as an AbortError: expected here
  body.destroy();
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

function requestHeaders(request: FetchRequest, options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  // RFC 9110 section 13.1: conditional GET with the validators of the last 200.
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

function statusError(status: number, headers: Headers, meta: FetchMeta): FetchResult {
  const retry = retryAfterMs(header(headers, 'retry-after'), header(headers, 'date'), new Date());
  const base = { ...meta, status: 'error' as const, ...(retry !== null ? { retryAfterMs: retry } : {}) };
  // Cloudflare's managed challenge: a 403 (sometimes 503) marked cf-mitigated: challenge.
  if (header(headers, 'cf-mitigated')?.toLowerCase() === 'challenge') {
    return { ...base, kind: 'challenge', message: `HTTP ${status}: blocked by a bot challenge (Cloudflare)` };
  }
  const kind = status >= 500 ? 'http_5xx' : 'http_4xx';
  return { ...base, kind, message: `HTTP ${status}` };
}

/** Fetches a feed; see the module comment. */
export async function fetchFeed(request: FetchRequest, options: FetchOptions): Promise<FetchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('total timeout'));
  }, options.totalTimeoutMs);
  const meta: FetchMeta = { finalUrl: request.url, permanentRedirectTo: null };
  try {
    return await fetchWithRedirects(request, options, controller.signal, meta);
  } catch (err) {
    return { ...meta, status: 'error', ...classifyNetworkError(err, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}

async function fetchWithRedirects(request: FetchRequest, options: FetchOptions, signal: AbortSignal, meta: FetchMeta): Promise<FetchResult> {
  const visited = new Set<string>();
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { status: 'error', kind: 'http_4xx', message: `invalid URL: ${request.url}` };
  }
  let allPermanent = true;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ...meta, status: 'error', kind: 'http_4xx', message: `unsupported URL scheme ${url.protocol}` };
    }
    const policy = { allowPrivateNetwork: options.allowPrivateNetwork, allowedRanges: options.allowedAddressRanges };
    // IP literals never reach the DNS hook, so check them here (the agent re-checks the socket).
    if (hostIsIpLiteral(url.hostname) && !isAddressAllowed(url.hostname, policy)) {
      return { ...meta, status: 'error', kind: 'blocked_address', message: new BlockedAddressError(url.hostname, url.host).message };
    }
    visited.add(url.href);
    meta.finalUrl = url.href;
    const res = await undiciRequest(url, {
      method: 'GET',
      headers: requestHeaders(request, options),
      dispatcher: agentFor(options),
      signal,
    });
    const headers = res.headers as Headers;
    const location = header(headers, 'location');
    if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && location) {
      discard(res.body);
      let next: URL;
      try {
        next = new URL(location, url); // relative Location resolved against the current URL
      } catch {
        return { ...meta, status: 'error', kind: 'http_4xx', message: `HTTP ${res.statusCode} with an invalid Location header` };
      }
      allPermanent &&= res.statusCode === 301 || res.statusCode === 308;
      if (allPermanent) meta.permanentRedirectTo = next.href;
      if (visited.has(next.href)) return { ...meta, status: 'error', kind: 'redirect_loop', message: `redirect loop at ${next.href}` };
      if (hop + 1 > options.maxRedirects) {
        return { ...meta, status: 'error', kind: 'redirect_loop', message: `more than ${options.maxRedirects} redirects` };
      }
      url = next;
      continue;
    }
    return readResponse(res.statusCode, headers, res.body, request, options, meta);
  }
}

async function readResponse(
  status: number,
  headers: Headers,
  body: Readable,
  request: FetchRequest,
  options: FetchOptions,
  meta: FetchMeta,
): Promise<FetchResult> {
  const etag = header(headers, 'etag');
  const lastModified = header(headers, 'last-modified');
  const maxAge = maxAgeSeconds(header(headers, 'cache-control'));
  if (status === 304) {
    discard(body);
    // A 304 may omit validators; keep the ones we sent.
    return { ...meta, status: 'not_modified', reason: 'http_304', etag: etag ?? request.etag ?? null, lastModified: lastModified ?? request.lastModified ?? null, maxAgeSeconds: maxAge };
  }
  if (status < 200 || status >= 300) {
    discard(body);
    return statusError(status, headers, meta);
  }
  const declaredLength = Number(header(headers, 'content-length') ?? Number.NaN);
  if (declaredLength > options.maxBytes && !header(headers, 'content-encoding')) {
    discard(body);
    return { ...meta, status: 'error', kind: 'too_large', message: `Content-Length ${declaredLength} exceeds ${options.maxBytes} bytes` };
  }
  if (etag && request.etag && etag === request.etag) {
    discard(body);
    return { ...meta, status: 'not_modified', reason: 'same_etag', etag, lastModified, maxAgeSeconds: maxAge };
  }
  const read = await readBody(body, header(headers, 'content-encoding'), options.maxBytes);
  if (!read.ok) return { ...meta, status: 'error', kind: 'too_large', message: read.message };
  const bodyHash = createHash('sha256').update(read.bytes).digest('hex');
  if (request.previousBodyHash && bodyHash === request.previousBodyHash) {
    return { ...meta, status: 'not_modified', reason: 'same_body', etag, lastModified, maxAgeSeconds: maxAge };
  }
  const decoded = decodeBody(read.bytes, header(headers, 'content-type'));
  if (!decoded.text.trim()) return { ...meta, status: 'error', kind: 'empty', message: 'empty response body' };
  return { ...meta, status: 'ok', body: decoded.text, charset: decoded.charset, etag, lastModified, bodyHash, maxAgeSeconds: maxAge };
}

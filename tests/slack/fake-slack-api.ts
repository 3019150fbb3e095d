/**
 * A hand-written fake of the Slack Web API (and of response_url endpoints) on 127.0.0.1, for
 * the adapter's tests and benchmark. Enforces Slack's ~1 message/s per channel with 429 +
 * Retry-After when asked to, records every call, and lets a test script any method's answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface FakeCall {
  method: string;
  token: string | null;
  params: Record<string, unknown>;
}

/** A scripted answer: JSON body with status (default 200) and headers. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeSlackOptions {
  /** Bot tokens the fake accepts (others get invalid_auth). */
  tokens?: Record<string, { teamId: string; botId: string; userId: string }>;
  /** Minimum ms between posts to one channel; faster posts get 429 + Retry-After. */
  perChannelIntervalMs?: number;
  /** Time source for pacing (ms). */
  now?: () => number;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL, e.g. http://127.0.0.1:1234/api/ */
  apiUrl: string;
  /** A fresh response_url on this server. */
  responseUrl(id?: string): string;
  calls: FakeCall[];
  /** response_url posts, with performance.now() at arrival. */
  responses: Array<{ id: string; body: Record<string, unknown>; at: number }>;
  rateLimited: number;
  /** Channels of successful chat.postMessage calls, in order. */
  posted: string[];
  /** Answers the next calls of `method` (optionally for one channel) with `reply`, once each. */
  queue(method: string, reply: FakeReply, channel?: string): void;
  /** Answers every call of `method` with `handler`'s reply (undefined = default behaviour). */
  on(method: string, handler: (call: FakeCall) => FakeReply | undefined): void;
  /** Resolves once `count` response_url posts arrived. */
  waitForResponses(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once `count` calls of `method` arrived. */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<void>;
  callsOf(method: string): FakeCall[];
  close(): Promise<void>;
}

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const tokens = options.tokens ?? { 'xoxb-test': { teamId: 'T1', botId: 'B1', userId: 'UBOT' } };
  const now = options.now ?? Date.now;
  const queued = new Map<string, FakeReply[]>();
  const handlers = new Map<string, (call: FakeCall) => FakeReply | undefined>();
  const lastPost = new Map<string, number>();
  const waiters = new Set<() => void>();
  let ts = 1_700_000_000;

  const api: FakeSlackApi = {
    apiUrl: '',
    responseUrl: (id = String(api.responses.length + Math.random())) => `${base}/response/${encodeURIComponent(id)}`,
    calls: [],
    responses: [],
    rateLimited: 0,
    posted: [],
    queue: (method, reply, channel) => {
      const key = channel ? `${method}#${channel}` : method;
      queued.set(key, [...(queued.get(key) ?? []), reply]);
    },
    on: (method, handler) => void handlers.set(method, handler),
    waitForResponses: (count, timeoutMs) => waitUntil(() => api.responses.length >= count, timeoutMs, `${count} response_url posts`),
    waitForCalls: (method, count, timeoutMs) =>
      waitUntil(() => api.callsOf(method).length >= count, timeoutMs, `${count} ${method} calls`),
    callsOf: (method) => api.calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };

  function waitUntil(done: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`fake Slack: timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  }
  const notify = () => [...waiters].forEach((w) => w());

  function answer(call: FakeCall): FakeReply {
    const channel = typeof call.params.channel === 'string' ? call.params.channel : '';
    for (const key of [`${call.method}#${channel}`, call.method]) {
      const list = queued.get(key);
      if (list && list.length > 0) {
        const reply = list.shift() as FakeReply;
        if (reply.status === 429) api.rateLimited += 1;
        return reply;
      }
    }
    const scripted = handlers.get(call.method)?.(call);
    if (scripted) return scripted;
    return defaultAnswer(call);
  }

  function defaultAnswer(call: FakeCall): FakeReply {
    if (call.method === 'oauth.v2.access') return { body: { ok: false, error: 'invalid_code' } };
    const identity = call.token ? tokens[call.token] : undefined;
    if (!identity) return { body: { ok: false, error: call.token ? 'invalid_auth' : 'not_authed' } };
    switch (call.method) {
      case 'auth.test':
        return { body: { ok: true, team_id: identity.teamId, bot_id: identity.botId, user_id: identity.userId, url: 'https://fake.slack.test/' } };
      case 'chat.postMessage':
        return postMessage(call);
      case 'users.info':
        return { body: { ok: true, user: { id: call.params.user, is_admin: false, is_owner: false } } };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return viewCall(call);
      default:
        return { body: { ok: true } };
    }
  }

  /** Slack refuses a view without its addressee (trigger, view or user) or over 100 blocks. */
  function viewCall(call: FakeCall): FakeReply {
    const view = call.params.view as { type?: string; blocks?: unknown[] } | undefined;
    const addressee = { 'views.open': 'trigger_id', 'views.update': 'view_id', 'views.publish': 'user_id' }[call.method as 'views.open'];
    if (!call.params[addressee]) return { body: { ok: false, error: addressee === 'trigger_id' ? 'invalid_trigger_id' : 'invalid_arguments' } };
    if (!view || !Array.isArray(view.blocks) || view.blocks.length > 100) return { body: { ok: false, error: 'invalid_arguments' } };
    return { body: { ok: true, view: { id: `V${api.calls.length}`, ...view } } };
  }

  function postMessage(call: FakeCall): FakeReply {
    const channel = String(call.params.channel ?? '');
    const interval = options.perChannelIntervalMs;
    if (interval) {
      const last = lastPost.get(channel);
      const at = now();
      if (last !== undefined && at - last < interval) {
        api.rateLimited += 1;
        const retryAfter = Math.max(1, Math.ceil((interval - (at - last)) / 1000));
        return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
      }
      lastPost.set(channel, at);
    }
    ts += 1;
    api.posted.push(channel);
    return { body: { ok: true, channel, ts: `${ts}.000100` } };
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/response/')) {
      api.responses.push({ id: decodeURIComponent(path.slice('/response/'.length)), body: JSON.parse(raw || '{}'), at: performance.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      notify();
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const call: FakeCall = { method, token: tokenOf(req, raw), params: parseParams(req, raw) };
    api.calls.push(call);
    const reply = answer(call);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { ok: true }));
    notify();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.apiUrl = `${base}/api/`;
  return api;
}

function tokenOf(req: IncomingMessage, raw: string): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  const params = parseParams(req, raw);
  return typeof params.token === 'string' ? params.token : null;
}

function parseParams(req: IncomingMessage, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(raw))) {
    const text = Array.isArray(value) ? value[0] : value;
    // WebClient sends nested arguments (blocks) as JSON strings inside the form.
    out[key] = typeof text === 'string' && /^[[{]/.test(text) ? safeJson(text) : text;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

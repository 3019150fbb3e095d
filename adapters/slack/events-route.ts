/**
 * The HTTP routes Slack calls, mounted on the bot's one server. POST /slack/events is read and
 * verified here (raw bytes, clock-checked) before Bolt's HTTPReceiver gets it; a request that
 * fails gets 401 and reaches no listener, and one already received gets 200 and reaches none. The OAuth GET routes go to Bolt's InstallProvider.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Clock, HttpRoute, Logger } from '../../src/index.js';
import { createReplayGuard, type ReplayGuard } from './replay-guard.js';
import { checkSlackSignature } from './verify-signature.js';

/** Slack payloads are small; anything larger is not from Slack. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Options for the Slack routes. */
export interface SlackRouteOptions {
  signingSecret: string;
  /** Bolt's HTTPReceiver.requestListener. */
  requestListener: RequestListener;
  clock: Clock;
  logger: Logger;
  /** Mount GET /slack/install and GET /slack/oauth_redirect (multi-workspace OAuth). */
  oauth: boolean;
}

/** The routes to mount: events always, OAuth install and redirect when configured. */
export function createSlackRoutes(options: SlackRouteOptions): HttpRoute[] {
  const replays = createReplayGuard({ clock: options.clock });
  const routes: HttpRoute[] = [
    { method: 'POST', path: '/slack/events', handler: (req, res) => handleEvents(options, replays, req, res) },
  ];
  if (options.oauth) {
    const passThrough = (req: IncomingMessage, res: ServerResponse) => delegate(options, req, res);
    routes.push({ method: 'GET', path: '/slack/install', handler: passThrough });
    routes.push({ method: 'GET', path: '/slack/oauth_redirect', handler: passThrough });
  }
  return routes;
}

async function handleEvents(options: SlackRouteOptions, replays: ReplayGuard, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req, BODY_LIMIT_BYTES);
  if (body === null) return sendStatus(res, 413);
  if (isSslCheck(req, body)) return sendStatus(res, 200); // Slack's certificate probe: nothing to do
  const check = checkSlackSignature(options.signingSecret, req.headers, body, options.clock.now().getTime());
  if (!check.ok) {
    options.logger.warn({ reason: check.reason }, 'slack: refused unsigned or stale request');
    return sendStatus(res, 401);
  }
  const verdict = replays.check({
    signature: String(req.headers['x-slack-signature']),
    timestamp: Number(req.headers['x-slack-request-timestamp']),
    eventId: eventIdOf(req, body),
  });
  if (verdict) {
    // 200, not an error: Slack stops retrying, and a replayed copy learns nothing.
    options.logger.info({ reason: verdict, retryNum: req.headers['x-slack-retry-num'] }, 'slack: ignored a request already received');
    return sendStatus(res, 200);
  }
  // Bolt reuses an already-buffered body (BufferedIncomingMessage.rawBody) instead of re-reading.
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
  delegate(options, req, res);
}

function delegate(options: SlackRouteOptions, req: IncomingMessage, res: ServerResponse): void {
  try {
    options.requestListener(req, res);
  } catch (error) {
    // HTTPReceiver throws synchronously for paths it does not serve.
    options.logger.warn({ err: error, url: req.url }, 'slack: receiver refused request');
    if (!res.headersSent) sendStatus(res, 404);
  }
}

/** The Events API `event_id` of a JSON body, if any. */
function eventIdOf(req: IncomingMessage, body: Buffer): string | undefined {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return undefined;
  try {
    const id = (JSON.parse(body.toString('utf8')) as { event_id?: unknown }).event_id;
    return typeof id === 'string' && id.length <= 100 ? id : undefined;
  } catch {
    return undefined;
  }
}

function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  return parseQuery(body.toString('utf8')).ssl_check === '1';
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function sendStatus(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

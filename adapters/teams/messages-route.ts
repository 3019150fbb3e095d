/**
 * POST /api/messages: the Bot Framework messaging endpoint, mounted only when Teams is
 * configured (TEAMS_APP_ID) or local development is asked for (TEAMS_LOCAL_DEV). With
 * credentials every request needs a valid token (401 otherwise, before anything changes). In
 * local development only a caller on this machine is served, never one relayed by a proxy (403).
 * Either way the activity's serviceUrl must pass the allow-list before the bot posts anything
 * there, and the turn learns whether the request may change stored conversation references.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Activity } from '@microsoft/agents-activity';
import type { HttpRoute, Logger } from '../../src/index.js';
import { isLoopbackAddress, proxyHeaderOf } from './caller-check.js';
import type { ServiceUrlAllowList } from './service-url-allow-list.js';
import type { BotTokenVerifier } from './verify-bot-token.js';

/** Activities are small JSON; anything near this size is not from the Bot Connector. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What the route learned about where a request came from. */
export interface RequestOrigin {
  /**
   * True only when the request could have come from the channel service: a channel token whose
   * `serviceurl` claim matched, or, in local development, the local caller itself. Only such a
   * request may create, replace or purge a stored conversation reference.
   */
  mayChangeReferences: boolean;
}

/** Dependencies of the messages route. `verify` is null in local development mode. */
export interface MessagesRouteDeps {
  verify: BotTokenVerifier | null;
  allowList: ServiceUrlAllowList;
  /** When non-empty, only activities from these Entra tenants are served (others get 403). */
  allowedTenants: readonly string[];
  /** Runs the activity; an invoke's answer (status and JSON body) becomes the HTTP response. */
  turn: (activity: Activity, origin: RequestOrigin) => Promise<{ status: number; body: unknown } | void>;
  logger: Logger;
}

function respond(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
  res.end(body ? JSON.stringify(body) : undefined);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseActivity(body: Buffer): Activity | null {
  try {
    const activity = Activity.fromObject(JSON.parse(body.toString('utf8')) as object);
    if (!activity.serviceUrl || !activity.conversation?.id || !activity.channelId) return null;
    return activity;
  } catch {
    return null;
  }
}

/** Decides whether the request may proceed: the refusal status, or where it came from. */
async function check(req: IncomingMessage, activity: Activity, deps: MessagesRouteDeps): Promise<number | RequestOrigin> {
  const serviceUrl = activity.serviceUrl ?? '';
  let origin: RequestOrigin = { mayChangeReferences: true };
  if (deps.verify) {
    const token = await deps.verify(req.headers.authorization, { serviceUrl, channelId: activity.channelId ?? '' });
    if (!token.ok) {
      deps.logger.warn({ reason: token.reason }, 'teams request refused: invalid token');
      return 401;
    }
    origin = { mayChangeReferences: token.kind === 'channel' };
  }
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenant = activity.conversation?.tenantId ?? channelData?.tenant?.id ?? '';
  if (deps.allowedTenants.length > 0 && !deps.allowedTenants.includes(tenant)) {
    deps.logger.warn({ tenant }, 'teams request refused: tenant not in TEAMS_ALLOWED_TENANTS');
    return 403;
  }
  const refusal = deps.allowList.refusal(serviceUrl);
  if (refusal) {
    deps.logger.warn({ reason: refusal }, 'teams request refused: serviceUrl not allowed');
    return 403;
  }
  return origin;
}

/** Local development: only a direct caller on this machine (no proxy in between). */
function localCallerRefusal(req: IncomingMessage): string | null {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return 'local development serves loopback callers only';
  const header = proxyHeaderOf(req.headers);
  return header ? `local development refuses proxied requests (${header} header)` : null;
}

/** Creates the POST /api/messages route. */
export function createMessagesRoute(deps: MessagesRouteDeps): HttpRoute {
  return {
    method: 'POST',
    path: '/api/messages',
    async handler(req, res) {
      if (deps.verify && !req.headers.authorization) {
        req.resume();
        return respond(res, 401, { error: 'unauthorized' });
      }
      const localRefusal = deps.verify ? null : localCallerRefusal(req);
      if (localRefusal) {
        req.resume();
        deps.logger.warn({ reason: localRefusal }, 'teams request refused');
        return respond(res, 403, { error: 'forbidden' });
      }
      const body = await readBody(req);
      if (!body) return respond(res, 413, { error: 'body too large' });
      const activity = parseActivity(body);
      if (!activity) {
        // With credentials, an unauthenticated caller gets 401 whatever it sent.
        if (deps.verify && !(await deps.verify(req.headers.authorization, null)).ok) return respond(res, 401, { error: 'unauthorized' });
        return respond(res, 400, { error: 'invalid activity' });
      }
      const origin = await check(req, activity, deps);
      if (typeof origin === 'number') return respond(res, origin, { error: origin === 401 ? 'unauthorized' : 'forbidden' });
      let answer: { status: number; body: unknown } | void;
      try {
        answer = await deps.turn(activity, origin);
      } catch (err) {
        deps.logger.error({ err }, 'teams activity failed');
        return respond(res, 500, { error: 'internal error' });
      }
      if (answer) return respond(res, answer.status, answer.body);
      respond(res, 200);
    },
  };
}

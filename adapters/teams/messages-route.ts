/**
 * POST /api/messages: the Bot Framework messaging endpoint. With credentials every request
 * needs a valid Bot Connector JWT (401 otherwise, before anything changes); without them only
 * loopback callers are served (403 otherwise). The activity's serviceUrl is learned into the
 * allow-list only after that check, so replies never go to an unauthenticated address.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Activity } from '@microsoft/agents-activity';
import type { HttpRoute, Logger } from '../../src/index.js';
import { isLoopbackAddress, isLoopbackUrl } from './caller-check.js';
import type { ServiceUrlAllowList } from './service-url-allow-list.js';
import type { BotTokenVerifier } from './verify-bot-token.js';

/** Activities are small JSON; anything near this size is not from the Bot Connector. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Dependencies of the messages route. `verify` is null in no-credential (local dev) mode. */
export interface MessagesRouteDeps {
  verify: BotTokenVerifier | null;
  allowList: ServiceUrlAllowList;
  /** When non-empty, only activities from these Entra tenants are served (others get 403). */
  allowedTenants: readonly string[];
  turn: (activity: Activity) => Promise<void>;
  logger: Logger;
}

function respond(res: ServerResponse, status: number, body?: Record<string, string>): void {
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

/** Decides whether the request may proceed; returns the refusal status or null. */
async function refuse(req: IncomingMessage, activity: Activity, deps: MessagesRouteDeps): Promise<number | null> {
  const serviceUrl = activity.serviceUrl ?? '';
  if (deps.verify) {
    const check = await deps.verify(req.headers.authorization, { serviceUrl, channelId: activity.channelId ?? '' });
    if (!check.ok) {
      deps.logger.warn({ reason: check.reason }, 'teams request refused: invalid token');
      return 401;
    }
  } else if (!isLoopbackUrl(serviceUrl)) {
    deps.logger.warn('teams request refused: local development mode only replies to loopback serviceUrls');
    return 403;
  }
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenant = activity.conversation?.tenantId ?? channelData?.tenant?.id ?? '';
  if (deps.allowedTenants.length > 0 && !deps.allowedTenants.includes(tenant)) {
    deps.logger.warn({ tenant }, 'teams request refused: tenant not in TEAMS_ALLOWED_TENANTS');
    return 403;
  }
  if (!deps.allowList.learn(serviceUrl)) {
    deps.logger.warn('teams request refused: serviceUrl must be https (or http on loopback)');
    return 400;
  }
  return null;
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
      if (!deps.verify && !isLoopbackAddress(req.socket.remoteAddress)) {
        req.resume();
        deps.logger.warn('teams request refused: no credentials configured, only loopback callers are served');
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
      const refusal = await refuse(req, activity, deps);
      if (refusal) return respond(res, refusal, { error: refusal === 401 ? 'unauthorized' : 'forbidden' });
      try {
        await deps.turn(activity);
      } catch (err) {
        deps.logger.error({ err }, 'teams activity failed');
        return respond(res, 500, { error: 'internal error' });
      }
      respond(res, 200);
    },
  };
}

/**
 * A hand-written Bot Framework connector on 127.0.0.1: records every activity the bot posts
 * (POST /v3/conversations/{id}/activities[/{replyToId}]) and answers from a script, so tests
 * can make it say 429, 403 or 401 the way the real Bot Connector service does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot posted. */
export interface PostedActivity {
  conversationId: string;
  replyToId: string | null;
  authorization: string | null;
  body: Record<string, unknown> & { attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
}

/** A scripted answer. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The running fake connector. */
export interface FakeConnector {
  serviceUrl: string;
  posted: PostedActivity[];
  /** Answers used in order for the next posts; afterwards 200 with a new activity id. */
  script: ScriptedAnswer[];
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** Starts the fake connector on a loopback address (another 127.x address plays a foreign host). */
export async function startFakeConnector(host = '127.0.0.1'): Promise<FakeConnector> {
  const posted: PostedActivity[] = [];
  const script: ScriptedAnswer[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = ROUTE.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const next = script.shift();
      if (next && next.status >= 300) {
        res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
        res.end(JSON.stringify(next.body ?? { error: { code: 'Fake', message: 'scripted failure' } }));
        return;
      }
      posted.push({
        conversationId: decodeURIComponent(match[1] ?? ''),
        replyToId: match[2] ? decodeURIComponent(match[2]) : null,
        authorization: req.headers.authorization ?? null,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as PostedActivity['body'],
      });
      counter += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    serviceUrl: `http://${host}:${(server.address() as AddressInfo).port}/`,
    posted,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Adaptive Card JSON of a posted activity (throws when there is none: a test failure). */
export function cardOf(activity: PostedActivity): Record<string, unknown> {
  const attachment = activity.body.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('no adaptive card attachment');
  return attachment.content;
}

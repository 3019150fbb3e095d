/**
 * Test harness: the Teams adapter's routes on a real loopback HTTP server, a real in-memory
 * SQLite store, the fake connector and identity servers, and a recording CommandHandler.
 */
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AddressInfo } from 'node:net';
import { createTeamsAdapter, type TeamsAdapter, type TeamsEnv } from '../../adapters/teams/create-teams-adapter.js';
import type { ActionHandler, ChatMessage, CommandContext, CommandHandler, Logger, Store } from '../../src/index.js';
import { createTestActions } from '../slack/test-actions.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createStore } from '../../src/store/create-store.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import type { FakeIdentity } from './fake-identity.js';

/** A CommandHandler that records what reached it and answers with a small list card. */
export function createRecordingHandler(): CommandHandler & { calls: Array<{ text: string; context: CommandContext }> } {
  const calls: Array<{ text: string; context: CommandContext }> = [];
  return {
    calls,
    async handle(text, context): Promise<ChatMessage> {
      calls.push({ text, context });
      return {
        text: `ran ${text}`,
        title: `Result for ${text}`,
        items: [{ title: 'EDPB opinion on AI models', url: 'https://example.org/edpb', summary: 'Summary', source: 'EDPB', publishedAt: null, topics: ['ai'] }],
      };
    },
  };
}

/** A pino logger whose JSON lines are kept in memory, so tests can assert why a request failed. */
export function createRecordingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

/** Everything a Teams test needs, torn down by close(). */
export interface Harness {
  baseUrl: string;
  adapter: TeamsAdapter;
  connector: FakeConnector;
  store: Store;
  clock: ReturnType<typeof createManualClock>;
  close(): Promise<void>;
}

/** Teams settings with credentials: every Microsoft endpoint on the fake identity, connectors on 127.0.0.1 allowed. */
export function credentialsEnv(idp: FakeIdentity, appId: string, extra: Partial<TeamsEnv> = {}): TeamsEnv {
  return {
    appId,
    appPassword: 'secret',
    tenantId: 'tenant-1',
    openIdMetadataUrl: idp.metadataUrl,
    entraOpenIdMetadataUrl: idp.entraMetadataUrl,
    tokenEndpoint: idp.tokenEndpoint,
    serviceUrlHosts: ['127.0.0.1'],
    ...extra,
  };
}

/** Starts the adapter with the given env on 127.0.0.1; by default local development (TEAMS_LOCAL_DEV, no credentials). */
export async function startHarness(options: { env?: TeamsEnv; handler?: CommandHandler; actions?: ActionHandler; store?: Store; clock?: ReturnType<typeof createManualClock>; logger?: Logger } = {}): Promise<Harness> {
  const clock = options.clock ?? createManualClock('2026-03-02T09:00:00Z');
  const store = options.store ?? createStore(':memory:');
  if (!options.store) await store.migrate();
  const connector = await startFakeConnector();
  const adapter = createTeamsAdapter({
    env: options.env ?? { localDev: true },
    commandHandler: options.handler ?? createRecordingHandler(),
    actions: options.actions ?? createTestActions(store, clock),
    store,
    logger: options.logger ?? createSilentLogger(),
    clock,
  });
  await adapter.start();
  const server: Server = createServer((req, res) => {
    const route = adapter.routes.find((r) => r.method === req.method && r.path === req.url);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    void route.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    adapter,
    connector,
    store,
    clock,
    async close() {
      await adapter.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
      if (!options.store) await store.close();
    },
  };
}

/** Posts an activity to /api/messages (optionally with extra headers); returns the HTTP status. */
export async function postActivity(baseUrl: string, activity: object, authorization?: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  return res.status;
}

let nextId = 0;

/** A Teams message activity as the Bot Connector sends it. */
export function messageActivity(serviceUrl: string, text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  nextId += 1;
  return {
    type: 'message',
    id: `msg-${nextId}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: { id: '29:user-1', aadObjectId: 'aad-user-1', name: 'Ada' },
    recipient: { id: '28:bot-app-id', name: 'Privacy Radar' },
    conversation: { id: 'a:personal-conv-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  };
}

/** A channel message that @mentions the bot. */
export function channelMention(serviceUrl: string, command: string): Record<string, unknown> {
  return messageActivity(serviceUrl, `<at>Privacy Radar</at> ${command}`, {
    conversation: { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    entities: [{ type: 'mention', text: '<at>Privacy Radar</at>', mentioned: { id: '28:bot-app-id', name: 'Privacy Radar' } }],
  });
}

/** conversationUpdate: the bot added to (or removed from) a team channel. */
export function botMembership(serviceUrl: string, change: 'added' | 'removed', conversationId = '19:general@thread.tacv2'): Record<string, unknown> {
  const bot = [{ id: '28:bot-app-id', name: 'Privacy Radar' }];
  return {
    type: 'conversationUpdate',
    id: `upd-${change}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1' },
    recipient: { id: '28:bot-app-id', name: 'Privacy Radar' },
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2' }, eventType: change === 'added' ? 'teamMemberAdded' : 'teamMemberRemoved' },
    ...(change === 'added' ? { membersAdded: bot } : { membersRemoved: bot }),
  };
}

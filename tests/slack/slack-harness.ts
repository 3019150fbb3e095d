/**
 * Starts the real adapter on the real HTTP server (loopback), a real in-memory SQLite store and
 * the fake Slack Web API, and tears all of it down again.
 */
import { afterEach, beforeEach } from 'vitest';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterEnv } from '../../adapters/slack/create-slack-adapter.js';
import type { ActionHandler, Clock, CommandHandler, Logger, Store } from '../../src/index.js';
import { createTestActions } from './test-actions.js';
import { systemClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { startHttpServer, type BotHttpServer } from '../../src/server/http-server.js';
import { createStore } from '../../src/store/create-store.js';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackOptions } from './fake-slack-api.js';
import { createRecordingHandler, type RecordingHandler } from './recording-handler.js';
import { SIGNING_SECRET } from './slack-request.js';

export interface SlackHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  server: BotHttpServer;
  baseUrl: string;
  store: Store;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Partial<SlackAdapterEnv>;
  handler?: CommandHandler;
  /** Defaults to the real action handler over the harness store. */
  actions?: ActionHandler;
  store?: Store;
  clock?: Clock;
  fake?: FakeSlackOptions;
  start?: boolean;
  /** Defaults to a silent logger. */
  logger?: Logger;
}

/** Adapter + server + fake API + store, wired like the composition root does. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi(options.fake);
  const store = options.store ?? createStore(':memory:');
  if (!options.store) await store.migrate();
  const logger = options.logger ?? createSilentLogger();
  const env: SlackAdapterEnv = { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test', adminOnly: false, tokensEncrypted: false, apiUrl: api.apiUrl, ...options.env };
  const adapter = createSlackAdapter({
    env,
    commandHandler: options.handler ?? createRecordingHandler(),
    actions: options.actions ?? createTestActions(store, options.clock),
    store,
    logger,
    clock: options.clock ?? systemClock,
  });
  if (options.start !== false) await adapter.start();
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: adapter.routes, logger });
  return {
    api,
    adapter,
    server,
    baseUrl: `http://127.0.0.1:${server.port}`,
    store,
    close: async () => {
      await adapter.stop();
      await server.close();
      await api.close();
      if (!options.store) await store.close();
    },
  };
}

/** A default harness with a recording handler for each test (handed to `use`), closed after it. */
export function useSlackHarness(use: (started: { h: SlackHarness; handler: RecordingHandler }) => void): void {
  let h: SlackHarness | undefined;
  beforeEach(async () => {
    const handler = createRecordingHandler();
    h = await startSlackHarness({ handler });
    use({ h, handler });
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
}

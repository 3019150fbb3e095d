/**
 * The Slack adapter: a Bolt 5 App whose HTTPReceiver is mounted on the bot's own server
 * (POST /slack/events, and GET /slack/install + /slack/oauth_redirect for OAuth), or Socket Mode
 * when an app token is set; plus the ChatPort the dispatcher sends through.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Authorize, type Receiver } from '@slack/bolt';
import type { ActionHandler, ChatPort, Clock, CommandHandler, HttpRoute, Logger, Store } from '../../src/index.js';
import { createAckFirstLane } from './ack-first-lane.js';
import { createBoltLogger } from './bolt-logger.js';
import { registerCommandListeners } from './command-listeners.js';
import { registerEventListeners } from './event-listeners.js';
import { registerInteractionListeners } from './interaction-listeners.js';
import { createSlackRoutes } from './events-route.js';
import { createInstallationStore, loadInstallation } from './installation-store.js';
import { createManagePolicy } from './manage-permission.js';
import { createSingleAuthorize } from './single-authorize.js';
import { createSlackChatPort, type TokenResolver } from './slack-chat-port.js';
import { slackClientOptions } from './slack-client.js';

/** Bot scopes requested on install (manifest.json); users:read only backs SLACK_ADMIN_ONLY. */
export const BOT_SCOPES = ['commands', 'chat:write'];

/** Slack settings (SLACK_* environment variables). */
export interface SlackAdapterEnv {
  signingSecret: string;
  botToken?: string;
  appToken?: string;
  clientId?: string;
  clientSecret?: string;
  stateSecret?: string;
  apiUrl?: string;
  adminOnly: boolean;
  /** ENCRYPTION_KEY is set: stored installation tokens are encrypted at rest (unset: OAuth warns). */
  tokensEncrypted?: boolean;
}

/** What the adapter needs from the core. */
export interface SlackAdapterOptions {
  env: SlackAdapterEnv;
  commandHandler: CommandHandler;
  /** Buttons, the settings modal and post actions. */
  actions: ActionHandler;
  store: Pick<Store, 'installations' | 'subscriptions'>;
  logger: Logger;
  clock: Clock;
}

/** The running adapter: mount `routes`, register `port` with the dispatcher, start/stop with the bot. */
export interface SlackAdapter {
  port: ChatPort;
  routes: HttpRoute[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The Bolt app (tests and diagnostics). */
  app: App;
}

/** Builds the Slack adapter; throws a clear message on an impossible configuration. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { env, store, clock } = options;
  const logger = options.logger.child({ platform: 'slack' });
  const mode = chooseMode(env);
  const boltLogger = createBoltLogger(logger);
  const clientOptions = slackClientOptions(env.apiUrl, boltLogger);
  const client = new webApi.WebClient(undefined, clientOptions);
  const singleAuthorize = env.botToken ? createSingleAuthorize(client, env.botToken) : null;

  let receiver: Receiver;
  let requestListener: HTTPReceiver['requestListener'] | null = null;
  if (mode.socket) {
    receiver = new SocketModeReceiver({ appToken: env.appToken as string, logger: boltLogger, installerOptions: { clientOptions } });
  } else {
    const http = new HTTPReceiver({
      signingSecret: env.signingSecret,
      endpoints: '/slack/events',
      // Ack as soon as the listener calls ack(); the answer follows via response_url (3 s rule).
      processBeforeResponse: false,
      logger: boltLogger,
      ...(mode.oauth ? oauthOptions(env, createInstallationStore(store.installations, clock), clientOptions) : {}),
    });
    requestListener = http.requestListener;
    receiver = http;
  }
  const app = new App({
    receiver,
    ...(singleAuthorize ? { authorize: singleAuthorize.authorize as Authorize<boolean> } : {}),
    clientOptions,
    logger: boltLogger,
    convoStore: false, // no conversation state: we store nothing from users (PRIVACY.md)
  });
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'slack: unhandled listener error');
  });
  const canManage = createManagePolicy({ adminOnly: env.adminOnly, clock, logger });
  const lane = createAckFirstLane();
  const { commandHandler, actions } = options;
  registerCommandListeners(app, { commandHandler, canManage, lane, logger });
  registerEventListeners(app, { commandHandler, actions, store, logger });
  registerInteractionListeners(app, { commandHandler, actions, store, canManage, lane, logger });

  const resolveToken: TokenResolver = singleAuthorize
    ? async () => env.botToken as string
    : async (workspaceId) => (await loadInstallation(store.installations, { teamId: workspaceId }))?.bot?.token ?? null;
  const routes = requestListener
    ? createSlackRoutes({ signingSecret: env.signingSecret, requestListener, clock, logger, oauth: mode.oauth })
    : [];

  return {
    app,
    port: createSlackChatPort(client, resolveToken),
    routes,
    start: async () => {
      if (singleAuthorize) await singleAuthorize.verify(logger);
      if (mode.oauth && !env.tokensEncrypted) {
        logger.warn('slack: OAuth stores every workspace\'s bot token in the database unencrypted; set ENCRYPTION_KEY (32 random bytes, e.g. `openssl rand -base64 32`) to encrypt them at rest');
      }
      if (mode.socket) await app.start();
      logger.info({ mode: mode.socket ? 'socket' : 'http', oauth: mode.oauth }, 'slack: adapter ready');
    },
    stop: async () => {
      if (mode.socket) await app.stop();
    },
  };
}

function chooseMode(env: SlackAdapterEnv): { socket: boolean; oauth: boolean } {
  if (!env.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required when Slack is enabled');
  const oauth = Boolean(env.clientId && env.clientSecret && env.stateSecret);
  if (env.clientId && !oauth) throw new Error('Slack OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
  if (oauth && env.botToken) {
    throw new Error('Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET/STATE_SECRET (OAuth), not both');
  }
  if (!oauth && !env.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID/SECRET/STATE_SECRET for OAuth');
  const socket = Boolean(env.appToken);
  if (socket && oauth) throw new Error('Socket Mode serves one workspace: use SLACK_BOT_TOKEN with SLACK_APP_TOKEN');
  return { socket, oauth };
}

function oauthOptions(env: SlackAdapterEnv, installationStore: ReturnType<typeof createInstallationStore>, clientOptions: webApi.WebClientOptions) {
  return {
    clientId: env.clientId,
    clientSecret: env.clientSecret,
    stateSecret: env.stateSecret,
    scopes: BOT_SCOPES,
    installationStore,
    installerOptions: {
      installPath: '/slack/install',
      redirectUriPath: '/slack/oauth_redirect',
      // Go straight to Slack's consent screen; state is bound to the browser by a signed cookie.
      directInstall: true,
      // Bolt passes these to InstallProvider, whose client calls oauth.v2.access (SLACK_API_URL applies).
      clientOptions,
    },
  };
}

/**
 * The Microsoft Teams adapter: the /api/messages route for the bot's one HTTP server and the
 * ChatPort the dispatcher uses for proactive deliveries. Platform code (Agents SDK, Bot
 * Framework protocol) stays in this folder; the core is reached only through src/index.ts.
 */
import type { ActionHandler, ChatMessage, ChatPort, Clock, CommandHandler, Destination, HttpRoute, Logger, SendOptions, SendResult, Store } from '../../src/index.js';
import { createSecretTokenSource, createCertificateTokenSource, defaultTokenEndpoint, noTokenSource, type BotTokenSource } from './bot-token.js';
import { createConversationStore } from './conversation-store.js';
import { handleTurn } from './handle-turn.js';
import { createMessagesRoute } from './messages-route.js';
import { createOpenIdKeySource } from './openid-keys.js';
import { sendCard, type SendTarget } from './send-activity.js';
import { createConnectorHostAllowList, createLocalConnectorAllowList, DEFAULT_SERVICE_URL_HOSTS, parseServiceUrlHosts } from './service-url-allow-list.js';
import { BOT_FRAMEWORK_ISSUER, BOT_FRAMEWORK_OPENID_METADATA, createBotTokenVerifier, type TrustedIssuer } from './verify-bot-token.js';

/** Teams settings (TEAMS_* environment variables, see docs/teams.md). */
export interface TeamsEnv {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  certPemFile?: string;
  certKeyFile?: string;
  /** Bot Framework OpenID metadata URL (tests point it at a local key server). */
  openIdMetadataUrl?: string;
  /** Entra OpenID metadata for the tenant's tokens (tests point it at a local key server). */
  entraOpenIdMetadataUrl?: string;
  /** Entra token endpoint for the bot's own token (tests and proxies). */
  tokenEndpoint?: string;
  /** Tenants allowed to use the bot (TEAMS_ALLOWED_TENANTS, comma-separated); empty = any. */
  allowedTenants?: string[];
  /** Connector hosts the bot may post to (TEAMS_SERVICE_URL_HOSTS); unset = the public-cloud hosts. */
  serviceUrlHosts?: string[];
  /** TEAMS_LOCAL_DEV: without TEAMS_APP_ID, mount /api/messages for local tools on this machine. */
  localDev?: boolean;
}

/** What createTeamsAdapter needs from the composition root. */
export interface TeamsAdapterDeps {
  env: TeamsEnv;
  commandHandler: CommandHandler;
  /** Card actions and the settings form. */
  actions: ActionHandler;
  store: Store;
  logger: Logger;
  clock: Clock;
}

/** The adapter handed back to the composition root. */
export interface TeamsAdapter {
  port: ChatPort;
  /** POST /api/messages, or nothing when Teams is neither configured nor in local development. */
  routes: HttpRoute[];
  /** True when app credentials are configured (JWT-validated mode). */
  readonly authenticated: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Reads TEAMS_* variables; blank values count as unset. */
export function readTeamsEnv(env: Record<string, string | undefined>): TeamsEnv {
  const get = (name: string) => env[name]?.trim() || undefined;
  return {
    appId: get('TEAMS_APP_ID'),
    appPassword: get('TEAMS_APP_PASSWORD'),
    tenantId: get('TEAMS_TENANT_ID'),
    certPemFile: get('TEAMS_CERT_PEM_FILE'),
    certKeyFile: get('TEAMS_CERT_KEY_FILE'),
    openIdMetadataUrl: get('TEAMS_OPENID_METADATA_URL'),
    tokenEndpoint: get('TEAMS_TOKEN_ENDPOINT'),
    allowedTenants: (get('TEAMS_ALLOWED_TENANTS') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    serviceUrlHosts: get('TEAMS_SERVICE_URL_HOSTS') ? parseServiceUrlHosts(get('TEAMS_SERVICE_URL_HOSTS')) : undefined,
    localDev: /^(1|true|yes|on)$/i.test(get('TEAMS_LOCAL_DEV') ?? ''),
  };
}

function trustedIssuers(env: TeamsEnv, clock: Clock): TrustedIssuer[] {
  const trusted: TrustedIssuer[] = [
    { kind: 'channel', issuers: [BOT_FRAMEWORK_ISSUER], keys: createOpenIdKeySource(env.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA, clock) },
  ];
  if (env.tenantId) {
    // Entra tokens of the bot's own tenant (Emulator-style: the bot's own credentials), v2 and v1 issuers.
    const tenant = encodeURIComponent(env.tenantId);
    trusted.push({
      kind: 'entra',
      issuers: [`https://login.microsoftonline.com/${env.tenantId}/v2.0`, `https://sts.windows.net/${env.tenantId}/`],
      keys: createOpenIdKeySource(env.entraOpenIdMetadataUrl ?? `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`, clock),
      tenantId: env.tenantId,
    });
  }
  return trusted;
}

function tokenSourceFor(env: TeamsEnv, clock: Clock): BotTokenSource {
  if (!env.appId) return noTokenSource;
  if (env.certPemFile && env.certKeyFile && env.tenantId) {
    return createCertificateTokenSource({ appId: env.appId, tenantId: env.tenantId, certPemFile: env.certPemFile, certKeyFile: env.certKeyFile });
  }
  const tokenEndpoint = env.tokenEndpoint ?? defaultTokenEndpoint(env.tenantId ?? 'botframework.com');
  return createSecretTokenSource({ appId: env.appId, appPassword: env.appPassword ?? '', tokenEndpoint, clock });
}

/**
 * Builds the Teams adapter. With TEAMS_APP_ID it validates tokens; without it, only TEAMS_LOCAL_DEV
 * mounts the route (local tools on this machine); otherwise there is no route at all.
 */
export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  const { env, clock, logger } = deps;
  const authenticated = Boolean(env.appId);
  const mounted = authenticated || Boolean(env.localDev);
  const trust = authenticated ? 'jwt' : 'loopback';
  const allowList = authenticated ? createConnectorHostAllowList(env.serviceUrlHosts ?? DEFAULT_SERVICE_URL_HOSTS) : createLocalConnectorAllowList();
  const tokens = tokenSourceFor(env, clock);
  const conversations = createConversationStore(deps.store);
  const verify = env.appId ? createBotTokenVerifier({ appId: env.appId, trusted: trustedIssuers(env, clock), clock }) : null;

  const send = (target: SendTarget, message: ChatMessage): Promise<SendResult> => sendCard(target, message, tokens, clock, allowList);

  const port: ChatPort = {
    platform: 'teams',
    async send(destination: Destination, message: ChatMessage, options?: SendOptions): Promise<SendResult> {
      const reference = await conversations.get(destination.channelId);
      if (!reference) return { kind: 'gone', reason: 'teams/no-conversation-reference: the bot was never added here' };
      // A reference learned in another mode (dev loopback vs. authenticated) is not trusted now.
      if (reference.trust !== trust) return { kind: 'gone', reason: 'teams/reference-from-other-auth-mode' };
      return send(
        { serviceUrl: reference.serviceUrl, conversationId: reference.conversationId, replyToId: options?.replyTo ?? null, botId: reference.botId || null },
        message,
      );
    },
  };

  const turnDeps = { commandHandler: deps.commandHandler, actions: deps.actions, conversations, send, clock, logger, trust } as const;
  const allowedTenants = env.allowedTenants ?? [];
  const route = createMessagesRoute({ verify, allowList, allowedTenants, logger, turn: (activity, origin) => handleTurn(activity, turnDeps, origin) });

  return {
    port,
    routes: mounted ? [route] : [],
    authenticated,
    async start() {
      if (!mounted) {
        logger.info('Teams is not configured (no TEAMS_APP_ID, no TEAMS_LOCAL_DEV): /api/messages is not mounted');
      } else if (!authenticated) {
        logger.warn('TEAMS_LOCAL_DEV: /api/messages serves direct loopback callers only, replying to a local connector (local development)');
      } else if (env.localDev) {
        logger.warn('TEAMS_LOCAL_DEV is ignored because TEAMS_APP_ID is set: every request needs a valid token');
      } else if (!env.appPassword && !(env.certPemFile && env.certKeyFile)) {
        logger.warn('TEAMS_APP_ID is set without TEAMS_APP_PASSWORD or a certificate: replies will fail');
      } else if (!env.tenantId) {
        logger.warn('TEAMS_TENANT_ID is not set: new Azure Bots are single-tenant and need it for tokens');
      }
    },
    async stop() {
      // Nothing to close: outbound calls are per request and the route lives on the shared HTTP server.
    },
  };
}

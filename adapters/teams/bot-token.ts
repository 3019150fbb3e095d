/**
 * The bot's outbound token for the Bot Connector (scope https://api.botframework.com/.default).
 * Client secret: the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) against the
 * tenant's token endpoint, configurable so tests and proxies can point it at their own server.
 * Certificate: the Agents SDK's MsalTokenProvider (MSAL refuses non-https authorities, which is
 * why the secret path does not go through it; see docs/teams.md).
 */
import { MsalTokenProvider } from '@microsoft/agents-hosting';
import type { Clock } from '../../src/index.js';

/** A token, or why there is none as a SendResult-compatible outcome. */
export type TokenOutcome =
  | { kind: 'token'; token: string | null }
  | { kind: 'retry'; afterMs: number; error: string }
  | { kind: 'auth_revoked'; reason: string };

/** Supplies the bearer token for connector calls. */
export interface BotTokenSource {
  getToken(): Promise<TokenOutcome>;
}

const SCOPE = 'https://api.botframework.com/.default';
const EARLY_REFRESH_MS = 5 * 60 * 1000;

/** Local development: connector calls go to loopback without any token. */
export const noTokenSource: BotTokenSource = { getToken: async () => ({ kind: 'token', token: null }) };

/** The default Entra token endpoint for a single-tenant bot. */
export function defaultTokenEndpoint(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

/** Client-credentials token source with an in-memory cache until 5 minutes before expiry. */
export function createSecretTokenSource(options: {
  appId: string;
  appPassword: string;
  tokenEndpoint: string;
  clock: Clock;
}): BotTokenSource {
  let cached: { token: string; expiresAt: number } | null = null;
  return {
    async getToken() {
      const now = options.clock.now().getTime();
      if (cached && cached.expiresAt - EARLY_REFRESH_MS > now) return { kind: 'token', token: cached.token };
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.appId,
        client_secret: options.appPassword,
        scope: SCOPE,
      });
      let res: Response;
      try {
        res = await fetch(options.tokenEndpoint, { method: 'POST', body, signal: AbortSignal.timeout(15_000) });
      } catch (err) {
        return { kind: 'retry', afterMs: 5_000, error: `teams/token-unreachable: ${(err as Error).message}` };
      }
      const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
      if (res.ok && typeof json.access_token === 'string') {
        cached = { token: json.access_token, expiresAt: now + (Number(json.expires_in) || 3600) * 1000 };
        return { kind: 'token', token: json.access_token };
      }
      // invalid_client / unauthorized_client: the secret was rotated or the app deleted.
      if (res.status === 400 || res.status === 401) {
        return { kind: 'auth_revoked', reason: `teams/token-refused: ${json.error ?? res.status}` };
      }
      return { kind: 'retry', afterMs: 5_000, error: `teams/token-failed: ${res.status}` };
    },
  };
}

/** Certificate credentials through the Agents SDK (MSAL client credentials, cached by MSAL). */
export function createCertificateTokenSource(options: {
  appId: string;
  tenantId: string;
  certPemFile: string;
  certKeyFile: string;
}): BotTokenSource {
  const provider = new MsalTokenProvider();
  const config = {
    clientId: options.appId,
    tenantId: options.tenantId,
    certPemFile: options.certPemFile,
    certKeyFile: options.certKeyFile,
  };
  return {
    async getToken() {
      try {
        return { kind: 'token', token: await provider.getAccessToken(config, 'https://api.botframework.com') };
      } catch (err) {
        const code = (err as { errorCode?: string }).errorCode ?? '';
        if (/invalid_client|unauthorized_client|invalid_grant/.test(code)) return { kind: 'auth_revoked', reason: `teams/token-refused: ${code}` };
        return { kind: 'retry', afterMs: 5_000, error: `teams/token-failed: ${code || (err as Error).message}` };
      }
    },
  };
}

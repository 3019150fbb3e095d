/**
 * Validates the JWT on every request to the bot, the way the Bot Framework connector's own
 * validation does (botframework-connector JwtTokenValidation and the "Authentication with the
 * Bot Connector API" reference). Two kinds of token are accepted:
 *
 * - channel tokens (issuer https://api.botframework.com, keys from the Bot Framework OpenID
 *   metadata), as ChannelValidation checks them: key endorsed for the activity's channelId,
 *   audience = our app id, and a `serviceurl` claim equal to the activity's serviceUrl;
 * - Entra tokens of our own tenant (TEAMS_TENANT_ID), as EmulatorValidation checks them: a `ver`
 *   claim, and the app that asked for the token (`appid` in v1, `azp` in v2) is this bot itself.
 *   Only a holder of the bot's own credentials can get one; another app of the tenant cannot.
 *   They carry no `serviceurl`, so such a request is never allowed to change stored references.
 *
 * Skill tokens (another bot calling us) fail the appid/azp check, as the connector refuses skill
 * claims without an allowed-callers validator. Done here with `jose` because the Agents SDK's
 * authorizeJWT hard-codes the key URL for the Bot Framework issuer and skips endorsements.
 */
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { Clock } from '../../src/index.js';
import type { KeySource } from './openid-keys.js';

/** The issuer of tokens the Bot Connector service (Teams channel) sends to bots. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Where the Bot Framework issuer publishes its OpenID metadata (public cloud). */
export const BOT_FRAMEWORK_OPENID_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
const CLOCK_SKEW_SECONDS = 300;

/** Which validation path a token took: the Bot Connector channel, or Entra (the bot's own app). */
export type TokenKind = 'channel' | 'entra';

/** A trusted issuer, where its signing keys come from, and which kind of token it issues. */
export interface TrustedIssuer {
  kind: TokenKind;
  issuers: string[];
  keys: KeySource;
  /** Entra tokens must come from the configured tenant (`tid`). */
  tenantId?: string;
}

/** Outcome of checking one request's token; failures carry a short reason for the log only. */
export type TokenCheck = { ok: true; kind: TokenKind; claims: JWTPayload } | { ok: false; reason: string };

/** What the token must match in the activity it came with. */
export interface ActivityFacts {
  serviceUrl: string;
  channelId: string;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}

/** Creates the verifier for one bot app id and its trusted issuers. */
export function createBotTokenVerifier(options: { appId: string; trusted: TrustedIssuer[]; clock: Clock }) {
  return async function verifyBotToken(authorization: string | undefined, facts: ActivityFacts | null): Promise<TokenCheck> {
    const token = bearerToken(authorization);
    if (!token) return { ok: false, reason: authorization ? 'malformed authorization header' : 'no bearer token' };
    let kid: string | undefined;
    let alg: string | undefined;
    let issuer: unknown;
    try {
      ({ kid, alg } = decodeProtectedHeader(token));
      issuer = decodeJwt(token).iss;
    } catch {
      return { ok: false, reason: 'token is not a JWT' };
    }
    const trust = options.trusted.find((t) => typeof issuer === 'string' && t.issuers.includes(issuer));
    if (!trust) return { ok: false, reason: 'untrusted issuer' };
    if (!kid) return { ok: false, reason: 'token has no key id' };
    if (!alg || !ALGORITHMS.includes(alg)) return { ok: false, reason: 'token algorithm not allowed' };
    let jwk;
    try {
      jwk = await trust.keys.findKey(kid);
    } catch (err) {
      return { ok: false, reason: `signing keys unavailable: ${(err as Error).message}` };
    }
    if (!jwk) return { ok: false, reason: 'unknown signing key' };
    if (facts && trust.kind === 'channel' && jwk.endorsements && !jwk.endorsements.includes(facts.channelId)) {
      return { ok: false, reason: `key not endorsed for channel ${facts.channelId}` };
    }
    let claims: JWTPayload;
    try {
      const key = await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, alg);
      ({ payload: claims } = await jwtVerify(token, key, {
        issuer: trust.issuers,
        audience: options.appId,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: options.clock.now(),
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      const code = err instanceof joseErrors.JOSEError ? err.code : 'ERR_INVALID';
      return { ok: false, reason: `token rejected (${code})` };
    }
    if (trust.kind === 'entra') {
      if (claims.tid !== trust.tenantId) return { ok: false, reason: 'token from another tenant' };
      const wrongApp = checkEntraAppId(claims, options.appId);
      return wrongApp ? { ok: false, reason: wrongApp } : { ok: true, kind: 'entra', claims };
    }
    // Without an activity (unparsable body) only the token itself is checked, so the caller can
    // be told 400 (authenticated, bad body) rather than 401.
    if (facts && claims.serviceurl !== facts.serviceUrl) return { ok: false, reason: 'serviceurl claim does not match the activity' };
    return { ok: true, kind: 'channel', claims };
  };
}

/**
 * EmulatorValidation's rule: `ver` is required; "1.0" (or empty) names the calling app in
 * `appid`, "2.0" in `azp`; any other version is refused; the calling app must be this bot.
 */
function checkEntraAppId(claims: JWTPayload, appId: string): string | null {
  const { ver } = claims;
  if (ver === undefined || ver === null) return 'token has no ver claim';
  if (ver === '' || ver === '1.0') return claims.appid === appId ? null : 'appid claim is not this bot';
  if (ver === '2.0') return claims.azp === appId ? null : 'azp claim is not this bot';
  return 'unknown token version';
}

/** The verifier function type. */
export type BotTokenVerifier = ReturnType<typeof createBotTokenVerifier>;

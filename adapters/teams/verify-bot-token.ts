/**
 * Validates the JWT the Bot Connector service puts on every request to the bot, following
 * "Authentication with the Bot Connector API" (Bot Framework REST docs): Bearer scheme, RS256
 * family signature by a key from the issuer's OpenID metadata, issuer, audience = our app id,
 * lifetime with 5 minutes of clock skew, the key's endorsements naming the activity's channel,
 * and the `serviceurl` claim matching the activity's serviceUrl. Done here with `jose` because
 * the Agents SDK's authorizeJWT hard-codes the key URL for the Bot Framework issuer, skips
 * endorsements and accepts anonymous callers from anywhere (see docs/teams.md).
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

/** A trusted issuer and where its signing keys come from. */
export interface TrustedIssuer {
  issuers: string[];
  keys: KeySource;
  /** Bot Framework keys carry endorsements (channel ids); Entra keys do not. */
  checkEndorsements: boolean;
  /** Entra tokens must come from the configured tenant. */
  tenantId?: string;
}

/** Outcome of checking one request's token; failures carry a short reason for the log only. */
export type TokenCheck = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/** What the token must match in the activity it came with. */
export interface ActivityFacts {
  serviceUrl: string;
  channelId: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '').toLowerCase();

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
    if (facts && trust.checkEndorsements && jwk.endorsements && !jwk.endorsements.includes(facts.channelId)) {
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
    if (trust.tenantId && claims.tid !== trust.tenantId) return { ok: false, reason: 'token from another tenant' };
    // Without an activity (unparsable body) only the token itself is checked, so the caller can
    // be told 400 (authenticated, bad body) rather than 401.
    if (!facts) return { ok: true, claims };
    const claimUrl = claims.serviceurl ?? claims.serviceUrl;
    if (typeof claimUrl === 'string' ? trimSlash(claimUrl) !== trimSlash(facts.serviceUrl) : trust.checkEndorsements) {
      return { ok: false, reason: 'serviceurl claim does not match the activity' };
    }
    return { ok: true, claims };
  };
}

/** The verifier function type. */
export type BotTokenVerifier = ReturnType<typeof createBotTokenVerifier>;

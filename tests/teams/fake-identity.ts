/**
 * A local stand-in for login.botframework.com and Entra (login.microsoftonline.com): OpenID
 * metadata for both, a JWKS with Bot Framework style endorsements, the Entra JWKS (no
 * endorsements), a client-credentials token endpoint, and a helper that signs tokens with the
 * test key (or with an unknown one). Both issuers publish the same test key, so a test chooses
 * the token kind only through its claims, as an attacker would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** The running fake identity provider. */
export interface FakeIdentity {
  metadataUrl: string;
  /** Entra OpenID metadata of the test tenant (`tenant-1`). */
  entraMetadataUrl: string;
  tokenEndpoint: string;
  /** Requests seen, e.g. "GET /v1/.well-known/openidconfiguration". */
  requests: string[];
  /** Client-credential grants seen (form fields). */
  tokenRequests: Array<Record<string, string>>;
  /** Next token endpoint answer (default: a token). */
  tokenStatus: number;
  sign(claims: JWTPayload, options?: { key?: 'trusted' | 'unknown' | 'wrong-key-same-kid'; expiresInSec?: number; alg?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a fresh RSA key (kid "test-key", endorsed for msteams). */
export async function startFakeIdentity(now: () => Date): Promise<FakeIdentity> {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const unknown = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(trusted.publicKey)), kid: 'test-key', use: 'sig', endorsements: ['msteams', 'webchat'] };
  const state = { requests: [] as string[], tokenRequests: [] as Array<Record<string, string>>, tokenStatus: 200 };
  let base = '';
  const server: Server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/.well-known/keys` }));
      } else if (req.url === '/v1/.well-known/keys') {
        res.end(JSON.stringify({ keys: [publicJwk] }));
      } else if (req.url === '/tenant-1/v2.0/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: 'https://login.microsoftonline.com/tenant-1/v2.0', jwks_uri: `${base}/tenant-1/discovery/v2.0/keys` }));
      } else if (req.url === '/tenant-1/discovery/v2.0/keys') {
        res.end(JSON.stringify({ keys: [{ ...publicJwk, endorsements: undefined }] }));
      } else if (req.url === '/tenant/oauth2/v2.0/token' && req.method === 'POST') {
        state.tokenRequests.push(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString())));
        res.statusCode = state.tokenStatus;
        res.end(JSON.stringify(state.tokenStatus === 200 ? { access_token: 'bot-token-1', expires_in: 3600, token_type: 'Bearer' } : { error: 'invalid_client' }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const keyFor = (which: string): { key: PrivateKey; kid: string } =>
    which === 'unknown'
      ? { key: unknown.privateKey, kid: 'unknown-key' }
      : which === 'wrong-key-same-kid'
        ? { key: unknown.privateKey, kid: 'test-key' }
        : { key: trusted.privateKey, kid: 'test-key' };

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    entraMetadataUrl: `${base}/tenant-1/v2.0/.well-known/openid-configuration`,
    tokenEndpoint: `${base}/tenant/oauth2/v2.0/token`,
    get requests() {
      return state.requests;
    },
    get tokenRequests() {
      return state.tokenRequests;
    },
    get tokenStatus() {
      return state.tokenStatus;
    },
    set tokenStatus(value: number) {
      state.tokenStatus = value;
    },
    async sign(claims, options = {}) {
      const { key, kid } = keyFor(options.key ?? 'trusted');
      const iat = Math.floor(now().getTime() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: options.alg ?? 'RS256', kid, typ: 'JWT' })
        .setIssuedAt(iat - 60)
        .setNotBefore(iat - 60)
        .setExpirationTime(iat + (options.expiresInSec ?? 3600))
        .sign(key);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

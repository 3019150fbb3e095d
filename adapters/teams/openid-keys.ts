/**
 * Signing keys for Bot Framework tokens, found the way the Bot Framework authentication spec
 * says: OpenID metadata document -> jwks_uri -> keys (with their channel endorsements). Cached
 * for a day as the spec recommends, refreshed early when a token names an unknown key id (key
 * rollover), but at most once per 5 minutes so junk tokens cannot make us hammer the endpoint.
 */
import type { Clock } from '../../src/index.js';

/** A JSON Web Key as published by login.botframework.com, with Bot Framework endorsements. */
export interface BotJwk {
  kid?: string;
  kty: string;
  n?: string;
  e?: string;
  x5c?: string[];
  endorsements?: string[];
  [key: string]: unknown;
}

/** Finds the published key for a key id, or null when no such key exists. */
export interface KeySource {
  findKey(kid: string): Promise<BotJwk | null>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MIN_REFRESH_MS = 5 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}

/** Reads keys through an OpenID metadata URL (the document's jwks_uri). */
export function createOpenIdKeySource(metadataUrl: string, clock: Clock): KeySource {
  let keys: BotJwk[] = [];
  let fetchedAt = -Infinity;
  let pending: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    const metadata = (await fetchJson(metadataUrl)) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new Error('OpenID metadata has no jwks_uri');
    const jwks = (await fetchJson(metadata.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new Error('JWKS document has no keys array');
    keys = jwks.keys as BotJwk[];
    fetchedAt = clock.now().getTime();
  }

  async function refreshOnce(): Promise<void> {
    pending ??= refresh().finally(() => {
      pending = null;
    });
    return pending;
  }

  return {
    async findKey(kid) {
      let age = clock.now().getTime() - fetchedAt;
      if (age > DAY_MS) {
        await refreshOnce();
        age = 0;
      }
      let key = keys.find((k) => k.kid === kid) ?? null;
      if (!key && age > MIN_REFRESH_MS) {
        await refreshOnce();
        key = keys.find((k) => k.kid === kid) ?? null;
      }
      return key;
    },
  };
}

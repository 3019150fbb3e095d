/** Settings for fetchFeed (docs/ingestion.md R4-R7, R12) and their defaults. */
import type { LookupAll } from './guarded-lookup.js';

/** Everything fetchFeed needs besides the request; build with defaultFetchOptions. */
export interface FetchOptions {
  /** ALLOW_PRIVATE_NETWORK=true: private ranges allowed (link-local and metadata still refused). */
  allowPrivateNetwork: boolean;
  /** CIDRs exempted from the SSRF guard without turning it off (intranet host, test server). */
  allowedAddressRanges?: string[];
  /** Names the bot and a contact URL (R12). */
  userAgent: string;
  /** Cap on decoded body bytes (R4). */
  maxBytes: number;
  connectTimeoutMs: number;
  /** Whole fetch including redirects and body (R5). */
  totalTimeoutMs: number;
  maxRedirects: number;
  /** DNS resolver (all answers); tests inject one to simulate rebinding. */
  lookup?: LookupAll;
}

/** User-Agent naming the bot and where to complain (R12). */
export const DEFAULT_USER_AGENT = 'PrivacyRadar/0.1 (+https://github.com/privacy-radar/privacy-radar; feed fetcher)';

/** Defaults (docs/ingestion.md R4-R6): 15 MiB, 20 s total, 5 redirects. */
export function defaultFetchOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    allowPrivateNetwork: false,
    userAgent: DEFAULT_USER_AGENT,
    maxBytes: 15 * 1024 * 1024,
    connectTimeoutMs: 10_000,
    totalTimeoutMs: 20_000,
    maxRedirects: 5,
    // An unset setting (USER_AGENT missing from the environment) keeps its default.
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
}

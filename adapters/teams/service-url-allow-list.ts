/**
 * The serviceUrls the bot may post to: learned only from activities that passed authentication
 * (or, in local development, came from loopback), plus stored references learned the same way.
 * A forged activity cannot make the bot send its token or replies to an attacker's server.
 */
import { isSendableServiceUrl, serviceUrlOrigin } from './caller-check.js';

/** An allow-list of serviceUrl origins for one trust mode. */
export interface ServiceUrlAllowList {
  learn(serviceUrl: string): boolean;
  allows(serviceUrl: string): boolean;
}

/** Creates an empty allow-list; `authenticated` is false in no-credential (loopback) mode. */
export function createServiceUrlAllowList(authenticated: boolean): ServiceUrlAllowList {
  const origins = new Set<string>();
  return {
    learn(serviceUrl) {
      const origin = serviceUrlOrigin(serviceUrl);
      if (!origin || !isSendableServiceUrl(serviceUrl, authenticated)) return false;
      origins.add(origin);
      return true;
    },
    allows(serviceUrl) {
      const origin = serviceUrlOrigin(serviceUrl);
      return origin !== null && origins.has(origin) && isSendableServiceUrl(serviceUrl, authenticated);
    },
  };
}

/**
 * Who may call the bot in local development (TEAMS_LOCAL_DEV, no app credentials): a caller on
 * this machine (Bot Framework Emulator, Teams App Test Tool), not one relayed by a proxy.
 */
import { isLoopbackAddress } from '../../src/index.js';

export { isLoopbackAddress, proxyHeaderOf } from '../../src/index.js';

/** True when a URL's host is loopback by address or the name `localhost`. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || isLoopbackAddress(host);
}


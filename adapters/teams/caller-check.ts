/**
 * Who may call the bot in local development (TEAMS_LOCAL_DEV, no app credentials): a caller on
 * this machine (Bot Framework Emulator, Teams App Test Tool), not one relayed by a proxy.
 */
import ipaddr from 'ipaddr.js';

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string | undefined | null): boolean {
  if (!address) return false;
  try {
    let parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
      parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    }
    return parsed.range() === 'loopback';
  } catch {
    return false;
  }
}

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

/**
 * Headers a reverse proxy or load balancer adds to say whom it forwards for. A request that
 * carries one reached us through a proxy, so its loopback address says nothing about the caller.
 */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-original-forwarded-for'];

/** The first proxy header present on the request, or null. */
export function proxyHeaderOf(headers: Record<string, unknown>): string | null {
  return PROXY_HEADERS.find((name) => headers[name] !== undefined) ?? null;
}

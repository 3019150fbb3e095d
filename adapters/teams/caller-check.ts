/**
 * Who may call the bot and where it may send. With no app credentials the Teams endpoint is for
 * local development only (Bot Framework Emulator, Teams App Test Tool on the same machine), so
 * both the caller and the serviceUrl replies go to must be on loopback.
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
 * Whether replies may go to this serviceUrl at all: https anywhere when authenticated, plain
 * http only to loopback (tests, local emulators). Anything else (file:, ftp:, bad URLs) never.
 */
export function isSendableServiceUrl(url: string, authenticated: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (!authenticated) return isLoopbackUrl(url) && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && isLoopbackUrl(url);
}

/** The origin a serviceUrl is trusted under (scheme, host and port; path ignored). */
export function serviceUrlOrigin(url: string): string | null {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return null;
  }
}

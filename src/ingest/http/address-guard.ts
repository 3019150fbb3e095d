/**
 * SSRF guard (docs/ingestion.md R7): only globally routable unicast addresses may be connected to.
 * Loopback, RFC 1918 private, link-local (incl. 169.254.169.254 cloud metadata), CGNAT
 * (incl. 100.100.100.200), unique-local v6 (incl. fd00:ec2::254), multicast, reserved and
 * v4-mapped/translated v6 forms of those are refused unless explicitly allowed.
 */
import ipaddr from 'ipaddr.js';

/** What the guard lets through besides public unicast. */
export interface AddressPolicy {
  /** ALLOW_PRIVATE_NETWORK: everything is allowed. */
  allowPrivateNetwork: boolean;
  /** CIDRs exempted from the guard (e.g. an intranet feed host, or a test server's 127.0.0.1/32). */
  allowedRanges?: string[];
}

function toCanonical(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  // ::ffff:169.254.169.254 must be judged as the IPv4 address it is.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

function inAllowedRange(ip: ipaddr.IPv4 | ipaddr.IPv6, ranges: string[]): boolean {
  return ranges.some((cidr) => {
    try {
      const [range, bits] = ipaddr.parseCIDR(cidr);
      return range.kind() === ip.kind() && ip.match([range, bits] as never);
    } catch {
      return false;
    }
  });
}

/** True when a connection to `address` (an IP literal) is allowed under the policy. */
export function isAddressAllowed(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivateNetwork) return true;
  const ip = toCanonical(address);
  if (!ip) return false; // not an IP at all: refuse rather than guess
  if (policy.allowedRanges?.length && inAllowedRange(ip, policy.allowedRanges)) return true;
  return ip.range() === 'unicast';
}

/** True when a URL host is an IP literal (these never go through DNS lookup). */
export function hostIsIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}

/** The error a refused address produces; mapped to kind `blocked_address`. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(readonly address: string, host: string) {
    super(`refused to connect to ${host} at ${address}: private, loopback, link-local or metadata address (set ALLOW_PRIVATE_NETWORK to allow)`);
  }
}

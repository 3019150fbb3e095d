/**
 * SSRF guard (docs/ingestion.md R7): only globally routable unicast addresses may be connected
 * to. Loopback, RFC 1918 private, CGNAT, unique-local v6, multicast and reserved ranges are
 * refused unless ALLOW_PRIVATE_NETWORK allows them (`true`, or a list of CIDR ranges). Link-local and cloud
 * metadata addresses are refused even then, unless a listed range names them explicitly: a
 * metadata endpoint hands out cloud credentials, and no feed lives there. IPv6 forms that embed an
 * IPv4 address (mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged as that
 * IPv4 address too, so `::7f00:1` is refused like 127.0.0.1.
 */
import ipaddr from 'ipaddr.js';

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Ip, number];

/** What the guard lets through besides public unicast. */
export interface AddressPolicy {
  /** ALLOW_PRIVATE_NETWORK=true: private ranges are allowed (link-local and metadata still are not). */
  allowPrivateNetwork: boolean;
  /** CIDRs exempted from the guard (ALLOW_PRIVATE_NETWORK as a list, or a test server's 127.0.0.1/32). */
  allowedRanges?: string[];
}

/**
 * Refused whatever the policy says, unless a listed range lies inside one of these: link-local
 * (169.254.169.254 is the AWS, GCP and Azure metadata service), AWS's IPv6 metadata address,
 * Alibaba Cloud's metadata address and Azure's host endpoint (a public address only Azure VMs reach).
 */
const SENSITIVE: Cidr[] = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254/128', '100.100.100.200/32', '168.63.129.16/32'].map(
  (cidr) => ipaddr.parseCIDR(cidr) as Cidr,
);

/** Parses a CIDR range (or a single address, as a one-host range); null when it is not one. */
export function parseAddressRange(text: string): Cidr | null {
  const value = text.trim();
  const address = value.split('/')[0] ?? '';
  // Only the usual notations: ipaddr.js also accepts "10.0.0" or octal parts, which hide mistakes.
  if (!address.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(address)) return null;
  let cidr: Cidr;
  try {
    if (value.includes('/')) cidr = ipaddr.parseCIDR(value) as Cidr;
    else if (ipaddr.isValid(value)) {
      const ip = ipaddr.parse(value);
      cidr = [ip, ip.kind() === 'ipv4' ? 32 : 128];
    } else return null;
  } catch {
    return null;
  }
  // A range written in IPv4-mapped form (::ffff:10.0.0.0/104) names IPv4 addresses.
  const [range, bits] = cidr;
  if (range.kind() === 'ipv6' && bits >= 96 && (range as ipaddr.IPv6).isIPv4MappedAddress()) {
    return [(range as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return cidr;
}

/** The IPv4 address an IPv6 address carries (IPv4-compatible, NAT64 or 6to4), or null. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const zeros = (from: number, to: number) => p.slice(from, to).every((word) => word === 0);
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 are the unspecified and loopback addresses.
  if (zeros(0, 6) && !(p[6] === 0 && (p[7] ?? 0) <= 1)) return fromWords(p[6] ?? 0, p[7] ?? 0);
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return fromWords(p[6] ?? 0, p[7] ?? 0);
  if (p[0] === 0x2002) return fromWords(p[1] ?? 0, p[2] ?? 0);
  return null;
}

/** Every form an address must be judged in; null when it is not an IP literal. */
function viewsOf(address: string): Ip[] | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return [parsed];
  const v6 = parsed as ipaddr.IPv6;
  // ::ffff:169.254.169.254 is exactly the IPv4 address it maps.
  if (v6.isIPv4MappedAddress()) return [v6.toIPv4Address()];
  const inner = embeddedIPv4(v6);
  return inner ? [v6, inner] : [v6];
}

const contains = ([range, bits]: Cidr, ip: Ip) => range.kind() === ip.kind() && ip.match([range, bits] as never);
/** True when `inner` lies entirely inside `outer`. */
const within = (inner: Cidr, outer: Cidr) => inner[1] >= outer[1] && contains(outer, inner[0]);

function isAllowedView(ip: Ip, policy: AddressPolicy, listed: Cidr[]): boolean {
  const sensitive = SENSITIVE.find((block) => contains(block, ip));
  if (sensitive) return listed.some((range) => contains(range, ip) && within(range, sensitive));
  if (listed.some((range) => contains(range, ip))) return true;
  return policy.allowPrivateNetwork || ip.range() === 'unicast';
}

/** True when a connection to `address` (an IP literal) is allowed under the policy. */
export function isAddressAllowed(address: string, policy: AddressPolicy): boolean {
  const views = viewsOf(address);
  if (!views) return false; // not an IP at all: refuse rather than guess
  const listed = (policy.allowedRanges ?? []).map(parseAddressRange).filter((range): range is Cidr => range !== null);
  return views.every((ip) => isAllowedView(ip, policy, listed));
}

/** True when a URL host is an IP literal (these never go through DNS lookup). */
export function hostIsIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}

/** The error a refused address produces; mapped to kind `blocked_address`. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(readonly address: string, host: string) {
    super(
      `refused to connect to ${host} at ${address}: private, loopback, link-local or metadata address ` +
        '(ALLOW_PRIVATE_NETWORK allows private ranges; link-local and metadata only when a listed range names them)',
    );
  }
}

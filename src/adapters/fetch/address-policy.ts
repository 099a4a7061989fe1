/**
 * Which IP addresses a server-side fetch may connect to.
 *
 * Feed and article URLs come from admins and from feeds themselves (redirects, item links), so
 * they must not reach inside the server's own network. Only globally routable unicast addresses
 * are allowed: loopback, private (RFC 1918, IPv6 ULA), link-local (and so the cloud metadata
 * endpoints 169.254.169.254 and fd00:ec2::254), CGNAT, multicast, broadcast, unspecified,
 * reserved and documentation ranges are refused. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, NAT64, 6to4) are judged by the embedded address; Teredo is refused.
 */
import ipaddr from 'ipaddr.js';

/** A predicate on one IP address (string form, no brackets): true if it may be connected to. */
export type AddressPolicy = (address: string) => boolean;

/** Name of the range that makes `address` off limits, or null when it is public unicast. */
export function forbiddenRange(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(stripBrackets(address));
  } catch {
    return 'not an IP address';
  }
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return range === 'unicast' ? null : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145': {
      const embedded = forbiddenRange(v6.toIPv4Address().toString());
      return embedded ? `${range} ${embedded}` : null;
    }
    case 'rfc6052': {
      // NAT64 (64:ff9b::/96 and 64:ff9b:1::/48): the IPv4 address is the last 32 bits.
      const p = v6.parts;
      const embedded = forbiddenRange(v4From(p[6]!, p[7]!));
      return embedded ? `NAT64 ${embedded}` : null;
    }
    case '6to4': {
      // 2002:AABB:CCDD::/48 tunnels to AA.BB.CC.DD.
      const p = v6.parts;
      const embedded = forbiddenRange(v4From(p[1]!, p[2]!));
      return embedded ? `6to4 ${embedded}` : null;
    }
    case 'unicast':
      // Only 2000::/3 is allocated global unicast; anything else is unassigned space.
      return (v6.parts[0]! & 0xe000) === 0x2000 ? null : 'unassigned';
    default:
      return range;
  }
}

/** The default policy: public unicast only. */
export const isPublicAddress: AddressPolicy = (address) => forbiddenRange(address) === null;

/** Thrown (inside DNS lookup or before connecting) when a host resolves to a refused address. */
export class BlockedAddressError extends Error {
  readonly code = 'EVIGILBLOCKED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    const what = `not a public address (${describeRange(address, range)})`;
    super(host === address ? `refused: ${address} is ${what}` : `refused: ${host} resolves to ${address}, which is ${what}`);
    this.name = 'BlockedAddressError';
  }
}

/** Throws BlockedAddressError when `policy` refuses the address. */
export function assertAllowed(host: string, address: string, policy: AddressPolicy): void {
  if (policy(address)) return;
  throw new BlockedAddressError(host, address, forbiddenRange(address) ?? 'refused by policy');
}

const LABELS: Record<string, string> = {
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  uniqueLocal: 'unique local, private',
  ipv4Mapped: 'IPv4-mapped',
  rfc6145: 'IPv4-translated',
  deprecatedSiteLocal: 'site-local',
};

function describeRange(address: string, range: string): string {
  const label = range
    .split(' ')
    .map((r) => LABELS[r] ?? r)
    .join(' ');
  const bare = stripBrackets(address);
  return bare === '169.254.169.254' || bare === 'fd00:ec2::254' ? `${label}, cloud metadata endpoint` : label;
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function v4From(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

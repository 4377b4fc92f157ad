import { BlockList, isIP } from 'node:net';

/**
 * Which addresses an outbound request may connect to: public unicast only. Everything a request
 * forged by a tenant could use to reach the platform's own network is refused.
 */

/** IPv4 ranges that are not public (RFC 6890 special-purpose registry, plus multicast and the reserved block). */
const V4_NOT_PUBLIC: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

/**
 * IPv6 inside global unicast (2000::/3) that is still not public. Everything outside 2000::/3
 * (::, ::1, ::/96 IPv4-compatible, 100::/64 discard, fc00::/7 ULA, fe80::/10 link-local,
 * fec0::/10 site-local, ff00::/8 multicast, ...) is refused by the 2000::/3 test itself; the
 * forms that embed an IPv4 address (::ffff:0:0/96 mapped, 64:ff9b::/96 NAT64, 2002::/16 6to4)
 * are judged by the IPv4 address they carry.
 */
const V6_NOT_PUBLIC: ReadonlyArray<[string, number]> = [
  ['2001::', 23], // IETF protocol assignments: Teredo 2001::/32 (embeds an obfuscated IPv4), benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
];

const v4Blocked = new BlockList();
for (const [net, prefix] of V4_NOT_PUBLIC) v4Blocked.addSubnet(net, prefix, 'ipv4');
const v6Blocked = new BlockList();
for (const [net, prefix] of V6_NOT_PUBLIC) v6Blocked.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (zone id dropped, trailing dotted quad allowed); null if not IPv6. */
export function ipv6Bytes(address: string): number[] | null {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIP(bare) !== 6) return null;
  let text = bare;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const q = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((q[0] << 8) | q[1]).toString(16)}:${((q[2] << 8) | q[3]).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const groups = rest === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups];
  const bytes: number[] = [];
  for (const g of groups) {
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes.length === 16 ? bytes : null;
}

const dotted = (b: number[], at: number): string => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one: IPv4-mapped ::ffff:a.b.c.d,
 * NAT64 64:ff9b::a.b.c.d (RFC 6052 well-known prefix) and 6to4 2002:aabb:ccdd::/48.
 */
export function embeddedIPv4(bytes: number[]): string | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return dotted(bytes, 12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return dotted(bytes, 12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return dotted(bytes, 2);
  return null;
}

/** True when `address` (an IPv4 or IPv6 literal) is public unicast; anything unparsable is not public. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !v4Blocked.check(address, 'ipv4');
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const v4 = embeddedIPv4(bytes);
  if (v4 !== null) return !v4Blocked.check(v4, 'ipv4');
  if ((bytes[0] & 0xe0) !== 0x20) return false; // outside 2000::/3 global unicast
  const canonical = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).toString(16)).join(':');
  return !v6Blocked.check(canonical, 'ipv6');
}

import { embeddedIPv4, ipv6Bytes, isPublicAddress } from './address-policy';

describe('outbound address policy: only public unicast addresses may be connected to (issue 12 §1)', () => {
  it.each([
    // IPv4 special-purpose ranges
    ['0.0.0.0', '0/8 "this network"'],
    ['0.255.255.255', '0/8'],
    ['10.0.0.1', '10/8 private'],
    ['10.255.255.255', '10/8 private'],
    ['100.64.0.1', '100.64/10 carrier-grade NAT'],
    ['100.127.255.254', '100.64/10'],
    ['127.0.0.1', '127/8 loopback'],
    ['127.1.2.3', '127/8 loopback'],
    ['169.254.169.254', '169.254/16 link-local (cloud metadata)'],
    ['172.16.0.1', '172.16/12 private'],
    ['172.31.255.255', '172.16/12 private'],
    ['192.0.0.8', '192.0.0/24'],
    ['192.0.2.10', '192.0.2/24 TEST-NET-1'],
    ['192.168.1.1', '192.168/16 private'],
    ['198.18.0.1', '198.18/15 benchmarking'],
    ['198.19.255.255', '198.18/15 benchmarking'],
    ['198.51.100.7', '198.51.100/24 TEST-NET-2'],
    ['203.0.113.9', '203.0.113/24 TEST-NET-3'],
    ['224.0.0.1', '224/4 multicast'],
    ['239.255.255.250', '224/4 multicast (SSDP)'],
    ['240.0.0.1', '240/4 reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'fc00::/7 ULA'],
    ['fd12:3456:789a::1', 'fc00::/7 ULA'],
    ['fe80::1', 'fe80::/10 link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['ff02::1', 'ff00::/8 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['100::1', 'discard-only'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['fec0::1', 'site-local (deprecated)'],
    // not an address at all
    ['localhost', 'a name, not an address'],
    ['', 'empty'],
  ])('%s (%s) is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    ['93.184.215.14'],
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['172.15.255.255'], // just below 172.16/12
    ['172.32.0.0'], // just above
    ['100.63.255.255'], // just below 100.64/10
    ['100.128.0.0'], // just above
    ['198.17.255.255'], // just below 198.18/15
    ['223.255.255.255'], // just below multicast
    ['2606:4700:4700::1111'],
    ['2a00:1450:4001:82a::200e'],
    ['::ffff:8.8.8.8'], // mapped public
    ['64:ff9b::808:808'], // NAT64 of 8.8.8.8
    ['2002:808:808::1'], // 6to4 of 8.8.8.8
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('parses IPv6 into 16 bytes and finds embedded IPv4 addresses', () => {
    expect(ipv6Bytes('::1')).toEqual([...Array(15).fill(0), 1]);
    expect(ipv6Bytes('1.2.3.4')).toBeNull();
    expect(embeddedIPv4(ipv6Bytes('::ffff:1.2.3.4')!)).toBe('1.2.3.4');
    expect(embeddedIPv4(ipv6Bytes('64:ff9b::102:304')!)).toBe('1.2.3.4');
    expect(embeddedIPv4(ipv6Bytes('2002:102:304::')!)).toBe('1.2.3.4');
    expect(embeddedIPv4(ipv6Bytes('2606:4700::1')!)).toBeNull();
  });
});

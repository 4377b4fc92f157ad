import { isIP } from 'node:net';
import { Violation, violation } from '../common/violation';

/** DOMAIN §7: the production endpoint's HEAD check. */
export const ENDPOINT_CHECK = Object.freeze({ timeoutMs: 2_000, minStatus: 200, maxStatus: 500, urlMax: 500 });

/** The host of a URL without IPv6 brackets; null when it does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
}

/** Static part of the endpoint rule: an http(s) URL whose host is a domain name, not an IP (v4 or v6). */
export function checkEndpointUrl(url: string): Violation[] {
  if (url.length > ENDPOINT_CHECK.urlMax) return [violation('endpointUrl', 'TOO_LONG', `at most ${ENDPOINT_CHECK.urlMax} characters`)];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [violation('endpointUrl', 'NOT_HTTP_URL', 'the production endpoint must be an http:// or https:// URL')];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [violation('endpointUrl', 'NOT_HTTP_URL', `the production endpoint must be http or https (got ${parsed.protocol})`)];
  const host = hostOf(url) ?? '';
  if (isIP(host) !== 0) return [violation('endpointUrl', 'IP_ADDRESS', `the production endpoint must be a domain name, not an IP address (got ${host})`)];
  if (!host.includes('.') && host !== 'localhost') return [violation('endpointUrl', 'NOT_A_DOMAIN', `"${host}" is not a domain name`)];
  return [];
}

/**
 * Outcome of the live HEAD request, as the outbound client reports it (it has already refused
 * names resolving to non-public addresses and never followed a redirect).
 */
export type ProbeOutcome =
  | { kind: 'STATUS'; status: number; elapsedMs: number }
  | { kind: 'TIMEOUT' }
  | { kind: 'NOT_PUBLIC' }
  | { kind: 'UNRESOLVED' }
  | { kind: 'NO_ANSWER' };

/**
 * Dynamic part: the host name resolves to public addresses only and the HEAD request answered a
 * status from 200 to 500 within 2 seconds. NOTE: the messages name what the provider can fix and
 * never an address, a port state or a system error (they would make the check a port scanner).
 */
export function checkProbe(outcome: ProbeOutcome): Violation[] {
  switch (outcome.kind) {
    case 'NOT_PUBLIC':
      return [violation('endpointUrl', 'ENDPOINT_NOT_PUBLIC', 'the host name resolves to an address that is not a public address; use a host reachable from the internet')];
    case 'UNRESOLVED':
      return [violation('endpointUrl', 'ENDPOINT_UNRESOLVED', 'the host name does not resolve')];
    case 'TIMEOUT':
      return [violation('endpointUrl', 'ENDPOINT_TIMEOUT', `no answer to a HEAD request within ${ENDPOINT_CHECK.timeoutMs / 1000} s`)];
    case 'NO_ANSWER':
      return [violation('endpointUrl', 'ENDPOINT_UNREACHABLE', 'no HTTP answer to a HEAD request (the connection could not be made or was closed)')];
    case 'STATUS':
      if (outcome.elapsedMs > ENDPOINT_CHECK.timeoutMs) return [violation('endpointUrl', 'ENDPOINT_TIMEOUT', `no answer within ${ENDPOINT_CHECK.timeoutMs / 1000} s (answered after ${outcome.elapsedMs} ms)`)];
      if (outcome.status < ENDPOINT_CHECK.minStatus || outcome.status > ENDPOINT_CHECK.maxStatus) {
        return [violation('endpointUrl', 'ENDPOINT_BAD_STATUS', `the HEAD request answered ${outcome.status}; it must be from ${ENDPOINT_CHECK.minStatus} to ${ENDPOINT_CHECK.maxStatus}`)];
      }
      return [];
  }
}

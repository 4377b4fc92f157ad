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

/** Outcome of the live HEAD request. */
export type ProbeOutcome = { kind: 'STATUS'; status: number; elapsedMs: number } | { kind: 'TIMEOUT' } | { kind: 'ERROR'; message: string };

/** Dynamic part: the HEAD request answered a status from 200 to 500 within 2 seconds. */
export function checkProbe(outcome: ProbeOutcome): Violation[] {
  switch (outcome.kind) {
    case 'TIMEOUT':
      return [violation('endpointUrl', 'ENDPOINT_TIMEOUT', `the endpoint did not answer a HEAD request within ${ENDPOINT_CHECK.timeoutMs / 1000} seconds`)];
    case 'ERROR':
      return [violation('endpointUrl', 'ENDPOINT_UNREACHABLE', `the HEAD request failed: ${outcome.message}`)];
    case 'STATUS':
      if (outcome.elapsedMs > ENDPOINT_CHECK.timeoutMs) return [violation('endpointUrl', 'ENDPOINT_TIMEOUT', `the endpoint answered after ${outcome.elapsedMs} ms (limit ${ENDPOINT_CHECK.timeoutMs})`)];
      if (outcome.status < ENDPOINT_CHECK.minStatus || outcome.status > ENDPOINT_CHECK.maxStatus) {
        return [violation('endpointUrl', 'ENDPOINT_BAD_STATUS', `the HEAD request answered ${outcome.status}; it must be from ${ENDPOINT_CHECK.minStatus} to ${ENDPOINT_CHECK.maxStatus}`)];
      }
      return [];
  }
}

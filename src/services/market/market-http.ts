import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { ProbeOutcome } from '../../domain/market/endpoint.rule';

/** Resolves a host name to an address, like `dns.lookup`. Injectable so tests can map a test host name to 127.0.0.1. */
export type HostResolver = (hostname: string) => Promise<{ address: string; family: 4 | 6 }>;

export const dnsResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, {}, (err, address: string | LookupAddress[], family?: number) => {
      if (err) reject(err);
      else resolve({ address: address as string, family: family === 6 ? 6 : 4 });
    }),
  );

/** A resolver that answers fixed names from a map and asks `fallback` for the rest. */
export const mappedResolver = (map: ReadonlyMap<string, string>, fallback: HostResolver = dnsResolver): HostResolver =>
  Object.assign(
    async (hostname: string) => {
      const address = map.get(hostname.toLowerCase());
      return address ? { address, family: (address.includes(':') ? 6 : 4) as 4 | 6 } : fallback(hostname);
    },
    { mappedHosts: new Set(map.keys()) },
  );

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, unspecified. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  const v4 = a.split('.').map(Number);
  if (v4.length === 4 && v4.every((n) => Number.isInteger(n))) {
    const [x, y] = v4;
    return x === 0 || x === 10 || x === 127 || (x === 100 && y >= 64 && y < 128) || (x === 169 && y === 254) || (x === 172 && y >= 16 && y < 32) || (x === 192 && y === 168) || x >= 224;
  }
  return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || /^ff/.test(a);
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * The market's HTTP client towards providers' production endpoints. Redirects are never followed.
 * The host resolver is injectable (`setResolver`); the connection goes to the resolved address
 * while the Host header and TLS server name stay the URL's host.
 */
export class MarketHttpClient {
  constructor(private resolver: HostResolver = dnsResolver) {}

  setResolver(resolver: HostResolver): void {
    this.resolver = resolver;
  }

  /**
   * Null when `url`'s host resolves to a public address (or is mapped by configuration, as the
   * tests map their local receivers); otherwise what the developer can act on.
   */
  async publicAddressRefusal(url: string): Promise<string | null> {
    let address: string;
    try {
      ({ address } = await this.resolver(new URL(url).hostname));
    } catch {
      return 'the host name does not resolve';
    }
    return isPrivateAddress(address) && !this.isMappedHost(new URL(url).hostname) ? 'not a public address' : null;
  }

  /** A host fixed to an address by configuration (MARKET_HOST_OVERRIDES: development and tests). */
  isMappedHost(hostname: string): boolean {
    return (this.resolver as HostResolver & { mappedHosts?: ReadonlySet<string> }).mappedHosts?.has(hostname.toLowerCase()) ?? false;
  }

  /** HEAD `url`; TIMEOUT when no answer within `timeoutMs`. */
  async probe(url: string, timeoutMs: number): Promise<ProbeOutcome> {
    const started = Date.now();
    try {
      const { status } = await this.request('HEAD', url, null, {}, timeoutMs);
      return { kind: 'STATUS', status, elapsedMs: Date.now() - started };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') return { kind: 'TIMEOUT' };
      return { kind: 'ERROR', message: describe(err) };
    }
  }

  /** POST a JSON body; resolves with the status and (at most 2 KB of) the body; rejects on network errors and timeouts. */
  postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
    return this.request('POST', url, JSON.stringify(body), { 'content-type': 'application/json', ...headers }, timeoutMs);
  }

  private request(method: string, url: string, body: string | null, headers: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
    const target = new URL(url);
    const lib = target.protocol === 'https:' ? https : http;
    const resolver = this.resolver;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          fn();
        }
      };
      const req = lib.request(
        target,
        {
          method,
          headers: body !== null ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers,
          agent: false,
          lookup: ((hostname: string, _opts: unknown, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
            resolver(hostname).then(
              ({ address, family }) => ((_opts as { all?: boolean })?.all ? cb(null, [{ address, family }]) : cb(null, address, family)),
              (err: Error) => cb(err, '', 4),
            );
          }) as never,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < 2048) chunks.push(c);
            size += c.length;
          });
          res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 2048) })));
          res.on('error', (err) => finish(() => reject(err)));
        },
      );
      const timer = setTimeout(() => {
        const err = new Error(`no answer within ${timeoutMs} ms`);
        err.name = 'TimeoutError';
        finish(() => reject(err));
        req.destroy();
      }, timeoutMs);
      req.on('error', (err) => finish(() => reject(err)));
      if (body !== null) req.write(body);
      req.end();
    });
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ').slice(0, 400) || 'request failed';
}

import { promises as dns } from 'node:dns';
import http from 'node:http';
import net, { isIP } from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { isPublicAddress } from './address-policy';

/**
 * The one HTTP client for every request the product sends out (market production endpoint
 * checks and notifications today, developer webhooks later). It guards against server-side
 * request forgery:
 * - the host name is resolved once (every address, `dns.lookup` with `all: true`) and the request
 *   is refused unless every address is public (`isPublicAddress`);
 * - the connection goes to an address that was checked, never through a second lookup, so a
 *   name that answers a public address to the check and a private one to the connection (DNS
 *   rebinding) cannot redirect it; the Host header and the TLS server name stay the URL's host;
 * - redirects are never followed (a 3xx is an answer like any other);
 * - the same checks run on every request, so an endpoint that was public when it was saved and
 *   resolves privately later is refused at delivery;
 * - failures are reported as outcomes whose text a tenant may read (`describeOutcome`): never an
 *   address, a port state or a system error.
 */

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (like `dns.lookup(name, { all: true })`). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A resolver answering fixed names from a map (name → addresses) and asking `fallback` for the rest. */
export const mappedResolver =
  (map: ReadonlyMap<string, readonly string[]>, fallback: Resolver = systemResolver): Resolver =>
  async (hostname) => {
    const addresses = map.get(hostname.toLowerCase());
    return addresses ? addresses.map((address) => ({ address, family: isIP(address) })) : fallback(hostname);
  };

/** Where to open the connection: an address that passed the check, and the name it stands for. */
export interface DialTarget {
  address: string;
  family: number;
  port: number;
  /** The URL's host name: TLS server name (SNI) and certificate check. */
  hostname: string;
  tls: boolean;
}

/** Opens the connection to a checked address. The default is `net.connect` / `tls.connect`; tests wrap it to see where it dials. */
export type Connector = (target: DialTarget) => Duplex;

export const directConnector: Connector = ({ address, port, hostname, tls: secure }) =>
  secure
    ? tls.connect({ host: address, port, servername: isIP(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'] })
    : net.connect({ host: address, port });

export type OutboundOutcome =
  | { kind: 'ANSWERED'; status: number; body: string; elapsedMs: number }
  /** Refused before any connection: the URL is not http(s), the name does not resolve, or an address is not public. */
  | { kind: 'REFUSED'; reason: 'NOT_HTTP' | 'UNRESOLVED' | 'NOT_PUBLIC' }
  /** Sent (or tried) but no HTTP answer: none within the time limit, or the connection failed. */
  | { kind: 'FAILED'; reason: 'TIMEOUT' | 'NO_ANSWER' };

/**
 * What a provider may read about an outcome: something it can act on, never an address, a port
 * state or a system error text.
 */
export function describeOutcome(outcome: OutboundOutcome, timeoutMs: number): string {
  switch (outcome.kind) {
    case 'ANSWERED':
      return `answered ${outcome.status}`;
    case 'REFUSED':
      if (outcome.reason === 'NOT_HTTP') return 'not an http or https URL';
      if (outcome.reason === 'UNRESOLVED') return 'the host name does not resolve';
      return 'the host name resolves to an address that is not a public address';
    case 'FAILED':
      if (outcome.reason === 'TIMEOUT') return `no answer within ${seconds(timeoutMs)}`;
      return 'no HTTP answer (the connection could not be made or was closed)';
  }
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

export interface OutboundRequest {
  method: 'HEAD' | 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange (resolution, connection, answer) must finish within this. */
  timeoutMs: number;
}

export interface OutboundOptions {
  resolver?: Resolver;
  connector?: Connector;
  /**
   * Host names (lower case) that may resolve to non-public addresses: local test endpoints only.
   * Configuration refuses a non-empty set in production.
   */
  allowPrivateHosts?: ReadonlySet<string>;
}

/** How much of an answer's body is kept (for the provider's failure list). */
const BODY_KEPT = 2048;

export class OutboundHttpClient {
  private readonly resolver: Resolver;
  private readonly connector: Connector;
  private readonly allowPrivateHosts: ReadonlySet<string>;

  constructor(options: OutboundOptions = {}) {
    this.resolver = options.resolver ?? systemResolver;
    this.connector = options.connector ?? directConnector;
    this.allowPrivateHosts = options.allowPrivateHosts ?? new Set();
  }

  /** Sends one request; never throws for network reasons (the outcome says what happened). */
  async send(req: OutboundRequest): Promise<OutboundOutcome> {
    const started = Date.now();
    let target: URL;
    try {
      target = new URL(req.url);
    } catch {
      return { kind: 'REFUSED', reason: 'NOT_HTTP' };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return { kind: 'REFUSED', reason: 'NOT_HTTP' };
    const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'TIMEOUT'>((resolve) => (timer = setTimeout(() => resolve('TIMEOUT'), req.timeoutMs)));
    try {
      const checked = await Promise.race([this.check(hostname), deadline]);
      if (checked === 'TIMEOUT') return { kind: 'FAILED', reason: 'TIMEOUT' };
      if ('refused' in checked) return { kind: 'REFUSED', reason: checked.refused };
      const secure = target.protocol === 'https:';
      const dials: DialTarget[] = checked.addresses.map((a) => ({ address: a.address, family: a.family, port: Number(target.port || (secure ? 443 : 80)), hostname, tls: secure }));
      return await this.exchange(req, target, dials, deadline, started);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The guard alone, without sending anything (a webhook endpoint being registered): the refusal
   * `send` would answer, or null when the URL's host may be dialed. Deliveries check again.
   */
  async refusal(url: string): Promise<Extract<OutboundOutcome, { kind: 'REFUSED' }> | null> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { kind: 'REFUSED', reason: 'NOT_HTTP' };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return { kind: 'REFUSED', reason: 'NOT_HTTP' };
    const checked = await this.check(target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase());
    return 'refused' in checked ? { kind: 'REFUSED', reason: checked.refused } : null;
  }

  /** Whether configuration allows this host to resolve to a private address (local test endpoints; never in production). */
  allowsPrivate(hostname: string): boolean {
    return this.allowPrivateHosts.has(hostname.toLowerCase());
  }

  /** Resolves the name once and picks the address to dial; refuses unless every address is public (or the host is allowlisted). */
  private async check(hostname: string): Promise<{ addresses: ResolvedAddress[] } | { refused: 'UNRESOLVED' | 'NOT_PUBLIC' }> {
    let addresses: ResolvedAddress[];
    if (isIP(hostname)) addresses = [{ address: hostname, family: isIP(hostname) }];
    else {
      try {
        addresses = await this.resolver(hostname);
      } catch {
        return { refused: 'UNRESOLVED' };
      }
    }
    if (addresses.length === 0) return { refused: 'UNRESOLVED' };
    if (!this.allowPrivateHosts.has(hostname) && !addresses.every((a) => isPublicAddress(a.address))) return { refused: 'NOT_PUBLIC' };
    return { addresses };
  }

  /**
   * Opens a connection to the first checked address that accepts one (in resolver order; a
   * dual-stack name whose first address is unreachable still works), then hands it to the request.
   */
  private dialInTurn(dials: DialTarget[], oncreate: (err: Error | null, socket?: Duplex) => void, track: (socket: Duplex) => void, at = 0): void {
    const dial = dials[at];
    const socket = this.connector(dial);
    track(socket);
    const ready = dial.tls ? 'secureConnect' : 'connect';
    const onReady = () => {
      socket.off('error', onError);
      oncreate(null, socket);
    };
    const onError = (err: Error) => {
      socket.off(ready, onReady);
      socket.destroy();
      if (at + 1 < dials.length) this.dialInTurn(dials, oncreate, track, at + 1);
      else oncreate(err);
    };
    socket.once(ready, onReady);
    socket.once('error', onError);
  }

  private exchange(req: OutboundRequest, target: URL, dials: DialTarget[], deadline: Promise<'TIMEOUT'>, started: number): Promise<OutboundOutcome> {
    return new Promise<OutboundOutcome>((resolve) => {
      let settled = false;
      let socket: Duplex | undefined;
      const finish = (outcome: OutboundOutcome) => {
        if (settled) return;
        settled = true;
        request.destroy();
        socket?.destroy(); // also a connection still being opened when the time runs out
        resolve(outcome);
      };
      const headers: Record<string, string> = { ...req.headers, host: target.host };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      const request = http.request(
        {
          method: req.method,
          host: dials[0].hostname,
          port: dials[0].port,
          path: `${target.pathname}${target.search}`,
          headers,
          // The connection goes to a checked address: no agent, no lookup, no pooling.
          createConnection: ((_opts: unknown, oncreate: (err: Error | null, socket?: Duplex) => void) => {
            this.dialInTurn(dials, oncreate, (s) => (socket = s));
            return undefined;
          }) as unknown as http.RequestOptions['createConnection'],
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () => finish({ kind: 'ANSWERED', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_KEPT), elapsedMs: Date.now() - started });
          res.on('data', (c: Buffer) => {
            chunks.push(c);
            size += c.length;
            if (size >= BODY_KEPT) done();
          });
          res.on('end', done);
          res.on('error', done);
        },
      );
      request.on('error', () => finish({ kind: 'FAILED', reason: 'NO_ANSWER' }));
      void deadline.then(() => finish({ kind: 'FAILED', reason: 'TIMEOUT' }));
      request.end(req.body);
    });
  }
}

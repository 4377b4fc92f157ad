import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { configFrom } from '../config';
import { outboundClientFrom } from '.';
import { describeOutcome, DialTarget, directConnector, OutboundHttpClient, Resolver } from './outbound-client';

/**
 * The outbound client against local HTTP servers (issue 12 §1). A "public" test address
 * (93.184.215.14) is routed by a recording connector to the local server, so the tests see which
 * checked address the client dialed without leaving the machine.
 */
const PUBLIC = '93.184.215.14';

const hits: { path: string; host?: string }[] = [];
const server = http.createServer((req, res) => {
  hits.push({ path: req.url!, host: req.headers.host });
  if (req.url === '/redirect') return res.writeHead(302, { location: `http://127.0.0.1:${capturePort}/stolen` }).end();
  if (req.url === '/silent') return; // never answers
  if (req.url === '/big') return res.writeHead(200).end('x'.repeat(100_000));
  res.writeHead(200).end('fine');
});
const captured: string[] = [];
const capture = http.createServer((req, res) => {
  captured.push(req.url!);
  res.writeHead(200).end();
});
let port = 0;
let capturePort = 0;
let closedPort = 0;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => capture.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  capturePort = (capture.address() as AddressInfo).port;
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await new Promise((r) => capture.close(r));
});

/** A resolver answering from `answers` (a list per name, or a function for names whose answer changes), counting calls. */
function testResolver(answers: Record<string, string[] | (() => string[])>) {
  const calls: string[] = [];
  const resolve: Resolver = async (hostname) => {
    calls.push(hostname);
    const a = answers[hostname];
    if (!a) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return (typeof a === 'function' ? a() : a).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

/** Dials 127.0.0.1 in place of the test's public address, and records every address it is asked to dial. */
function recordingConnector(target = () => port) {
  const dialed: string[] = [];
  const connect = (t: DialTarget) => {
    dialed.push(t.address);
    return directConnector(t.address === PUBLIC ? { ...t, address: '127.0.0.1', port: target() } : t);
  };
  return { connect, dialed };
}

const LEAKS = /\d+\.\d+\.\d+\.\d+|::1|ECONN|EHOST|ENOTFOUND|EAI_|getaddrinfo|refused|:\d{2,5}\b/i;

describe('outbound client: a name is resolved once and every address must be public', () => {
  it.each([
    ['localhost.test', ['127.0.0.1']],
    ['metadata.test', ['169.254.169.254']],
    ['ten.test', ['10.0.0.8']],
    ['cgnat.test', ['100.64.1.1']],
    ['mapped.test', ['::ffff:127.0.0.1']],
    ['ula.test', ['fd00::5']],
    ['mixed.test', [PUBLIC, '192.168.1.20']], // one private answer is enough to refuse
  ])('%s → %j is refused before any connection', async (name, addresses) => {
    const r = testResolver({ [name]: addresses });
    const c = recordingConnector();
    const client = new OutboundHttpClient({ resolver: r.resolve, connector: c.connect });
    const outcome = await client.send({ method: 'HEAD', url: `http://${name}:${port}/ok`, timeoutMs: 2000 });
    expect(outcome).toEqual({ kind: 'REFUSED', reason: 'NOT_PUBLIC' });
    expect(c.dialed).toEqual([]);
    expect(describeOutcome(outcome, 2000)).toBe('the host name resolves to an address that is not a public address');
  });

  it.each([`http://127.0.0.1:PORT/ok`, `http://[::1]:PORT/ok`, `http://[::ffff:7f00:1]:PORT/ok`, `http://0x7f000001:PORT/ok`, `http://2130706433:PORT/ok`])(
    'an address literal is checked as such: %s is refused',
    async (url) => {
      const c = recordingConnector();
      const outcome = await new OutboundHttpClient({ connector: c.connect }).send({ method: 'HEAD', url: url.replace('PORT', String(port)), timeoutMs: 2000 });
      expect(outcome).toEqual({ kind: 'REFUSED', reason: 'NOT_PUBLIC' });
      expect(c.dialed).toEqual([]);
    },
  );

  it('the system resolver is used by default: localhost is refused', async () => {
    expect(await new OutboundHttpClient().send({ method: 'HEAD', url: `http://localhost:${port}/ok`, timeoutMs: 2000 })).toEqual({ kind: 'REFUSED', reason: 'NOT_PUBLIC' });
  });

  it('a public answer is dialed at that very address, with the Host header still the name', async () => {
    const r = testResolver({ 'isv.example': [PUBLIC] });
    const c = recordingConnector();
    const outcome = await new OutboundHttpClient({ resolver: r.resolve, connector: c.connect }).send({ method: 'GET', url: `http://isv.example:${port}/ok?x=1`, timeoutMs: 2000 });
    expect(outcome).toMatchObject({ kind: 'ANSWERED', status: 200, body: 'fine' });
    expect(c.dialed).toEqual([PUBLIC]);
    expect(hits.at(-1)).toEqual({ path: '/ok?x=1', host: `isv.example:${port}` });
  });

  it('DNS rebinding fails: the name is looked up once per request, and the connection goes to the checked answer, not a second one', async () => {
    let n = 0;
    const r = testResolver({ 'rebind.test': () => (n++ === 0 ? [PUBLIC] : ['127.0.0.1']) });
    const c = recordingConnector();
    const client = new OutboundHttpClient({ resolver: r.resolve, connector: c.connect });
    expect(await client.send({ method: 'HEAD', url: `http://rebind.test:${port}/ok`, timeoutMs: 2000 })).toMatchObject({ kind: 'ANSWERED', status: 200 });
    expect(r.calls).toEqual(['rebind.test']);
    expect(c.dialed).toEqual([PUBLIC]);
    // The next request looks again and sees the private answer: refused (the check runs at every request).
    expect(await client.send({ method: 'HEAD', url: `http://rebind.test:${port}/ok`, timeoutMs: 2000 })).toEqual({ kind: 'REFUSED', reason: 'NOT_PUBLIC' });
    expect(r.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(c.dialed).toEqual([PUBLIC]);
  });

  it('a redirect is an answer, never followed (here to a private address)', async () => {
    const r = testResolver({ 'isv.example': [PUBLIC] });
    const c = recordingConnector();
    const outcome = await new OutboundHttpClient({ resolver: r.resolve, connector: c.connect }).send({ method: 'POST', url: `http://isv.example:${port}/redirect`, body: '{}', timeoutMs: 2000 });
    expect(outcome).toMatchObject({ kind: 'ANSWERED', status: 302 });
    expect(captured).toEqual([]);
    expect(c.dialed).toEqual([PUBLIC]);
  });

  it('failures say what the provider can act on, without an address, a port state or a system error', async () => {
    const r = testResolver({ 'isv.example': [PUBLIC] });
    const silent = await new OutboundHttpClient({ resolver: r.resolve, connector: recordingConnector().connect }).send({ method: 'HEAD', url: `http://isv.example:${port}/silent`, timeoutMs: 300 });
    expect(silent).toEqual({ kind: 'FAILED', reason: 'TIMEOUT' });
    expect(describeOutcome(silent, 2000)).toBe('no answer within 2 s');
    const closed = await new OutboundHttpClient({ resolver: r.resolve, connector: recordingConnector(() => closedPort).connect }).send({ method: 'HEAD', url: `http://isv.example:${port}/ok`, timeoutMs: 2000 });
    expect(closed).toEqual({ kind: 'FAILED', reason: 'NO_ANSWER' });
    const unresolved = await new OutboundHttpClient({ resolver: r.resolve }).send({ method: 'HEAD', url: 'http://nowhere.example/ok', timeoutMs: 2000 });
    expect(unresolved).toEqual({ kind: 'REFUSED', reason: 'UNRESOLVED' });
    for (const o of [silent, closed, unresolved, { kind: 'REFUSED', reason: 'NOT_PUBLIC' } as const]) expect(describeOutcome(o, 2000)).not.toMatch(LEAKS);
    expect(describeOutcome({ kind: 'ANSWERED', status: 503, body: '', elapsedMs: 5 }, 2000)).toBe('answered 503');
  });

  it('a name with several public addresses: the next checked address is tried when one refuses the connection', async () => {
    const SECOND = '93.184.215.15';
    const r = testResolver({ 'dual.example': [PUBLIC, SECOND] });
    const dialed: string[] = [];
    const connector = (t: DialTarget) => {
      dialed.push(t.address);
      return directConnector({ ...t, address: '127.0.0.1', port: t.address === PUBLIC ? closedPort : port });
    };
    const outcome = await new OutboundHttpClient({ resolver: r.resolve, connector }).send({ method: 'HEAD', url: `http://dual.example:${port}/ok`, timeoutMs: 2000 });
    expect(outcome).toMatchObject({ kind: 'ANSWERED', status: 200 });
    expect(dialed).toEqual([PUBLIC, SECOND]);
    expect(r.calls).toEqual(['dual.example']);
  });

  it('keeps at most 2 KB of an answer body and stops reading', async () => {
    const r = testResolver({ 'isv.example': [PUBLIC] });
    const outcome = await new OutboundHttpClient({ resolver: r.resolve, connector: recordingConnector().connect }).send({ method: 'GET', url: `http://isv.example:${port}/big`, timeoutMs: 2000 });
    expect(outcome.kind === 'ANSWERED' && outcome.body.length).toBe(2048);
  });
});

describe('outbound client from configuration: host overrides do not bypass the guard; the private allowlist is explicit', () => {
  it('OUTBOUND_HOST_OVERRIDES alone: a name mapped to 127.0.0.1 is refused', async () => {
    const client = outboundClientFrom(configFrom({ NODE_ENV: 'test', OUTBOUND_HOST_OVERRIDES: `isv.test=127.0.0.1` }).outbound);
    expect(await client.send({ method: 'HEAD', url: `http://isv.test:${port}/ok`, timeoutMs: 2000 })).toEqual({ kind: 'REFUSED', reason: 'NOT_PUBLIC' });
  });

  it('with OUTBOUND_ALLOW_PRIVATE_HOSTS naming it, that name (and only it) reaches 127.0.0.1', async () => {
    const client = outboundClientFrom(configFrom({ NODE_ENV: 'test', OUTBOUND_HOST_OVERRIDES: `isv.test=127.0.0.1,other.test=127.0.0.1`, OUTBOUND_ALLOW_PRIVATE_HOSTS: 'ISV.test' }).outbound);
    expect(await client.send({ method: 'HEAD', url: `http://isv.test:${port}/ok`, timeoutMs: 2000 })).toMatchObject({ kind: 'ANSWERED', status: 200 });
    expect(await client.send({ method: 'HEAD', url: `http://other.test:${port}/ok`, timeoutMs: 2000 })).toEqual({ kind: 'REFUSED', reason: 'NOT_PUBLIC' });
  });

  it('configuration refuses the allowlist in production, a malformed override, and the old MARKET_HOST_OVERRIDES name', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars', SECRETS_KEY: 'ab'.repeat(32) };
    expect(() => configFrom({ ...prod, OUTBOUND_ALLOW_PRIVATE_HOSTS: 'isv.test' })).toThrow(/OUTBOUND_ALLOW_PRIVATE_HOSTS must be empty in production/);
    expect(configFrom(prod).outbound.allowPrivateHosts.size).toBe(0);
    expect(() => configFrom({ OUTBOUND_HOST_OVERRIDES: 'isv.test=not-an-ip' })).toThrow(/OUTBOUND_HOST_OVERRIDES/);
    expect(() => configFrom({ MARKET_HOST_OVERRIDES: 'isv.test=127.0.0.1' })).toThrow(/renamed OUTBOUND_HOST_OVERRIDES/);
    expect([...configFrom({ OUTBOUND_HOST_OVERRIDES: 'dual.test=127.0.0.1|::1' }).outbound.hostOverrides]).toEqual([['dual.test', ['127.0.0.1', '::1']]]);
  });
});

describe('https: the TLS server name is the URL host and the certificate is verified', () => {
  // A self-signed certificate for isv.example (test fixture, not trusted by the system store).
  const key = readFileSync(path.join(__dirname, '../../test/support/fixtures/tls-test.key'));
  const cert = readFileSync(path.join(__dirname, '../../test/support/fixtures/tls-test.crt'));
  const names: string[] = [];
  const secure = https.createServer(
    {
      key,
      cert,
      SNICallback: (name, cb) => {
        names.push(name);
        cb(null, tls.createSecureContext({ key, cert }));
      },
    },
    (_req, res) => res.writeHead(204).end(),
  );
  let tlsPort = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
    tlsPort = (secure.address() as AddressInfo).port;
  });
  afterAll(async () => {
    secure.closeAllConnections();
    await new Promise((r) => secure.close(r));
  });
  beforeEach(() => {
    names.length = 0;
  });

  it('the default connector sends SNI isv.example (not the address) and refuses the untrusted certificate: NO_ANSWER', async () => {
    const r = testResolver({ 'isv.example': [PUBLIC] });
    const outcome = await new OutboundHttpClient({ resolver: r.resolve, connector: recordingConnector(() => tlsPort).connect }).send({ method: 'HEAD', url: `https://isv.example:${tlsPort}/ok`, timeoutMs: 2000 });
    expect(outcome).toEqual({ kind: 'FAILED', reason: 'NO_ANSWER' });
    expect(names).toEqual(['isv.example']);
  });

  it('with the certificate trusted, the request over the pinned TLS connection is answered', async () => {
    const r = testResolver({ 'isv.example': [PUBLIC] });
    const dialed: string[] = [];
    const connector = (t: DialTarget) => {
      dialed.push(t.address);
      return tls.connect({ host: '127.0.0.1', port: tlsPort, servername: t.hostname, ca: cert, ALPNProtocols: ['http/1.1'] });
    };
    const outcome = await new OutboundHttpClient({ resolver: r.resolve, connector }).send({ method: 'POST', url: `https://isv.example:${tlsPort}/ok`, body: '{}', timeoutMs: 2000 });
    expect(outcome).toMatchObject({ kind: 'ANSWERED', status: 204 });
    expect(dialed).toEqual([PUBLIC]);
    expect(names).toEqual(['isv.example']);
  });
});

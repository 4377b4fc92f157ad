/**
 * Server-side request forgery (issue 12 §1), over GraphQL: a provider's production endpoint is
 * refused when its name resolves to any non-public address, when it is saved and again at every
 * delivery; the connection goes to the checked address (no second lookup, so DNS rebinding
 * fails); no redirect is followed; refusals carry no address, port state or system error.
 *
 * The server's outbound client gets a test resolver (names → the addresses of each private
 * range) and a connector that dials this test's provider on 127.0.0.1 in place of one "public"
 * address (93.184.215.14), recording every address the client asked to dial. No private host is
 * allowlisted.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/domain/common/role';
import { DialTarget, directConnector, OutboundHttpClient, systemResolver } from '../../src/outbound';
import {
  AddMarketVersionDocument,
  CreateMarketProductDocument,
  DecideMarketReviewDocument,
  MyProductionFailuresDocument,
  PlaceOrderDocument,
  SetProductionEndpointDocument,
  SubmitMarketProductDocument,
} from '../generated/graphql';
import { TestApp } from '../support/test-app';

const PUBLIC = '93.184.215.14';

/** name → answers; a function for a name whose answer changes between lookups. */
const dns = new Map<string, () => string[]>();
const lookups: string[] = [];
const dialed: string[] = [];

const received: { method: string; path: string }[] = [];
const provider = http.createServer((req, res) => {
  received.push({ method: req.method!, path: req.url! });
  if (req.url === '/to-metadata') return res.writeHead(302, { location: 'http://metadata.test/latest/meta-data/iam' }).end();
  res.writeHead(200, { 'content-type': 'application/json' }).end(req.method === 'HEAD' ? undefined : '{"success":true}');
});
let port = 0;
let closedPort = 0;
let t: TestApp;

beforeAll(async () => {
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
  port = (provider.address() as AddressInfo).port;
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  const outbound = new OutboundHttpClient({
    resolver: async (hostname) => {
      lookups.push(hostname);
      if (hostname === 'localhost') return systemResolver(hostname);
      const answer = dns.get(hostname);
      if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return answer().map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    connector: (target: DialTarget) => {
      dialed.push(target.address);
      return directConnector(target.address === PUBLIC ? { ...target, address: '127.0.0.1' } : target);
    },
  });
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z', outbound });
});
afterAll(async () => {
  provider.closeAllConnections();
  await new Promise((r) => provider.close(r));
  await t?.stop();
});

beforeEach(() => {
  lookups.length = 0;
  dialed.length = 0;
  received.length = 0;
});

/** Text that would make the check a scanner: an address, a port, an errno or a system message. */
const LEAKS = /\d+\.\d+\.\d+\.\d+|::|ECONN|EHOST|ENOTFOUND|EAI_|getaddrinfo|refused|\d{4,5}/i;

type Refusal = { __typename: string; message?: string; violations?: { field: string; rule: string; message: string }[] };

async function setEndpoint(token: string, productId: string, url: string) {
  return (await t.gql(SetProductionEndpointDocument, { productId, url }, token)).data!.setProductionEndpoint as Refusal & { endpointUrl?: string };
}

async function newProduct(token: string) {
  const p = (await t.gql(CreateMarketProductDocument, { input: { name: 'Guarded Product', saleMode: 'BY_CYCLE' } }, token)).data!.createMarketProduct;
  if (p.__typename !== 'MarketProduct') throw new Error(JSON.stringify(p));
  return p.id;
}

let isv: { id: string; token: string };
let buyer: { id: string; token: string };
beforeAll(async () => {
  isv = await t.developer('Guarded ISV');
  buyer = await t.developer('Guarded Buyer', 'SELF_DEVELOPING_MERCHANT');
  // Market orders are paid from the prepaid balance (docs/platform.md): the buyer recharges first.
  const recharged = await t.post({ query: 'mutation { recharge(amount: "1000.00", idempotencyKey: "guarded-buyer") { __typename } }' }, buyer.token);
  if ((recharged.data as { recharge: { __typename: string } }).recharge.__typename !== 'BillingAccount') throw new Error(JSON.stringify(recharged));
});

describe('saving a production endpoint whose name resolves to a non-public address', () => {
  it.each<[string, string[]]>([
    ['localhost.test', ['127.0.0.1']],
    ['loop.test', ['127.8.9.10']],
    ['zero.test', ['0.0.0.0']],
    ['ten.test', ['10.20.30.40']],
    ['cgnat.test', ['100.64.0.1']],
    ['metadata.test', ['169.254.169.254']],
    ['private172.test', ['172.16.5.4']],
    ['ietf.test', ['192.0.0.170']],
    ['testnet1.test', ['192.0.2.1']],
    ['private192.test', ['192.168.0.1']],
    ['bench.test', ['198.18.0.1']],
    ['testnet2.test', ['198.51.100.1']],
    ['testnet3.test', ['203.0.113.1']],
    ['multicast.test', ['224.0.0.251']],
    ['reserved.test', ['240.0.0.1']],
    ['broadcast.test', ['255.255.255.255']],
    ['v6loop.test', ['::1']],
    ['v6any.test', ['::']],
    ['ula.test', ['fd00:ec2::254']],
    ['linklocal.test', ['fe80::1']],
    ['v6multicast.test', ['ff02::1']],
    ['mapped.test', ['::ffff:169.254.169.254']],
    ['nat64.test', ['64:ff9b::7f00:1']],
    ['sixtofour.test', ['2002:a00:1::1']],
    ['mixed.test', [PUBLIC, '10.0.0.1']],
  ])('%s → %j: ENDPOINT_NOT_PUBLIC, nothing dialed, no address in the text', async (name, answers) => {
    dns.set(name, () => answers);
    const productId = await newProduct(isv.token);
    const res = await setEndpoint(isv.token, productId, `http://${name}:${port}/produce`);
    expect(res.__typename).toBe('InvalidInput');
    expect(res.violations!.map((v) => `${v.field}:${v.rule}`)).toEqual(['endpointUrl:ENDPOINT_NOT_PUBLIC']);
    expect(res.violations![0].message).toMatch(/not a public address/);
    expect(JSON.stringify(res)).not.toMatch(LEAKS);
    expect(lookups).toEqual([name]);
    expect(dialed).toEqual([]);
    expect(received).toEqual([]);
  });

  it('localhost through the real resolver: refused the same way', async () => {
    const productId = await newProduct(isv.token);
    const res = await setEndpoint(isv.token, productId, `http://localhost:${port}/produce`);
    expect(res.violations!.map((v) => v.rule)).toEqual(['ENDPOINT_NOT_PUBLIC']);
    expect(dialed).toEqual([]);
    expect(received).toEqual([]);
  });

  it('a refused connection and an unknown name are reported without address, port state or errno', async () => {
    dns.set('closed.test', () => [PUBLIC]);
    const productId = await newProduct(isv.token);
    const closed = await setEndpoint(isv.token, productId, `http://closed.test:${closedPort}/produce`);
    expect(dialed).toEqual([PUBLIC]);
    expect(closed.violations!.map((v) => v.rule)).toEqual(['ENDPOINT_UNREACHABLE']);
    expect(JSON.stringify(closed)).not.toMatch(LEAKS);
    const unknown = await setEndpoint(isv.token, productId, `http://unknown.test:${closedPort}/produce`);
    expect(unknown.violations!.map((v) => v.rule)).toEqual(['ENDPOINT_UNRESOLVED']);
    expect(JSON.stringify(unknown)).not.toMatch(LEAKS);
  });
});

describe('connecting to the checked address only', () => {
  it('DNS rebinding: the name answers public to the check and private afterwards; the endpoint check dials the checked address, looked up once', async () => {
    let n = 0;
    dns.set('rebind.test', () => (n++ === 0 ? [PUBLIC] : ['127.0.0.1']));
    const productId = await newProduct(isv.token);
    const res = await setEndpoint(isv.token, productId, `http://rebind.test:${port}/produce`);
    expect(res).toMatchObject({ __typename: 'MarketProduct', endpointUrl: `http://rebind.test:${port}/produce` });
    expect(lookups).toEqual(['rebind.test']);
    expect(dialed).toEqual([PUBLIC]);
    expect(received).toEqual([{ method: 'HEAD', path: '/produce' }]);
  });

  it('a HEAD answered with a redirect to a private address is not followed', async () => {
    dns.set('redirector.test', () => [PUBLIC]);
    dns.set('metadata.test', () => ['169.254.169.254']);
    const productId = await newProduct(isv.token);
    const res = await setEndpoint(isv.token, productId, `http://redirector.test:${port}/to-metadata`);
    // DOMAIN §7: any status from 200 to 500 passes the check; 302 is one, and it is not followed.
    expect(res.__typename).toBe('MarketProduct');
    expect(lookups).toEqual(['redirector.test']);
    expect(dialed).toEqual([PUBLIC]);
    expect(received).toEqual([{ method: 'HEAD', path: '/to-metadata' }]);
  });
});

describe('every delivery is checked again', () => {
  /** A listed product with one version, its endpoint saved while `name` resolves publicly, and one NEW order. */
  async function orderedProduct(name: string, path: string) {
    dns.set(name, () => [PUBLIC]);
    const productId = await newProduct(isv.token);
    const v = (await t.gql(AddMarketVersionDocument, { productId, input: { name: 'Std', prices: { monthNew: '1', monthRenew: '1', yearNew: '12', yearRenew: '12' } } }, isv.token)).data!.addMarketVersion;
    if (v.__typename !== 'MarketVersion') throw new Error(JSON.stringify(v));
    expect((await setEndpoint(isv.token, productId, `http://${name}:${port}${path}`)).__typename).toBe('MarketProduct');
    const round = (await t.gql(SubmitMarketProductDocument, { productId }, isv.token)).data!.submitMarketProduct;
    if (round.__typename !== 'ReviewRound') throw new Error(JSON.stringify(round));
    await t.gql(DecideMarketReviewDocument, { input: { roundId: round.id, decision: 'APPROVE' } }, await t.token(Role.REVIEWER));
    const o = (await t.gql(PlaceOrderDocument, { input: { type: 'NEW', versionId: v.id, cycle: 'MONTH', length: 1 } }, buyer.token)).data!.placeOrder;
    if (o.__typename !== 'MarketOrder') throw new Error(JSON.stringify(o));
    return o.id;
  }
  const failureOf = async (orderId: string) => (await t.gql(MyProductionFailuresDocument, {}, isv.token)).data!.myProductionFailures.edges.map((e) => e.node).find((f) => f.orderId === orderId);

  it.each<[string, string[]]>([
    ['169.254.169.254 (cloud metadata)', ['169.254.169.254']],
    ['127.0.0.1 (loopback)', ['127.0.0.1']],
    ['10.1.1.1 (private)', ['10.1.1.1']],
    ['::1', ['::1']],
    ['::ffff:192.168.0.1 (IPv4-mapped private)', ['::ffff:192.168.0.1']],
    ['fd00::1 (ULA)', ['fd00::1']],
    ['a public and a private answer', [PUBLIC, '172.20.0.1']],
  ])('an endpoint saved while public and resolving to %s at delivery is not contacted; the failure text names no address', async (_what, answers) => {
    const name = `turncoat-${randomUUID().slice(0, 8)}.test`;
    const orderId = await orderedProduct(name, '/produce');
    dns.set(name, () => answers);
    lookups.length = 0;
    dialed.length = 0;
    received.length = 0;
    const report = await t.server.services.marketNotifications.dispatchDue();
    expect(report).toMatchObject({ attempted: 1, delivered: 0, failed: 1 });
    expect(lookups).toEqual([name]);
    expect(dialed).toEqual([]);
    expect(received).toEqual([]);
    const failure = await failureOf(orderId);
    expect(failure).toMatchObject({ status: 'PENDING', errorCount: 1, lastError: 'the host name resolves to an address that is not a public address' });
    expect(failure!.lastError).not.toMatch(LEAKS);
  });

  it('a delivery answered with a redirect is a failure ("answered 302") and the redirect is not followed', async () => {
    dns.set('metadata.test', () => ['169.254.169.254']);
    const orderId = await orderedProduct('redirecting.test', '/to-metadata');
    lookups.length = 0;
    dialed.length = 0;
    received.length = 0;
    await t.server.services.marketNotifications.dispatchDue();
    expect(received).toEqual([{ method: 'POST', path: '/to-metadata' }]);
    expect(lookups).toEqual(['redirecting.test']);
    expect(dialed).toEqual([PUBLIC]);
    expect((await failureOf(orderId))!.lastError).toBe('answered 302');
  });

  it('the same endpoint, public again at the next attempt, is delivered', async () => {
    const name = 'flapping.test';
    const orderId = await orderedProduct(name, '/produce');
    dns.set(name, () => ['192.168.7.7']);
    expect(await t.server.services.marketNotifications.dispatchDue()).toMatchObject({ attempted: 1, failed: 1 });
    dns.set(name, () => [PUBLIC]);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000)); // past the 30 s backoff of the first failure
    received.length = 0;
    await t.server.services.marketNotifications.dispatchDue();
    expect(received.filter((r) => r.method === 'POST' && r.path === '/produce')).toHaveLength(1); // (the redirecting endpoint above is due again too)
    expect(await failureOf(orderId)).toBeUndefined();
  });
});

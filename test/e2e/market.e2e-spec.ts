/**
 * Cloud market (issue 7, DOMAIN §7, source 004): products, versions, extra billing items, the
 * production endpoint check, review, quotes, orders, upgrades, production notifications and
 * expiry — over HTTP against a fresh database, with the provider's endpoint served by this test
 * on 127.0.0.1 under the test host name `isv.market.test` (OUTBOUND_HOST_OVERRIDES, and
 * OUTBOUND_ALLOW_PRIVATE_HOSTS so the outbound guard lets that one name reach 127.0.0.1).
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/domain/common/role';
import {
  AddMarketVersionDocument,
  DecideMarketReviewDocument,
  MarketProductReviewsDocument,
  MarketReviewQueueDocument,
  MarketReviewRoundDocument,
  PostMarketReviewFeedbackDocument,
  BillingItemInput,
  AuditLogDocument,
  CloseDeveloperAccountDocument,
  CreateMarketProductDocument,
  CreateMarketProductInput,
  DeleteMarketVersionDocument,
  HideMarketVersionDocument,
  MarketProductDocument,
  MarketProductsDocument,
  MarketFrontDocument,
  MarketVersionInput,
  MyMarketOrdersDocument,
  MyMarketProductsDocument,
  MyProductionFailuresDocument,
  MySubscriptionsDocument,
  PlaceOrderDocument,
  PlaceOrderInput,
  QuoteOrderDocument,
  QuoteOrderInput,
  QuoteUpgradeDocument,
  RemoveUpgradeRuleDocument,
  ReorderMarketVersionsDocument,
  ResetNotificationErrorsDocument,
  SetProductionEndpointDocument,
  SetUpgradeRuleDocument,
  SetVersionBillingItemsDocument,
  ShowMarketVersionDocument,
  SubmitMarketProductDocument,
  UpdateMarketProductDocument,
  UpdateMarketVersionDocument,
} from '../generated/graphql';
import { errorCode, TestApp, refusedCode } from '../support/test-app';

const HOST = 'isv.market.test';


/** The provider's side: a tiny HTTP server answering per path, recording what it receives. */
interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let produceStatus = 200;
const slowTimers = new Set<NodeJS.Timeout>();
const provider = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ method: req.method!, path: req.url!, headers: req.headers, body });
    switch (req.url) {
      case '/ok':
        return res.writeHead(200).end();
      case '/missing':
        return res.writeHead(404).end();
      case '/not-implemented':
        return res.writeHead(501).end();
      case '/slow-503': {
        const timer = setTimeout(() => res.writeHead(503).end(), 3_000);
        slowTimers.add(timer);
        return;
      }
      case '/redirect':
        return res.writeHead(302, { location: `http://${HOST}:${port}/not-implemented` }).end();
      case '/produce':
        return res.writeHead(req.method === 'HEAD' ? 200 : produceStatus, { 'content-type': 'application/json' }).end(req.method === 'HEAD' ? undefined : JSON.stringify({ success: produceStatus === 200 }));
      default:
        return res.writeHead(200).end();
    }
  });
});
let port = 0;
let closedPort = 0;

let t: TestApp;
beforeAll(async () => {
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  port = (provider.address() as AddressInfo).port;
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z', env: { OUTBOUND_HOST_OVERRIDES: `${HOST}=127.0.0.1`, OUTBOUND_ALLOW_PRIVATE_HOSTS: HOST } });
});
afterAll(async () => {
  for (const timer of slowTimers) clearTimeout(timer);
  provider.closeAllConnections();
  await new Promise((resolve) => provider.close(resolve));
  await t?.stop();
});

const url = (path: string) => `http://${HOST}:${port}${path}`;
const PRODUCE = () => url('/produce');

// 004's example 2, standard edition.
const STANDARD_PRICES = { monthNew: '1', monthRenew: '1', yearNew: '12', yearRenew: '12' };
const ITEMS: BillingItemInput[] = [
  {
    code: 'yonghushu',
    name: 'Users',
    kind: 'QUANTITY',
    unit: 'user',
    minimum: 5,
    tiers: [
      { from: 5, prices: { monthNew: '1', monthRenew: '1', yearNew: '12', yearRenew: '12' } },
      { from: 10, prices: { monthNew: '1', monthRenew: '1', yearNew: '10', yearRenew: '10' } },
    ],
  },
  {
    code: 'xinghao',
    name: 'Model',
    kind: 'ENUM',
    values: [
      { value: 'APP+WAP', prices: { monthNew: '2', monthRenew: '2', yearNew: '24', yearRenew: '24' } },
      { value: 'APP+WAP+WeChat', prices: { monthNew: '5', monthRenew: '5', yearNew: '60', yearRenew: '60' } },
    ],
  },
  {
    code: 'quyu',
    name: 'Region',
    kind: 'ENUM',
    values: [
      { value: 'Beijing', prices: { monthNew: '3', monthRenew: '3', yearNew: '36', yearRenew: '36' } },
      { value: 'Shanghai', prices: { monthNew: '3', monthRenew: '3', yearNew: '36', yearRenew: '36' } },
    ],
  },
];
const SELECTION = {
  quantities: [{ code: 'yonghushu', quantity: 10 }],
  choices: [
    { code: 'xinghao', value: 'APP+WAP+WeChat' },
    { code: 'quyu', value: 'Shanghai' },
  ],
};

type Dev = { id: string; token: string };

async function createProduct(token: string, patch: Partial<CreateMarketProductInput> = {}) {
  const res = await t.gql(CreateMarketProductDocument, { input: { name: 'Data Analysis', saleMode: 'BY_CYCLE', ...patch } }, token);
  const p = res.data!.createMarketProduct;
  if (p.__typename !== 'MarketProduct') throw new Error(`createMarketProduct refused: ${JSON.stringify(res)}`);
  return p;
}

async function addVersion(token: string, productId: string, input: MarketVersionInput) {
  const res = await t.gql(AddMarketVersionDocument, { productId, input }, token);
  return res.data!.addMarketVersion;
}

async function addVersionOk(token: string, productId: string, input: MarketVersionInput) {
  const v = await addVersion(token, productId, input);
  if (v.__typename !== 'MarketVersion') throw new Error(`addMarketVersion refused: ${JSON.stringify(v)}`);
  return v;
}

const violations = (payload: { __typename: string; violations?: { field: string; rule: string }[] }) => {
  if (payload.__typename !== 'InvalidInput') throw new Error(`expected InvalidInput, got ${JSON.stringify(payload)}`);
  return payload.violations!.map((v) => `${v.field}:${v.rule}`);
};

/**
 * A listed product of 004's example: Standard (7-day trial, 004's items), Advanced and Promo
 * (cheaper base price), endpoint /produce, reviewed and approved.
 */
async function listedProduct(owner: Dev, patch: Partial<CreateMarketProductInput> = {}) {
  const product = await createProduct(owner.token, patch);
  const std = await addVersionOk(owner.token, product.id, { name: '标准版', trialDays: 7, prices: STANDARD_PRICES });
  const adv = await addVersionOk(owner.token, product.id, { name: 'Advanced', prices: { monthNew: '5', monthRenew: '5', yearNew: '50', yearRenew: '50' } });
  const promo = await addVersionOk(owner.token, product.id, { name: 'Promo', prices: { monthNew: '0', monthRenew: '0', yearNew: '0', yearRenew: '0' } });
  for (const v of [std, adv, promo]) {
    const r = await t.gql(SetVersionBillingItemsDocument, { versionId: v.id, items: ITEMS }, owner.token);
    expect(r.data!.setVersionBillingItems.__typename).toBe('MarketVersion');
  }
  expect((await t.gql(SetProductionEndpointDocument, { productId: product.id, url: PRODUCE() }, owner.token)).data!.setProductionEndpoint.__typename).toBe('MarketProduct');
  await submitAndApprove(owner, product.id);
  return { product, std, adv, promo };
}

async function submit(owner: Dev, productId: string) {
  const round = (await t.gql(SubmitMarketProductDocument, { productId }, owner.token)).data!.submitMarketProduct;
  if (round.__typename !== 'ReviewRound') throw new Error(`submitMarketProduct refused: ${JSON.stringify(round)}`);
  return round;
}

async function submitAndApprove(owner: Dev, productId: string) {
  const round = await submit(owner, productId);
  const decided = (await t.gql(DecideMarketReviewDocument, { input: { roundId: round.id, decision: 'APPROVE' } }, await t.token(Role.REVIEWER))).data!.decideReview;
  expect(decided).toMatchObject({ status: 'APPROVED', marketProduct: { status: 'LISTED' } });
  return round;
}

async function order(token: string, input: PlaceOrderInput) {
  const res = await t.gql(PlaceOrderDocument, { input }, token);
  if (!res.data) throw new Error(JSON.stringify(res));
  return res.data.placeOrder;
}

async function orderOk(token: string, input: PlaceOrderInput) {
  const o = await order(token, input);
  if (o.__typename !== 'MarketOrder') throw new Error(`placeOrder refused: ${JSON.stringify(o)}`);
  return o;
}

const dispatch = () => t.server.services.marketNotifications.dispatchDue();
const deliveriesTo = (key: string) => received.filter((r) => r.method === 'POST' && r.headers['x-market-idempotency-key'] === key);

let isv: Dev;
let buyer: Dev;
let rival: Dev;
beforeAll(async () => {
  isv = await t.developer('Data Soft');
  buyer = await t.developer('Buyer Co', 'SELF_DEVELOPING_MERCHANT');
  rival = await t.developer('Rival ISV');
  // Paid orders are charged to the buyer's prepaid balance (issue 18): the buyer recharges first.
  const recharged = await t.post({ query: 'mutation { recharge(amount: "50000.00", idempotencyKey: "market-buyer") { __typename } }' }, buyer.token);
  expect(recharged.data).toEqual({ recharge: { __typename: 'BillingAccount' } });
});

describe('products and versions (provider)', () => {
  it('a provider creates a BY_CYCLE product with 004 standard edition, its trial and extra billing items', async () => {
    const product = await createProduct(isv.token, { needsBuyerPhone: true });
    expect(product).toMatchObject({ status: 'DRAFT', saleMode: 'BY_CYCLE', visible: true, needsBuyerPhone: true, needsBuyerEmail: false, endpointUrl: null });
    const std = await addVersionOk(isv.token, product.id, { name: '标准版', trialDays: 7, prices: STANDARD_PRICES });
    expect(std).toMatchObject({ name: '标准版', trialDays: 7, hidden: false, displayOrder: 1, prices: { monthNew: '1.00', yearNew: '12.00', yearRenew: '12.00', oneTime: null } });
    expect(std.code).toMatch(/^V[0-9A-F]{12}$/);
    const withItems = (await t.gql(SetVersionBillingItemsDocument, { versionId: std.id, items: ITEMS }, isv.token)).data!.setVersionBillingItems;
    if (withItems.__typename !== 'MarketVersion') throw new Error(JSON.stringify(withItems));
    const read = (await t.gql(MarketProductDocument, { id: product.id }, isv.token)).data!.marketProduct;
    const items = read.versions[0].billingItems;
    expect(items.map((i) => [i.code, i.kind, i.unit, i.minimum])).toEqual([
      ['yonghushu', 'QUANTITY', 'user', 5],
      ['xinghao', 'ENUM', null, null],
      ['quyu', 'ENUM', null, null],
    ]);
    expect(items[0].tiers.map((tier) => [tier.from, tier.prices.yearNew])).toEqual([
      [5, '12.00'],
      [10, '10.00'],
    ]);
    expect(items[1].values.map((v) => [v.value, v.prices.yearNew])).toEqual([
      ['APP+WAP', '24.00'],
      ['APP+WAP+WeChat', '60.00'],
    ]);
  });

  it.each<[string, MarketVersionInput, string[]]>([
    ['a 21-character name', { name: 'x'.repeat(21), prices: STANDARD_PRICES }, ['name:TOO_LONG']],
    ['a name with a hyphen', { name: 'Std-1', prices: STANDARD_PRICES }, ['name:INVALID_CHARACTERS']],
    ['a 181-day trial', { name: 'Std', trialDays: 181, prices: STANDARD_PRICES }, ['trialDays:TRIAL_OUT_OF_RANGE']],
    ['a 0-day trial', { name: 'Std', trialDays: 0, prices: STANDARD_PRICES }, ['trialDays:TRIAL_OUT_OF_RANGE']],
    ['a month price without renewal price', { name: 'Std', prices: { monthNew: '1' } }, ['prices.monthRenew:REQUIRED']],
    ['a one-time price on a BY_CYCLE product', { name: 'Std', prices: { ...STANDARD_PRICES, oneTime: '9' } }, ['prices.oneTime:NOT_FOR_BY_CYCLE']],
  ])('a BY_CYCLE version with %s is refused', async (_what, input, expected) => {
    const product = await createProduct(isv.token);
    expect(violations(await addVersion(isv.token, product.id, input))).toEqual(expected);
  });

  it('a ONE_TIME product takes a single price and refuses any trial (7 days included) and cycle prices', async () => {
    const product = await createProduct(isv.token, { saleMode: 'ONE_TIME', name: 'Lifetime Tool' });
    expect(violations(await addVersion(isv.token, product.id, { name: 'Std', trialDays: 7, prices: { oneTime: '299' } }))).toEqual(['trialDays:TRIAL_NOT_ALLOWED']);
    expect(violations(await addVersion(isv.token, product.id, { name: 'Std', trialDays: 1, prices: { oneTime: '299' } }))).toEqual(['trialDays:TRIAL_NOT_ALLOWED']);
    expect(violations(await addVersion(isv.token, product.id, { name: 'Std', prices: { oneTime: '299', yearNew: '10', yearRenew: '10' } }))).toEqual([
      'prices.yearNew:NOT_FOR_ONE_TIME',
      'prices.yearRenew:NOT_FOR_ONE_TIME',
    ]);
    expect(await addVersionOk(isv.token, product.id, { name: 'Std', prices: { oneTime: '299' } })).toMatchObject({ trialDays: null, prices: { oneTime: '299.00', yearNew: null } });
    // a trial cannot be added later either
    const v = (await t.gql(MyMarketProductsDocument, {}, isv.token)).data!.myMarketProducts.edges.map((e) => e.node).find((p) => p.id === product.id)!;
    const read = (await t.gql(MarketProductDocument, { id: v.id }, isv.token)).data!.marketProduct;
    expect(violations((await t.gql(UpdateMarketVersionDocument, { versionId: read.versions[0].id, input: { trialDays: 30 } }, isv.token)).data!.updateMarketVersion)).toEqual(['trialDays:TRIAL_NOT_ALLOWED']);
  });

  it('the 21st version is refused, hidden versions counted', async () => {
    const product = await createProduct(isv.token);
    const ids: string[] = [];
    for (let i = 1; i <= 20; i++) ids.push((await addVersionOk(isv.token, product.id, { name: `V${i}`, prices: STANDARD_PRICES })).id);
    for (const id of ids.slice(0, 5)) expect((await t.gql(HideMarketVersionDocument, { versionId: id }, isv.token)).data!.hideMarketVersion).toMatchObject({ hidden: true });
    const refusal = await addVersion(isv.token, product.id, { name: 'V21', prices: STANDARD_PRICES });
    expect(violations(refusal)).toEqual(['versions:TOO_MANY_VERSIONS']);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM market_version WHERE product_id = ?', [product.id]))[0].n)).toBe(20);
  });

  it('25 versions added at once: exactly 20 stand (the product row is locked while counting)', async () => {
    const product = await createProduct(isv.token);
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => addVersion(isv.token, product.id, { name: `P${i}`, prices: STANDARD_PRICES })));
    expect(results.filter((r) => r.__typename === 'MarketVersion')).toHaveLength(20);
    expect(results.filter((r) => r.__typename === 'InvalidInput')).toHaveLength(5);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM market_version WHERE product_id = ?', [product.id]))[0].n)).toBe(20);
  });

  it('hiding the last visible version is refused; showing it again works', async () => {
    const product = await createProduct(isv.token);
    const a = await addVersionOk(isv.token, product.id, { name: 'A', prices: STANDARD_PRICES });
    const b = await addVersionOk(isv.token, product.id, { name: 'B', prices: STANDARD_PRICES });
    expect((await t.gql(HideMarketVersionDocument, { versionId: a.id }, isv.token)).data!.hideMarketVersion).toMatchObject({ hidden: true });
    expect(violations((await t.gql(HideMarketVersionDocument, { versionId: b.id }, isv.token)).data!.hideMarketVersion as never)).toEqual(['versionId:LAST_VISIBLE_VERSION']);
    expect((await t.gql(ShowMarketVersionDocument, { versionId: a.id }, isv.token)).data!.showMarketVersion).toMatchObject({ hidden: false });
    expect((await t.gql(HideMarketVersionDocument, { versionId: b.id }, isv.token)).data!.hideMarketVersion).toMatchObject({ hidden: true });
  });

  it('versions are reordered by listing every id; anything else is refused', async () => {
    const product = await createProduct(isv.token);
    const [a, b, c] = [
      await addVersionOk(isv.token, product.id, { name: 'A', prices: STANDARD_PRICES }),
      await addVersionOk(isv.token, product.id, { name: 'B', prices: STANDARD_PRICES }),
      await addVersionOk(isv.token, product.id, { name: 'C', prices: STANDARD_PRICES }),
    ];
    const res = (await t.gql(ReorderMarketVersionsDocument, { productId: product.id, versionIds: [c.id, a.id, b.id] }, isv.token)).data!.reorderMarketVersions;
    if (res.__typename !== 'MarketProduct') throw new Error(JSON.stringify(res));
    expect(res.versions.map((v) => [v.name, v.displayOrder])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
    expect(violations((await t.gql(ReorderMarketVersionsDocument, { productId: product.id, versionIds: [c.id, a.id] }, isv.token)).data!.reorderMarketVersions as never)).toEqual([
      'versionIds:NOT_A_PERMUTATION',
    ]);
  });

  it('a version may be deleted before the first listing, never after (hide it instead)', async () => {
    const product = await createProduct(isv.token);
    const a = await addVersionOk(isv.token, product.id, { name: 'A', prices: STANDARD_PRICES });
    const b = await addVersionOk(isv.token, product.id, { name: 'B', prices: STANDARD_PRICES });
    const del = (await t.gql(DeleteMarketVersionDocument, { versionId: b.id }, isv.token)).data!.deleteMarketVersion;
    expect(del).toMatchObject({ __typename: 'MarketProduct', versions: [{ id: a.id }] });
    const { std } = await listedProduct(isv);
    expect(violations((await t.gql(DeleteMarketVersionDocument, { versionId: std.id }, isv.token)).data!.deleteMarketVersion as never)).toEqual(['versionId:NEVER_DELETED_ONCE_LISTED']);
  });

  it('extra billing items: codes of letters and underscores, a unit for QUANTITY', async () => {
    const product = await createProduct(isv.token);
    const v = await addVersionOk(isv.token, product.id, { name: 'A', prices: STANDARD_PRICES });
    const bad: BillingItemInput[] = [{ ...ITEMS[0], code: 'user-count', unit: '' }, { ...ITEMS[1], code: 'model2' }];
    expect(violations((await t.gql(SetVersionBillingItemsDocument, { versionId: v.id, items: bad }, isv.token)).data!.setVersionBillingItems as never)).toEqual([
      'items[0].code:INVALID_CODE',
      'items[0].unit:REQUIRED',
      'items[1].code:INVALID_CODE',
    ]);
  });
});

describe('production endpoint check (http/https, a domain, HEAD 200–500 within 2 s)', () => {
  let productId: string;
  beforeAll(async () => {
    productId = (await createProduct(isv.token)).id;
  });

  it.each<[string, () => string, string | null]>([
    ['200 within 2 s', () => url('/ok'), null],
    ['404 within 2 s', () => url('/missing'), null],
    ['a 302 redirect (in range; not followed)', () => url('/redirect'), null],
    ['501', () => url('/not-implemented'), 'ENDPOINT_BAD_STATUS'],
    ['503 after 3 s', () => url('/slow-503'), 'ENDPOINT_TIMEOUT'],
    ['a refused connection', () => `http://${HOST}:${closedPort}/produce`, 'ENDPOINT_UNREACHABLE'],
    ['an IPv4 address', () => `http://127.0.0.1:${port}/ok`, 'IP_ADDRESS'],
    ['an IPv6 address', () => `http://[::1]:${port}/ok`, 'IP_ADDRESS'],
    ['ftp://', () => `ftp://${HOST}/produce`, 'NOT_HTTP_URL'],
  ])('%s → %s', async (_what, endpoint, rule) => {
    const res = (await t.gql(SetProductionEndpointDocument, { productId, url: endpoint() }, isv.token)).data!.setProductionEndpoint;
    if (rule === null) expect(res).toEqual({ __typename: 'MarketProduct', id: productId, endpointUrl: endpoint() });
    else expect(violations(res as never)).toEqual([`endpointUrl:${rule}`]);
  });

  it('the check is a real HEAD request, and a redirect is not followed', async () => {
    const before = received.length;
    await t.gql(SetProductionEndpointDocument, { productId, url: url('/redirect') }, isv.token);
    expect(received.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /redirect']);
  });
});

describe('review, freezing and visibility', () => {
  it('submission opens a review round due in 3 working days; in review the product is frozen; a rejection carries reasons and an explanation, with a feedback thread; after submission tier starts and enum values are frozen, prices are not', async () => {
    t.clock.set('2026-11-20T04:00:00Z'); // Friday 12:00 Beijing
    const product = await createProduct(isv.token);
    const std = await addVersionOk(isv.token, product.id, { name: 'Std', prices: STANDARD_PRICES });
    await t.gql(SetVersionBillingItemsDocument, { versionId: std.id, items: ITEMS }, isv.token);
    expect(violations((await t.gql(SubmitMarketProductDocument, { productId: product.id }, isv.token)).data!.submitMarketProduct as never)).toEqual(['endpointUrl:REQUIRED']);
    await t.gql(SetProductionEndpointDocument, { productId: product.id, url: PRODUCE() }, isv.token);
    const round = await submit(isv, product.id);
    // DOMAIN §3: submitted Friday 2026-11-20 ⇒ due at the end of Wednesday 2026-11-25 (24:00 Beijing = 16:00 UTC)
    expect(round).toMatchObject({
      subjectType: 'MARKET_PRODUCT',
      subjectId: product.id,
      roundNo: 1,
      status: 'PENDING',
      dueAt: '2026-11-25T16:00:00.000Z',
      overdue: false,
      workingDaysLeft: 3,
      marketProduct: { id: product.id, status: 'IN_REVIEW', submittedAt: '2026-11-20T04:00:00.000Z', listedAt: null },
    });
    expect(await t.gql(SubmitMarketProductDocument, { productId: product.id }, isv.token)).toMatchObject({ data: { submitMarketProduct: { __typename: 'InvalidState', currentState: 'IN_REVIEW' } } });
    const inReview = (await t.gql(UpdateMarketProductDocument, { id: product.id, input: { name: 'Renamed' } }, isv.token)).data!.updateMarketProduct;
    expect(inReview).toMatchObject({ __typename: 'InvalidState', currentState: 'IN_REVIEW', reason: 'NOT_EDITABLE', failedChecks: [{ reason: 'NOT_EDITABLE', figures: [{ name: 'status', value: 'IN_REVIEW' }] }] });

    const reviewer = await t.token(Role.REVIEWER);
    const queue = (await t.gql(MarketReviewQueueDocument, {}, await t.token(Role.OPERATOR))).data!.reviewQueue;
    expect(queue.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ id: round.id, marketProduct: expect.objectContaining({ id: product.id }) }));
    const appReason = (await t.gql(DecideMarketReviewDocument, { input: { roundId: round.id, decision: 'REJECT', reasons: ['DISPLAYS_USER_PRIVATE_DATA'], explanation: 'x' } }, reviewer)).data!.decideReview;
    expect(violations(appReason as never)).toEqual(['reasons:REASON_NOT_FOR_SUBJECT']);
    const noExplanation = (await t.gql(DecideMarketReviewDocument, { input: { roundId: round.id, decision: 'REJECT', reasons: ['INCOMPLETE_MATERIAL'], explanation: ' ' } }, reviewer)).data!.decideReview;
    expect(noExplanation.__typename).toBe('InvalidInput');
    const rejected = (await t.gql(DecideMarketReviewDocument, { input: { roundId: round.id, decision: 'REJECT', reasons: ['INCOMPLETE_MATERIAL'], explanation: 'Pricing page incomplete' } }, reviewer)).data!.decideReview;
    expect(rejected).toMatchObject({ status: 'REJECTED', reasons: ['INCOMPLETE_MATERIAL'], explanation: 'Pricing page incomplete', marketProduct: { status: 'REJECTED' } });

    // feedback: the provider asks, the reviewer answers; another developer sees nothing
    await t.gql(PostMarketReviewFeedbackDocument, { roundId: round.id, message: "I can't understand the reason" }, isv.token);
    const answered = (await t.gql(PostMarketReviewFeedbackDocument, { roundId: round.id, message: 'Add the price table of every version' }, reviewer)).data!.postReviewFeedback;
    expect(answered).toMatchObject({ thread: { edges: [{ node: { authorRole: 'DEVELOPER' } }, { node: { authorRole: 'REVIEWER', body: 'Add the price table of every version' } }] } });
    expect(errorCode(await t.gql(MarketReviewRoundDocument, { id: round.id }, rival.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(PostMarketReviewFeedbackDocument, { roundId: round.id, message: 'me too' }, rival.token))).toBe('NOT_FOUND');

    const movedTier = ITEMS.map((i) => (i.code === 'yonghushu' ? { ...i, tiers: [i.tiers![0], { ...i.tiers![1], from: 20 }] } : i));
    expect(violations((await t.gql(SetVersionBillingItemsDocument, { versionId: std.id, items: movedTier }, isv.token)).data!.setVersionBillingItems as never)).toEqual([
      'items[0].tiers:FROZEN_AFTER_SUBMISSION',
    ]);
    const renamedValue = ITEMS.map((i) => (i.code === 'quyu' ? { ...i, values: [i.values![0], { ...i.values![1], value: 'Hangzhou' }] } : i));
    expect(violations((await t.gql(SetVersionBillingItemsDocument, { versionId: std.id, items: renamedValue }, isv.token)).data!.setVersionBillingItems as never)).toEqual([
      'items[2].values:FROZEN_AFTER_SUBMISSION',
    ]);
    const repriced = ITEMS.map((i) => (i.code === 'yonghushu' ? { ...i, tiers: i.tiers!.map((tier) => ({ ...tier, prices: { ...tier.prices, yearNew: '9', yearRenew: '9' } })) } : i));
    const ok = (await t.gql(SetVersionBillingItemsDocument, { versionId: std.id, items: repriced }, isv.token)).data!.setVersionBillingItems;
    if (ok.__typename !== 'MarketVersion') throw new Error(JSON.stringify(ok));
    expect(ok.billingItems[0].tiers.map((tier) => [tier.from, tier.prices.yearNew])).toEqual([
      [5, '9.00'],
      [10, '9.00'],
    ]);

    // resubmitted on Monday 2026-11-23: a new round whose 3 working days count from the resubmission
    t.clock.set('2026-11-23T02:00:00Z');
    const second = await submit(isv, product.id);
    expect(second).toMatchObject({ roundNo: 2, dueAt: '2026-11-26T16:00:00.000Z' });
    const approved = (await t.gql(DecideMarketReviewDocument, { input: { roundId: second.id, decision: 'APPROVE' } }, reviewer)).data!.decideReview;
    expect(approved).toMatchObject({ status: 'APPROVED', marketProduct: { status: 'LISTED', listedAt: '2026-11-23T02:00:00.000Z' } });
    expect((await t.gql(DecideMarketReviewDocument, { input: { roundId: second.id, decision: 'APPROVE' } }, reviewer)).data!.decideReview).toMatchObject({ __typename: 'InvalidState', currentState: 'APPROVED' });
    const history = (await t.gql(MarketProductReviewsDocument, { id: product.id }, isv.token)).data!.marketProduct;
    expect(history.reviewRounds.edges.map(({ node: r }) => [r.roundNo, r.status, r.reasons])).toEqual([
      [2, 'APPROVED', []],
      [1, 'REJECTED', ['INCOMPLETE_MATERIAL']],
    ]);
    expect((await t.gql(MarketProductReviewsDocument, { id: product.id }, buyer.token)).data!.marketProduct.reviewRounds).toEqual({ totalCount: 0, edges: [] });
  });

  it('buyers see listed products with visible versions only and no endpoint; drafts of others are NOT_FOUND', async () => {
    const { product, promo } = await listedProduct(isv);
    await t.gql(HideMarketVersionDocument, { versionId: promo.id }, isv.token);
    const front = (await t.gql(MarketProductsDocument)).data!.marketProducts.edges.map((e) => e.node).find((p) => p.id === product.id)!;
    expect(front.versions.map((v) => v.name)).toEqual(['标准版', 'Advanced']);
    const asBuyer = (await t.gql(MarketProductDocument, { id: product.id }, buyer.token)).data!.marketProduct;
    expect(asBuyer.endpointUrl).toBeNull();
    expect((await t.gql(MarketProductDocument, { id: product.id }, isv.token)).data!.marketProduct.endpointUrl).toBe(PRODUCE());

    const draft = await createProduct(isv.token);
    for (const token of [buyer.token, rival.token, undefined]) expect(errorCode(await t.gql(MarketProductDocument, { id: draft.id }, token))).toBe('NOT_FOUND');
    for (const role of [Role.REVIEWER, Role.OPERATOR] as const) expect((await t.gql(MarketProductDocument, { id: draft.id }, await t.token(role))).data!.marketProduct.id).toBe(draft.id);
  });
});

describe('quotes (004 example 2)', () => {
  let std: { id: string; code: string };
  beforeAll(async () => {
    ({ std } = await listedProduct(isv));
  });
  const q = (patch: Partial<QuoteOrderInput> = {}, token?: string) => t.gql(QuoteOrderDocument, { input: { versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION, ...patch } }, token);

  it('standard 1 year new 12 + 10 users × 10 = 100 + APP+WAP+WeChat 60 + Shanghai 36 = 208.00, a line per part (anyone may quote)', async () => {
    const res = (await q()).data!.quoteOrder;
    if (res.__typename !== 'Quote') throw new Error(JSON.stringify(res));
    expect(res.total).toBe('208.00');
    expect(res.versionCode).toBe(std.code);
    expect(res.lines.map((l) => [l.part, l.code, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['BASE', null, 1, '12.00', '12.00'],
      ['QUANTITY', 'yonghushu', 10, '10.00', '100.00'],
      ['ENUM', 'xinghao', 1, '60.00', '60.00'],
      ['ENUM', 'quyu', 1, '36.00', '36.00'],
    ]);
  });

  it.each([
    [5, '60.00'],
    [9, '108.00'],
    [10, '100.00'],
    [12, '120.00'],
  ])('%i users for a year: tier 5–9 at 12, ≥ 10 at 10 → %s', async (users, line) => {
    const res = (await q({ quantities: [{ code: 'yonghushu', quantity: users }] }, buyer.token)).data!.quoteOrder;
    if (res.__typename !== 'Quote') throw new Error(JSON.stringify(res));
    expect(res.lines.find((l) => l.code === 'yonghushu')!.amount).toBe(line);
  });

  it('4 users, under the minimum of 5, are refused; so is an unknown region', async () => {
    expect(violations((await q({ quantities: [{ code: 'yonghushu', quantity: 4 }] }, buyer.token)).data!.quoteOrder as never)).toEqual(['quantities.yonghushu:BELOW_MINIMUM']);
    const badRegion = (await q({ choices: [SELECTION.choices[0], { code: 'quyu', value: 'Hangzhou' }] }, buyer.token)).data!.quoteOrder;
    expect(violations(badRegion as never)).toEqual(['choices.quyu:UNKNOWN_VALUE']);
  });

  it("a draft product's versions are NOT_FOUND to buyers", async () => {
    const draft = await createProduct(isv.token);
    const v = await addVersionOk(isv.token, draft.id, { name: 'A', prices: STANDARD_PRICES });
    expect(errorCode(await t.gql(QuoteOrderDocument, { input: { versionId: v.id, cycle: 'YEAR', length: 1 } }, buyer.token))).toBe('NOT_FOUND');
    expect((await t.gql(QuoteOrderDocument, { input: { versionId: v.id, cycle: 'YEAR', length: 1 } }, isv.token)).data!.quoteOrder).toMatchObject({ total: '12.00' });
  });
});

describe('orders and production notifications', () => {
  beforeEach(() => {
    produceStatus = 200;
  });

  it('a NEW order of 208.00 is recorded and delivered to the endpoint with buyer, product, version code, parameters, order type and an idempotency key', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { product, std } = await listedProduct(isv, { needsBuyerPhone: true });
    expect(violations((await order(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION })) as never)).toEqual(['buyerPhone:REQUIRED']);
    const o = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION, buyerPhone: '+86 138 0000 0000' });
    expect(o).toMatchObject({ type: 'NEW', trial: false, amount: '208.00', cycle: 'YEAR', length: 1 });
    const subs = (await t.gql(MySubscriptionsDocument, {}, buyer.token)).data!.mySubscriptions.edges.map((e) => e.node);
    expect(subs.find((s) => s.id === o.subscriptionId)).toMatchObject({ status: 'ACTIVE', expiresAt: '2027-11-20T04:00:00.000Z' });
    expect((await t.gql(MyMarketOrdersDocument, {}, buyer.token)).data!.myMarketOrders.edges.map((e) => e.node).map((x) => x.id)).toContain(o.id);

    const report = await dispatch();
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    const [delivery] = deliveriesTo(`order-${o.id}`);
    expect(delivery.path).toBe('/produce');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivery.body)).toEqual({
      idempotencyKey: `order-${o.id}`,
      action: 'NEW',
      orderId: o.id,
      orderType: 'NEW',
      trial: false,
      buyer: { id: buyer.id, name: 'Buyer Co', phone: '+86 138 0000 0000' },
      product: { id: product.id, name: 'Data Analysis' },
      subscriptionId: o.subscriptionId,
      versionCode: std.code,
      parameters: { yonghushu: 10, xinghao: 'APP+WAP+WeChat', quyu: 'Shanghai' },
      cycle: 'YEAR',
      length: 1,
      amount: '208.00',
      expiresAt: '2027-11-20T04:00:00.000Z',
    });
    expect((await t.gql(MyProductionFailuresDocument, {}, isv.token)).data!.myProductionFailures.edges.map((e) => e.node).filter((n) => n.orderId === o.id)).toEqual([]);
  });

  it('a trial is free, lasts the version’s 7 days, is taken once, and only where offered', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { std, adv } = await listedProduct(isv);
    const trial = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, trial: true, cycle: 'MONTH', ...SELECTION });
    expect(trial).toMatchObject({ trial: true, amount: '0.00', lines: [{ key: 'TRIAL', amount: '0.00' }] });
    const sub = (await t.gql(MySubscriptionsDocument, {}, buyer.token)).data!.mySubscriptions.edges.map((e) => e.node).find((s) => s.id === trial.subscriptionId)!;
    expect(sub).toMatchObject({ trial: true, expiresAt: '2026-11-27T04:00:00.000Z' });
    expect(violations((await order(buyer.token, { type: 'NEW', versionId: std.id, trial: true, cycle: 'MONTH', ...SELECTION })) as never)).toEqual(['trial:TRIAL_ALREADY_USED']);
    expect(violations((await order(buyer.token, { type: 'NEW', versionId: adv.id, trial: true, cycle: 'MONTH', ...SELECTION })) as never)).toEqual(['trial:TRIAL_NOT_OFFERED']);
    // five concurrent trial orders of another buyer: exactly one is taken
    const other = await t.developer('Second Buyer');
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => order(other.token, { type: 'NEW', versionId: std.id, trial: true, cycle: 'MONTH', ...SELECTION })));
    expect(concurrent.filter((o) => o.__typename === 'MarketOrder')).toHaveLength(1);
    expect((await t.gql(MySubscriptionsDocument, {}, other.token)).data!.mySubscriptions.edges.map((e) => e.node)).toHaveLength(1);
    await dispatch();
    expect(JSON.parse(deliveriesTo(`order-${trial.id}`)[0].body)).toMatchObject({ action: 'NEW', trial: true, amount: '0.00' });
  });

  it('upgrades: along an operator rule, a scale-up, never a downgrade or a scale-down, never to a hidden version; a negative difference is charged 0.00', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { product, std, adv, promo } = await listedProduct(isv);
    const operator = await t.token(Role.OPERATOR);
    const rule = (await t.gql(SetUpgradeRuleDocument, { fromVersionId: std.id, toVersionId: adv.id }, operator)).data!.setUpgradeRule;
    expect(rule).toMatchObject({ upgradeRules: [{ fromVersionId: std.id, toVersionId: adv.id }] });
    await t.gql(SetUpgradeRuleDocument, { fromVersionId: std.id, toVersionId: promo.id }, operator);

    const bought = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION });
    // 182 days later: 183 days left of the year.
    t.clock.set('2027-05-21T04:00:00Z');
    const scaleDown = await order(buyer.token, { type: 'UPGRADE', subscriptionId: bought.subscriptionId, quantities: [{ code: 'yonghushu', quantity: 8 }] });
    expect(violations(scaleDown as never)).toEqual(['quantities.yonghushu:SCALE_DOWN']);

    const preview = (await t.gql(QuoteUpgradeDocument, { input: { subscriptionId: bought.subscriptionId, quantities: [{ code: 'yonghushu', quantity: 15 }] } }, buyer.token)).data!.quoteUpgrade;
    expect(preview).toMatchObject({ __typename: 'UpgradeQuote', remainingDays: 183, cycleDays: 365, charged: '25.07' });
    expect(errorCode(await t.gql(QuoteUpgradeDocument, { input: { subscriptionId: bought.subscriptionId } }, rival.token))).toBe('NOT_FOUND');
    const scaleUp = await orderOk(buyer.token, { type: 'UPGRADE', subscriptionId: bought.subscriptionId, quantities: [{ code: 'yonghushu', quantity: 15 }] });
    // 5 more users at 10/year × 183/365 = 25.07
    expect(scaleUp).toMatchObject({ type: 'UPGRADE', remainingDays: 183, amount: '25.07' });
    expect(scaleUp.lines.find((l) => l.key === 'yonghushu')).toMatchObject({ current: '100.00', target: '150.00', amount: '25.07' });

    const up = await orderOk(buyer.token, { type: 'UPGRADE', subscriptionId: bought.subscriptionId, versionId: adv.id });
    // base 12 → 50 per year: 38 × 183/365 = 19.05; the other parts are unchanged
    expect(up).toMatchObject({ amount: '19.05', difference: '19.05' });
    expect(up.lines.map((l) => [l.key, l.current, l.target, l.amount])).toEqual([
      ['BASE', '12.00', '50.00', '19.05'],
      ['yonghushu', '150.00', '150.00', '0.00'],
      ['xinghao', '60.00', '60.00', '0.00'],
      ['quyu', '36.00', '36.00', '0.00'],
    ]);
    const down = await order(buyer.token, { type: 'UPGRADE', subscriptionId: bought.subscriptionId, versionId: std.id });
    expect(violations(down as never)).toEqual(['versionId:NO_UPGRADE_RULE']);

    // a second subscription on Standard, upgraded to the cheaper Promo: negative, charged 0.00
    const second = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION });
    const inverted = await orderOk(buyer.token, { type: 'UPGRADE', subscriptionId: second.subscriptionId, versionId: promo.id });
    expect(inverted).toMatchObject({ amount: '0.00', difference: '-12.00' });
    expect(inverted.lines.find((l) => l.key === 'BASE')).toMatchObject({ current: '12.00', target: '0.00', amount: '-12.00' });

    // hidden versions: neither upgraded to, nor upgraded from
    const third = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION });
    await t.gql(HideMarketVersionDocument, { versionId: adv.id }, isv.token);
    expect(violations((await order(buyer.token, { type: 'UPGRADE', subscriptionId: third.subscriptionId, versionId: adv.id })) as never)).toEqual(['versionId:HIDDEN_VERSION']);
    await t.gql(ShowMarketVersionDocument, { versionId: adv.id }, isv.token);
    await t.gql(HideMarketVersionDocument, { versionId: std.id }, isv.token);
    expect(violations((await order(buyer.token, { type: 'UPGRADE', subscriptionId: third.subscriptionId, quantities: [{ code: 'yonghushu', quantity: 20 }] })) as never)).toEqual([
      'subscription:HIDDEN_VERSION',
    ]);
    // ...but a hidden version is still renewed, at renewal prices
    const renewed = await orderOk(buyer.token, { type: 'RENEW', subscriptionId: third.subscriptionId, length: 1 });
    expect(renewed).toMatchObject({ type: 'RENEW', amount: '208.00' });
    expect(violations((await order(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION })) as never)).toEqual(['versionId:VERSION_HIDDEN']);

    await t.gql(RemoveUpgradeRuleDocument, { fromVersionId: std.id, toVersionId: promo.id }, operator);
    // both operator mutations are audited: the rule before and after (issue 6)
    const path = { productId: product.id, fromVersionId: std.id, toVersionId: promo.id };
    const audited = async (action: string) =>
      (await t.gql(AuditLogDocument, { action, entityId: `${std.id}->${promo.id}` }, operator)).data!.auditLog.edges.map((e) => [e.node.actorRole, e.node.entityType, e.node.before, e.node.after]);
    expect(await audited('setUpgradeRule')).toEqual([['OPERATOR', 'MarketUpgradeRule', null, path]]);
    expect(await audited('removeUpgradeRule')).toEqual([['OPERATOR', 'MarketUpgradeRule', path, null]]);
    await dispatch();
    expect(JSON.parse(deliveriesTo(`order-${up.id}`)[0].body)).toMatchObject({ action: 'UPGRADE', orderType: 'UPGRADE', versionCode: adv.code, parameters: { yonghushu: 15 } });
  });

  it('expired subscriptions close; renewal works within 7 days; 7 days after expiry the provider is told to release and renewal is refused', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { std } = await listedProduct(isv);
    const a = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'MONTH', length: 1, ...SELECTION });
    const b = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'MONTH', length: 1, ...SELECTION });
    // expiry 2026-12-20T04:00Z; 3 days later both are closed
    t.clock.set('2026-12-23T04:00:00Z');
    expect(await t.server.services.marketOrders.runExpiry()).toMatchObject({ closed: expect.any(Number) });
    const statuses = async () => Object.fromEntries((await t.gql(MySubscriptionsDocument, {}, buyer.token)).data!.mySubscriptions.edges.map((e) => e.node).map((s) => [s.id, s]));
    expect((await statuses())[a.subscriptionId]).toMatchObject({ status: 'CLOSED' });
    // renewal within 7 days: a month from now (the closed days are not charged)
    const renewed = await orderOk(buyer.token, { type: 'RENEW', subscriptionId: a.subscriptionId, length: 1 });
    expect(renewed.amount).toBe('19.00'); // 1 + 10 users × 1 + 5 + 3, renewal prices per month
    expect((await statuses())[a.subscriptionId]).toMatchObject({ status: 'ACTIVE', expiresAt: '2027-01-23T04:00:00.000Z' });

    t.clock.set('2026-12-27T04:00:00Z');
    await t.server.services.marketOrders.runExpiry();
    expect((await statuses())[b.subscriptionId]).toMatchObject({ status: 'RELEASED' });
    const refused = await order(buyer.token, { type: 'RENEW', subscriptionId: b.subscriptionId, length: 1 });
    expect(refused).toMatchObject({ __typename: 'InvalidState', currentState: 'RELEASED', reason: 'RENEWAL_CLOSED' });
    // the release notification, once even if the worker runs again
    await t.server.services.marketOrders.runExpiry();
    await dispatch();
    const releases = deliveriesTo(`release-${b.subscriptionId}`);
    expect(releases).toHaveLength(1);
    expect(JSON.parse(releases[0].body)).toMatchObject({ action: 'RELEASE', orderId: null, subscriptionId: b.subscriptionId, versionCode: std.code });
  });

  it('ONE_TIME: one price, no expiry, never renewed; a product made invisible leaves the front and is NOT_FOUND to buyers', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const product = await createProduct(isv.token, { name: 'Lifetime Tool', saleMode: 'ONE_TIME', needsBuyerEmail: true });
    const v = await addVersionOk(isv.token, product.id, { name: 'Lifetime', prices: { oneTime: '299.90' } });
    await t.gql(SetVersionBillingItemsDocument, { versionId: v.id, items: [{ code: 'quyu', name: 'Region', kind: 'ENUM', values: [{ value: 'Beijing', prices: { oneTime: '30' } }] }] }, isv.token);
    await t.gql(SetProductionEndpointDocument, { productId: product.id, url: PRODUCE() }, isv.token);
    await submitAndApprove(isv, product.id);
    const choices = [{ code: 'quyu', value: 'Beijing' }];
    const yearly = (await t.gql(QuoteOrderDocument, { input: { versionId: v.id, cycle: 'YEAR', length: 1, choices } }, buyer.token)).data!.quoteOrder;
    expect(violations(yearly as never)).toEqual(['cycle:CYCLE_NOT_SOLD']);
    const o = await orderOk(buyer.token, { type: 'NEW', versionId: v.id, cycle: 'ONE_TIME', choices, buyerEmail: 'ops@buyer.example.com' });
    expect(o).toMatchObject({ amount: '329.90', cycle: 'ONE_TIME', length: 1 });
    const sub = (await t.gql(MySubscriptionsDocument, {}, buyer.token)).data!.mySubscriptions.edges.map((e) => e.node).find((x) => x.id === o.subscriptionId)!;
    expect(sub).toMatchObject({ expiresAt: null, status: 'ACTIVE' });
    expect(await order(buyer.token, { type: 'RENEW', subscriptionId: o.subscriptionId, length: 1 })).toMatchObject({ __typename: 'InvalidState' });
    await dispatch();
    expect(JSON.parse(deliveriesTo(`order-${o.id}`)[0].body)).toMatchObject({ cycle: 'ONE_TIME', expiresAt: null, buyer: { email: 'ops@buyer.example.com' }, parameters: { quyu: 'Beijing' } });

    expect((await t.gql(UpdateMarketProductDocument, { id: product.id, input: { visible: false } }, isv.token)).data!.updateMarketProduct).toMatchObject({ visible: false });
    expect((await t.gql(MarketProductsDocument)).data!.marketProducts.edges.map((e) => e.node).map((p) => p.id)).not.toContain(product.id);
    expect(errorCode(await t.gql(QuoteOrderDocument, { input: { versionId: v.id, cycle: 'ONE_TIME', length: 1, choices } }, buyer.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(MarketProductDocument, { id: product.id }, buyer.token))).toBe('NOT_FOUND');
  });

  it('a notification failing 120 times stops; the provider sees the error count and last error, resets, and the next success removes it', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { std } = await listedProduct(isv);
    await dispatch(); // nothing of earlier tests left pending
    produceStatus = 500;
    const o = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION });
    const key = `order-${o.id}`;
    const failure = async () => (await t.gql(MyProductionFailuresDocument, {}, isv.token)).data!.myProductionFailures.edges.map((e) => e.node).find((n) => n.idempotencyKey === key);

    let now = Date.parse('2026-11-20T04:00:00Z');
    for (let attempt = 1; attempt <= 120; attempt++) {
      const r = await dispatch();
      expect(r.attempted).toBe(1);
      if (attempt === 119) expect(await failure()).toMatchObject({ status: 'PENDING', errorCount: 119 });
      now += 3_600_000; // the longest backoff is one hour
      t.clock.set(new Date(now));
    }
    const stopped = await failure();
    expect(stopped).toMatchObject({ status: 'STOPPED', errorCount: 120, totalAttempts: 120, orderId: o.id, action: 'NEW', nextAttemptAt: null });
    expect(stopped!.lastError).toMatch(/^answered 500/);
    expect(deliveriesTo(key)).toHaveLength(120);
    t.clock.set(new Date(now + 86_400_000));
    expect(await dispatch()).toMatchObject({ attempted: 0 });
    expect(deliveriesTo(key)).toHaveLength(120);

    // another provider neither sees nor resets it
    expect((await t.gql(MyProductionFailuresDocument, {}, rival.token)).data!.myProductionFailures.edges.map((e) => e.node)).toEqual([]);
    expect(errorCode(await t.gql(ResetNotificationErrorsDocument, { id: stopped!.id }, rival.token))).toBe('NOT_FOUND');

    produceStatus = 200;
    const reset = (await t.gql(ResetNotificationErrorsDocument, { id: stopped!.id }, isv.token)).data!.resetNotificationErrors;
    expect(reset).toMatchObject({ status: 'PENDING', errorCount: 0 });
    expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(await failure()).toBeUndefined();
    const all = deliveriesTo(key);
    expect(all).toHaveLength(121);
    expect(new Set(all.map((d) => JSON.parse(d.body).idempotencyKey))).toEqual(new Set([key]));
    expect(all.at(-1)!.headers['x-market-attempt']).toBe('121');
    const again = (await t.gql(ResetNotificationErrorsDocument, { id: stopped!.id }, isv.token)).data!.resetNotificationErrors;
    expect(again).toMatchObject({ __typename: 'InvalidState', currentState: 'DELIVERED' });
  });

  it('one outbox: a production notification is an outbox row, each attempt logged; pending rows get their outbox row from the migration', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { std } = await listedProduct(isv);
    await dispatch();
    produceStatus = 503;
    const o = await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION });
    const key = `order-${o.id}`;
    const [n] = await t.ds.query('SELECT id FROM market_notification WHERE idempotency_key = ?', [key]);
    const outbox = async () => (await t.ds.query('SELECT id, channel, developer_id, status, attempts, next_attempt_at FROM outbound_message WHERE market_notification_id = ?', [n.id]))[0];
    expect(await outbox()).toMatchObject({ channel: 'PRODUCTION', developer_id: isv.id, status: 'PENDING', attempts: 0 });
    expect(await dispatch()).toMatchObject({ attempted: 1, failed: 1 });
    // the same attempt log as webhooks: outcome, status, detail
    const attempts = await t.ds.query('SELECT outcome, http_status, detail FROM outbound_attempt WHERE message_id = ? ORDER BY id', [(await outbox()).id]);
    expect(attempts).toEqual([{ outcome: 'HTTP_STATUS', http_status: 503, detail: expect.stringMatching(/^answered 503/) }]);
    // the first backoff of DOMAIN §7's schedule: 30 s
    expect(new Date((await outbox()).next_attempt_at).toISOString()).toBe('2026-11-20T04:00:30.000Z');

    // a deployment upgraded with this notification pending in the market's table: the migration gives it its outbox row
    const { UnifiedOutbox1796172000000 } = await import('../../migrations/1796172000000-UnifiedOutbox');
    const qr = t.ds.createQueryRunner();
    try {
      await new UnifiedOutbox1796172000000().down(qr);
      await new UnifiedOutbox1796172000000().up(qr);
    } finally {
      await qr.release();
    }
    expect(await outbox()).toMatchObject({ channel: 'PRODUCTION', status: 'PENDING', attempts: 1 });
    expect(new Date((await outbox()).next_attempt_at).toISOString()).toBe('2026-11-20T04:00:30.000Z');
    produceStatus = 200;
    t.clock.set('2026-11-20T04:00:30Z');
    expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(deliveriesTo(key).map((d) => d.headers['x-market-attempt'])).toEqual(['1', '2']);
    expect(await outbox()).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    const [record] = await t.ds.query('SELECT status, errors, total_attempts FROM market_notification WHERE id = ?', [n.id]);
    expect(record).toEqual({ status: 'DELIVERED', errors: 1, total_attempts: 2 });
  });

  it('a provider whose buyers hold an active subscription cannot close the account (ACTIVE_SUBSCRIPTIONS); the product stays listed', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const provider = await t.developer('Closing ISV');
    const { product, std } = await listedProduct(provider);
    await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'MONTH', length: 1, ...SELECTION });
    const res = (await t.gql(CloseDeveloperAccountDocument, { input: { confirmName: 'Closing ISV' } }, provider.token)).data!.closeDeveloperAccount;
    expect(res).toMatchObject({ __typename: 'InvalidState', currentState: 'ACTIVE_SUBSCRIPTIONS', action: 'closeDeveloperAccount' });
    expect((await t.gql(MarketProductsDocument, {}, buyer.token)).data!.marketProducts.edges.map((e) => e.node).map((p) => p.id)).toContain(product.id);
  });
});

describe('roles and tenants', () => {
  let productId: string;
  let versionId: string;
  let subscriptionId: string;
  let roundId: string;
  beforeAll(async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const { product, std } = await listedProduct(isv);
    roundId = (await t.gql(MarketProductReviewsDocument, { id: product.id }, isv.token)).data!.marketProduct.reviewRounds.edges[0].node.id;
    productId = product.id;
    versionId = std.id;
    subscriptionId = (await orderOk(buyer.token, { type: 'NEW', versionId: std.id, cycle: 'YEAR', length: 1, ...SELECTION })).subscriptionId;
  });

  it('anonymous callers read the market front and quote, nothing else', async () => {
    expect((await t.gql(MarketProductsDocument)).data!.marketProducts.edges.map((e) => e.node).map((p) => p.id)).toContain(productId);
    for (const res of [
      await t.gql(CreateMarketProductDocument, { input: { name: 'X', saleMode: 'BY_CYCLE' } }),
      await t.gql(PlaceOrderDocument, { input: { type: 'NEW', versionId, cycle: 'YEAR', length: 1, ...SELECTION } }),
      await t.gql(MyProductionFailuresDocument),
      await t.gql(MyMarketProductsDocument),
      await t.gql(MySubscriptionsDocument),
    ]) {
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });

  it.each<[string, Exclude<Role, Role.ANONYMOUS>, (tok: string) => Promise<{ errors?: unknown }>]>([
    ['a reviewer creates a product', Role.REVIEWER, (tok) => t.gql(CreateMarketProductDocument, { input: { name: 'X', saleMode: 'BY_CYCLE' } }, tok)],
    ['an operator places an order', Role.OPERATOR, (tok) => t.gql(PlaceOrderDocument, { input: { type: 'NEW', versionId, cycle: 'YEAR', length: 1 } }, tok)],
    ['a developer decides a product review', Role.DEVELOPER, (tok) => t.gql(DecideMarketReviewDocument, { input: { roundId, decision: 'APPROVE' } }, tok)],
    ['an operator decides a product review', Role.OPERATOR, (tok) => t.gql(DecideMarketReviewDocument, { input: { roundId, decision: 'APPROVE' } }, tok)],
    ['a reviewer sets an upgrade rule', Role.REVIEWER, (tok) => t.gql(SetUpgradeRuleDocument, { fromVersionId: versionId, toVersionId: versionId }, tok)],
    ['a developer lists the review queue', Role.DEVELOPER, (tok) => t.gql(MarketReviewQueueDocument, {}, tok)],
    ['a reviewer resets notification errors', Role.REVIEWER, (tok) => t.gql(ResetNotificationErrorsDocument, { id: '1' }, tok)],
    ['a partner lists products as provider', Role.PARTNER, (tok) => t.gql(MyMarketProductsDocument, {}, tok)],
  ])('%s → refused (FORBIDDEN; a partner\'s text document: PERSISTED_DOCUMENT_REQUIRED)', async (_what, role, call) => {
    expect(errorCode((await call(await t.token(role))) as never)).toBe(refusedCode(role));
  });

  it('the market front reads versions and billing items in a fixed number of statements, whatever the number of products (no N+1)', async () => {
    const count = async () => (await t.queries.during(() => t.gql(MarketFrontDocument))).statements.length;
    const before = await count();
    await listedProduct(isv);
    await listedProduct(isv);
    expect(await count()).toBe(before);
  });

  it("another developer's product, versions and subscriptions answer NOT_FOUND", async () => {
    const calls = [
      t.gql(UpdateMarketProductDocument, { id: productId, input: { name: 'Mine now' } }, rival.token),
      t.gql(SetProductionEndpointDocument, { productId, url: url('/ok') }, rival.token),
      t.gql(AddMarketVersionDocument, { productId, input: { name: 'X', prices: STANDARD_PRICES } }, rival.token),
      t.gql(UpdateMarketVersionDocument, { versionId, input: { name: 'X' } }, rival.token),
      t.gql(SetVersionBillingItemsDocument, { versionId, items: [] }, rival.token),
      // Providers set upgrade rules of their own listed products only (issue 18): another's versions are NOT_FOUND.
      t.gql(SetUpgradeRuleDocument, { fromVersionId: versionId, toVersionId: versionId }, rival.token),
      t.gql(HideMarketVersionDocument, { versionId }, rival.token),
      t.gql(DeleteMarketVersionDocument, { versionId }, rival.token),
      t.gql(ReorderMarketVersionsDocument, { productId, versionIds: [versionId] }, rival.token),
      t.gql(SubmitMarketProductDocument, { productId }, rival.token),
      t.gql(MarketReviewRoundDocument, { id: roundId }, rival.token),
      t.gql(PlaceOrderDocument, { input: { type: 'RENEW', subscriptionId, length: 1 } }, rival.token),
      t.gql(PlaceOrderDocument, { input: { type: 'UPGRADE', subscriptionId, quantities: [{ code: 'yonghushu', quantity: 20 }] } }, rival.token),
    ];
    for (const res of await Promise.all(calls)) expect(errorCode(res)).toBe('NOT_FOUND');
    expect((await t.gql(MySubscriptionsDocument, {}, rival.token)).data!.mySubscriptions.edges.map((e) => e.node)).toEqual([]);
    expect((await t.gql(MyMarketProductsDocument, {}, rival.token)).data!.myMarketProducts.edges.map((e) => e.node)).toEqual([]);
  });
});

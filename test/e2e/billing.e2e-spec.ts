/**
 * Billing (issue 5): DOMAIN §5 (Taobao daily bills, coupons, ledger, arrears) and §6 (Douyin
 * monthly bills, quality discount, deposit), driven over HTTP against a fresh database. Usage
 * enters through the gateway's recordUsage, as in production.
 */
import { pricingInput } from '../support/pricing-input';
import { Role } from '../../src/domain/common/role';
import {
  AdjustBalanceDocument,
  BalanceDocument,
  BillDocument,
  BillFieldsFragment,
  BillingAccountDocument,
  BillsCsvDocument,
  BillsDocument,
  CallPermissionDocument,
  CollectArrearsDocument,
  LedgerDocument,
  MonthToDateDocument,
  PriceListsDocument,
  RechargeDocument,
  RunBillingDocument,
  SetAppBillingPlatformDocument,
  SetBillingTermsDocument,
  SetPaymentModeDocument,
  SetQualityDiscountDocument,
  SetValueAddedOutOfCloudPermittedDocument,
  UpsertPriceListDocument,
  UsageRecordInput,
} from '../generated/graphql';
import { App, BillingFixture, calls, Dev } from '../support/billing-fixture';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;
let operator: string;
let gateway: string;
let reviewer: string;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' }); // Beijing 2026-11-20 12:00
  f = await BillingFixture.of(t);
  ({ operator, gateway } = f);
  reviewer = await t.token(Role.REVIEWER);
});
afterAll(() => t?.stop());
beforeEach(() => t.clock.set('2026-11-20T04:00:00Z'));

const newApp = (dev: Dev): Promise<App> => f.newApp(dev);
const report = (appkey: string, date: string, patch: Partial<UsageRecordInput>) => f.report(appkey, date, patch);
const run = (platform: 'TAOBAO' | 'DOUYIN', period: string) => f.run(platform, period);

async function billOf(app: App, period: string, token = operator): Promise<BillFieldsFragment> {
  const res = await t.gql(BillsDocument, { filter: { appId: app.id, period } }, token);
  expect(res.data!.bills.totalCount).toBe(1);
  return res.data!.bills.edges[0].node;
}

const amounts = (bill: BillFieldsFragment) => Object.fromEntries(bill.lines.map((l) => [l.code, l.amount]));
const sum = (xs: string[]) => (xs.reduce((s, x) => s + Math.round(Number(x) * 100), 0) / 100).toFixed(2);
const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);

describe('DOMAIN §5 price table over HTTP: every row, in and out of cloud', () => {
  it('one day with 10,000 units of every meter (2021-06-01: before coupons) bills each row at its list price', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await t.gql(SetValueAddedOutOfCloudPermittedDocument, { appId: app.id, permitted: true }, operator);
    const api = ['FREE', 'BASIC', 'VALUE_ADDED', 'LOGISTICS_TRACKING', 'LOGISTICS_EXCEPTION'].flatMap((c) => ['IN_CLOUD', 'OUT_OF_CLOUD'].map((s) => calls(c, s, 10_000)));
    await report(app.appkey, '2021-06-01', { apiCalls: api, dataSyncNewOrders: 10_000, waliMessages: 10_000, crmRelations: 10_000, dataSyncPackage: 'PLATINUM' });
    expect(await run('TAOBAO', '2021-06-01')).toMatchObject({ __typename: 'BillingRunReport', billsCreated: 1 });
    const bill = await billOf(app, '2021-06-01');
    expect(amounts(bill)).toEqual({
      FREE_API_IN_CLOUD: '0.00',
      FREE_API_OUT_OF_CLOUD: '0.00',
      BASIC_API_IN_CLOUD: '2.00',
      BASIC_API_OUT_OF_CLOUD: '20.00',
      VALUE_ADDED_API_IN_CLOUD: '6.00',
      VALUE_ADDED_API_OUT_OF_CLOUD: '60.00',
      LOGISTICS_TRACKING_IN_CLOUD: '2.00',
      LOGISTICS_TRACKING_OUT_OF_CLOUD: '20.00',
      LOGISTICS_EXCEPTION_IN_CLOUD: '10.00',
      LOGISTICS_EXCEPTION_OUT_OF_CLOUD: '50.00',
      DATA_SYNC_ORDERS: '10.00',
      DATA_SYNC_PACKAGE_FEE: '149.00',
      WALI_MESSAGES: '1.00',
      CRM_RELATIONS: '0.06',
    });
    expect(bill.total).toBe('330.06');
    expect(bill.total).toBe(sum(bill.lines.map((l) => l.amount)));
    expect(bill.lines.find((l) => l.code === 'BASIC_API_OUT_OF_CLOUD')).toMatchObject({ quantity: '10000', unitPrice: '0.2/100', preciseAmount: '20' });
  });
});

describe("data sync (000's FAQ) and its price before 2018-08-01", () => {
  it.each([
    ['2021-06-02', 12_000, '12.00'],
    ['2021-06-03', 1_300_000, '1120.00'],
    ['2021-06-04', 1_000_000, '1000.00'],
    ['2018-07-31', 12_000, '14.40'], // 0.12/100 then
  ])('%s: %i new orders → %s', async (date, orders, amount) => {
    const app = await newApp(await t.developer());
    await report(app.appkey, date, { dataSyncNewOrders: orders });
    await run('TAOBAO', date);
    const bill = await billOf(app, date);
    expect(bill.lines).toHaveLength(1);
    expect(bill.lines[0]).toMatchObject({ code: 'DATA_SYNC_ORDERS', amount });
    expect(bill.total).toBe(amount);
  });

  it('1,300,000 orders explain themselves tier by tier', async () => {
    const app = await newApp(await t.developer());
    await report(app.appkey, '2021-06-05', { dataSyncNewOrders: 1_000_000 });
    await report(app.appkey, '2021-06-05', { dataSyncNewOrders: 300_000 }); // increments add up
    await run('TAOBAO', '2021-06-05');
    expect((await billOf(app, '2021-06-05')).lines[0].explanation).toBe('1,300,000 orders: 1,000,000 × 0.1/100 + 300,000 × 0.04/100 = 1120 → 1120.00');
  });
});

describe('package fee, coupons and rounding', () => {
  it('ADVANCED then FLAGSHIP on one day → 299', async () => {
    const app = await newApp(await t.developer());
    await report(app.appkey, '2021-06-06', { dataSyncPackage: 'ADVANCED' });
    await report(app.appkey, '2021-06-06', { dataSyncPackage: 'FLAGSHIP' });
    await run('TAOBAO', '2021-06-06');
    expect(amounts(await billOf(app, '2021-06-06'))).toEqual({ DATA_SYNC_PACKAGE_FEE: '299.00' });
  });

  it('daily coupon: API fees 30.00 → −30.00, 50.00 → −50.00, 80.00 → −50.00; logistics and data sync untouched', async () => {
    const dev = await t.developer();
    const [a30, a50, a80] = [await newApp(dev), await newApp(dev), await newApp(dev)];
    await report(a30.appkey, '2026-11-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] });
    await report(a50.appkey, '2026-11-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 25_000)] });
    await report(a80.appkey, '2026-11-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 40_000), calls('LOGISTICS_EXCEPTION', 'OUT_OF_CLOUD', 10_000)], dataSyncNewOrders: 12_000 });
    await run('TAOBAO', '2026-11-01');
    expect(amounts(await billOf(a30, '2026-11-01'))).toEqual({ BASIC_API_OUT_OF_CLOUD: '30.00', DAILY_50: '-30.00' });
    expect(amounts(await billOf(a50, '2026-11-01'))).toEqual({ BASIC_API_OUT_OF_CLOUD: '50.00', DAILY_50: '-50.00' });
    const b80 = await billOf(a80, '2026-11-01');
    expect(amounts(b80)).toEqual({ BASIC_API_OUT_OF_CLOUD: '80.00', LOGISTICS_EXCEPTION_OUT_OF_CLOUD: '50.00', DATA_SYNC_ORDERS: '12.00', DAILY_50: '-50.00' });
    expect(b80).toMatchObject({ total: '92.00', couponTotal: '50.00' });
  });

  it.each([
    ['2022-06-01', 'NEW_ISV_200', '-200.00'],
    ['2023-03-31', 'NEW_ISV_200', '-200.00'],
    ['2023-04-01', 'DAILY_50', '-50.00'],
  ])('a qualifying new ISV on %s gets %s (%s), never both', async (date, code, amount) => {
    const dev = await t.developer();
    expect((await t.gql(SetBillingTermsDocument, { developerId: dev.id, newIsv: true }, operator)).data!.setBillingTerms).toMatchObject({ newIsv: true });
    const app = await newApp(dev);
    await report(app.appkey, date, { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 150_000)] }); // 300.00
    await run('TAOBAO', date);
    const bill = await billOf(app, date);
    expect(bill.lines.filter((l) => l.kind === 'COUPON').map((l) => [l.code, l.amount])).toEqual([[code, amount]]);
  });

  it('x.xx5 rounds up, and the total is the sum of the rounded lines (2.505 → 2.51, 0.005 → 0.01, total 2.52)', async () => {
    const app = await newApp(await t.developer());
    await report(app.appkey, '2021-06-07', { apiCalls: [calls('BASIC', 'IN_CLOUD', 12_525)], waliMessages: 50 });
    await run('TAOBAO', '2021-06-07');
    const bill = await billOf(app, '2021-06-07');
    expect(bill.lines.map((l) => [l.code, l.preciseAmount, l.amount])).toEqual([
      ['BASIC_API_IN_CLOUD', '2.505', '2.51'],
      ['WALI_MESSAGES', '0.005', '0.01'],
    ]);
    expect(bill.total).toBe('2.52');
  });
});

describe('Douyin (DOMAIN §6): a month billed on the 5th with a 20% quality discount', () => {
  it('tiers apply to the month, the discount is one negative line, nothing before the 5th', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    expect((await t.gql(SetAppBillingPlatformDocument, { appId: app.id, platform: 'DOUYIN' }, operator)).data!.setAppBillingPlatform.billingPlatform).toBe('DOUYIN');
    expect((await t.gql(SetQualityDiscountDocument, { appId: app.id, percent: '20', effectiveFrom: '2026-10-01' }, operator)).data!.setQualityDiscount).toMatchObject({ percent: '20.00' });
    await report(app.appkey, '2026-10-03', { apiCalls: [calls('BASIC', 'IN_CLOUD', 600_000)], dataSyncNewOrders: 650_000 });
    await report(app.appkey, '2026-10-30', { apiCalls: [calls('BASIC', 'IN_CLOUD', 634_567)], dataSyncNewOrders: 650_000 });

    t.clock.set('2026-11-04T04:00:00Z');
    const early = await run('DOUYIN', '2026-10');
    expect(early.__typename === 'InvalidInput' && early.violations.map((v) => v.rule)).toEqual(['NOT_SETTLEMENT_DAY']);

    t.clock.set('2026-11-05T02:00:00Z');
    expect(await run('DOUYIN', '2026-10')).toMatchObject({ billsCreated: 1, total: '1093.53' });
    const bill = await billOf(app, '2026-10');
    expect(bill).toMatchObject({ platform: 'DOUYIN', periodStart: '2026-10-01', periodEnd: '2026-10-31', issuedOn: '2026-11-05', priceListId: 'DOUYIN-2000-01-01' });
    expect(bill.lines.map((l) => [l.code, l.amount])).toEqual([
      ['BASIC_API_IN_CLOUD', '246.91'], // 1,234,567 × 0.02/100 = 246.9134
      ['DATA_SYNC_ORDERS', '1120.00'], // the month's 1,300,000 orders, tiered once
      ['QUALITY_APP_DISCOUNT', '-273.38'], // 20% × 1,366.91 = 273.382
    ]);
    // The Douyin app is not billed by the Taobao daily run.
    t.clock.set('2026-11-20T04:00:00Z');
    expect(await run('TAOBAO', '2026-10-03')).toMatchObject({ billsCreated: 0 });
  });

  it('the Douyin price list is marked as example prices', async () => {
    const res = await t.gql(PriceListsDocument, { platform: 'DOUYIN' }, operator);
    expect(res.data!.priceLists.edges.map((e) => e.node).map((l) => [l.id, l.isExample])).toEqual([['DOUYIN-2000-01-01', true]]);
    expect(res.data!.couponPolicies.edges.map((e) => e.node).map((c) => c.code).sort()).toEqual(['DAILY_50', 'NEW_ISV_200']);
  });

  it('arrears older than one month are deducted from the deposit', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await t.gql(SetAppBillingPlatformDocument, { appId: app.id, platform: 'DOUYIN' }, operator);
    await report(app.appkey, '2026-09-10', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 50_000)] }); // 100.00
    t.clock.set('2026-10-05T02:00:00Z');
    await run('DOUYIN', '2026-09');
    await t.gql(SetBillingTermsDocument, { developerId: dev.id, deposit: '500.00' }, operator);
    expect((await billOf(app, '2026-09')).status).toBe('UNPAID');

    t.clock.set('2026-11-04T04:00:00Z'); // one month not yet over
    await t.gql(CollectArrearsDocument, {}, operator);
    expect((await billOf(app, '2026-09')).status).toBe('UNPAID');

    t.clock.set('2026-11-05T04:00:00Z');
    await t.gql(CollectArrearsDocument, {}, operator);
    expect((await billOf(app, '2026-09')).status).toBe('PAID');
    const account = (await t.gql(BillingAccountDocument, { developerId: dev.id }, operator)).data!.billingAccount;
    expect(account).toMatchObject({ deposit: '400.00', balance: '0.00', ledgerSum: '0.00', inArrears: false });
    const ledger = (await t.gql(LedgerDocument, { developerId: dev.id }, operator)).data!.ledger.edges.map((e) => [e.node.kind, e.node.amount]);
    expect(ledger.sort()).toEqual([
      ['CHARGE', '-100.00'],
      ['DEPOSIT_DEDUCTION', '100.00'],
    ]);
  });
});

describe('billing runs are idempotent', () => {
  it('running a day twice leaves one set of bills, lines and ledger entries', async () => {
    const dev = await t.developer();
    await t.gql(RechargeDocument, { amount: '1000.00', idempotencyKey: 'r1' }, dev.token);
    for (let i = 0; i < 3; i++) await report((await newApp(dev)).appkey, '2021-07-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 10_000 * (i + 1))] });
    const first = await run('TAOBAO', '2021-07-01');
    expect(first).toMatchObject({ appsConsidered: 3, billsCreated: 3, total: '120.00' });
    const snapshot = async () => [
      await count(`SELECT COUNT(*) n FROM bill WHERE period = '2021-07-01'`),
      await count(`SELECT COUNT(*) n FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.period = '2021-07-01'`),
      await count(`SELECT COUNT(*) n FROM ledger_entry WHERE developer_id = ?`, [dev.id]),
    ];
    const before = await snapshot();
    expect(before).toEqual([3, 3, 4]);
    expect(await run('TAOBAO', '2021-07-01')).toMatchObject({ appsConsidered: 0, billsCreated: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ balance: '880.00', ledgerSum: '880.00' });
  });

  it('two runs at once leave exactly one set', async () => {
    const devs = [await t.developer(), await t.developer()];
    await Promise.all(devs.map((d) => t.gql(RechargeDocument, { amount: '10000.00', idempotencyKey: 'r1' }, d.token)));
    for (let i = 0; i < 40; i++) await report((await newApp(devs[i % 2])).appkey, '2021-07-02', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 1_000 + i)] });
    const [a, b] = await Promise.all([run('TAOBAO', '2021-07-02'), run('TAOBAO', '2021-07-02')]);
    const created = [a, b].map((r) => (r.__typename === 'BillingRunReport' ? r.billsCreated : -1));
    expect(created[0] + created[1]).toBe(40);
    expect(await count(`SELECT COUNT(*) n FROM bill WHERE period = '2021-07-02'`)).toBe(40);
    expect(await count(`SELECT COUNT(*) n FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.period = '2021-07-02'`)).toBe(40);
    expect(await count(`SELECT COUNT(*) n FROM ledger_entry WHERE kind = 'CHARGE' AND developer_id IN (?, ?)`, devs.map((d) => d.id))).toBe(40);
    for (const d of devs) {
      const acc = (await t.gql(BalanceDocument, {}, d.token)).data!.balance;
      expect(acc.balance).toBe(acc.ledgerSum);
      expect(acc.unpaidCount).toBe(0);
    }
  });

  it('refuses a day that is not over, and names the rule', async () => {
    const res = await run('TAOBAO', '2026-11-20');
    expect(res.__typename === 'InvalidInput' && res.violations.map((v) => v.rule)).toEqual(['PERIOD_NOT_OVER']);
  });
});

describe('ledger, arrears and their lifting', () => {
  it('an unpaid bill restricts charged APIs; recharges settle oldest first and lift the restriction', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await report(app.appkey, '2021-08-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] }); // 30.00
    await report(app.appkey, '2021-08-02', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 2_500)] }); // 5.00
    await run('TAOBAO', '2021-08-01');
    await run('TAOBAO', '2021-08-02');
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ inArrears: true, unpaidCount: 2, unpaidTotal: '35.00', balance: '0.00' });
    const perm = async (category: 'BASIC' | 'FREE') => (await t.gql(CallPermissionDocument, { appkey: app.appkey, category, source: 'IN_CLOUD' }, gateway)).data!.callPermission;
    expect(await perm('BASIC')).toMatchObject({ allowed: false, reason: 'DEVELOPER_IN_ARREARS' });
    expect(await perm('FREE')).toMatchObject({ allowed: true });

    // 20.00 covers the newer 5.00 but not the older 30.00: oldest first, so nothing is paid.
    const r1 = (await t.gql(RechargeDocument, { amount: '20.00', idempotencyKey: 'a' }, dev.token)).data!.recharge;
    expect(r1).toMatchObject({ balance: '20.00', inArrears: true, unpaidCount: 2 });
    const r2 = (await t.gql(RechargeDocument, { amount: '15.00', idempotencyKey: 'b' }, dev.token)).data!.recharge;
    expect(r2).toMatchObject({ balance: '0.00', ledgerSum: '0.00', inArrears: false, unpaidCount: 0 });
    expect(await perm('BASIC')).toMatchObject({ allowed: true });
    // A repeated recharge key changes nothing.
    expect((await t.gql(RechargeDocument, { amount: '15.00', idempotencyKey: 'b' }, dev.token)).data!.recharge).toMatchObject({ balance: '0.00' });

    const ledger = (await t.gql(LedgerDocument, {}, dev.token)).data!.ledger.edges.map((e) => [e.node.kind, e.node.amount]);
    expect(ledger).toEqual([
      ['CHARGE', '-5.00'],
      ['CHARGE', '-30.00'],
      ['RECHARGE', '15.00'],
      ['RECHARGE', '20.00'],
    ]);
  });

  it('a backlog longer than one settlement read (20 bills) is still paid strictly oldest first', async () => {
    const dev = await t.developer();
    const apps: App[] = [];
    for (let i = 0; i < 10; i++) apps.push(await newApp(dev));
    // 2021-09-01: 10 bills of 10.00. 2021-09-02: six of 10.00, one of 50.00, then three of 1.00.
    const callsOn2nd = (i: number) => (i < 6 ? 5_000 : i === 6 ? 25_000 : 500);
    for (let i = 0; i < 10; i++) {
      await report(apps[i].appkey, '2021-09-01', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 5_000)] });
      await report(apps[i].appkey, '2021-09-02', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', callsOn2nd(i))] });
    }
    await run('TAOBAO', '2021-09-01');
    await run('TAOBAO', '2021-09-02');
    const balance = async () => (await t.gql(BalanceDocument, {}, dev.token)).data!.balance;
    expect(await balance()).toMatchObject({ balance: '0.00', inArrears: true, unpaidCount: 20, unpaidTotal: '213.00' });

    // 190.00 pays the 16 bills of 10.00 (the first read) and stops at the 50.00: the 1.00 bills after it wait.
    const r1 = (await t.gql(RechargeDocument, { amount: '190.00', idempotencyKey: 'backlog-1' }, dev.token)).data!.recharge;
    expect(r1).toMatchObject({ balance: '30.00', ledgerSum: '30.00', inArrears: true, unpaidCount: 4, unpaidTotal: '53.00' });
    expect((await billOf(apps[6], '2021-09-02', dev.token)).status).toBe('UNPAID');
    expect((await billOf(apps[7], '2021-09-02', dev.token)).status).toBe('UNPAID');
    expect((await billOf(apps[5], '2021-09-02', dev.token)).status).toBe('PAID');

    const r2 = (await t.gql(RechargeDocument, { amount: '20.00', idempotencyKey: 'backlog-2' }, dev.token)).data!.recharge;
    expect(r2).toMatchObject({ balance: '0.00', ledgerSum: '0.00', inArrears: true, unpaidCount: 3, unpaidTotal: '3.00' });
    const r3 = (await t.gql(RechargeDocument, { amount: '3.00', idempotencyKey: 'backlog-3' }, dev.token)).data!.recharge;
    expect(r3).toMatchObject({ balance: '0.00', ledgerSum: '0.00', inArrears: false, unpaidCount: 0 });
  });

  it('two recharges at once on a 20-bill backlog pay every bill exactly once', async () => {
    const dev = await t.developer();
    for (let i = 0; i < 10; i++) {
      const app = await newApp(dev);
      for (const date of ['2021-09-03', '2021-09-04']) await report(app.appkey, date, { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 5_000)] }); // 10.00
    }
    await run('TAOBAO', '2021-09-03');
    await run('TAOBAO', '2021-09-04');
    await Promise.all(['c1', 'c2'].map((key) => t.gql(RechargeDocument, { amount: '100.00', idempotencyKey: key }, dev.token)));
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ balance: '0.00', ledgerSum: '0.00', inArrears: false, unpaidCount: 0 });
    expect(await count(`SELECT COUNT(*) n FROM ledger_entry WHERE developer_id = ? AND kind = 'CHARGE'`, [dev.id])).toBe(20);
  });

  it('a paid bill with a coupon writes CHARGE (before coupon) and COUPON entries', async () => {
    const dev = await t.developer();
    await t.gql(RechargeDocument, { amount: '100.00', idempotencyKey: 'x' }, dev.token);
    const app = await newApp(dev);
    await report(app.appkey, '2026-11-02', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 40_000)] }); // 80 − 50
    await run('TAOBAO', '2026-11-02');
    expect((await billOf(app, '2026-11-02', dev.token)).status).toBe('PAID');
    const ledger = (await t.gql(LedgerDocument, {}, dev.token)).data!.ledger.edges.map((e) => [e.node.kind, e.node.amount]);
    expect(ledger.sort()).toEqual([
      ['CHARGE', '-80.00'],
      ['COUPON', '50.00'],
      ['RECHARGE', '100.00'],
    ]);
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ balance: '70.00', ledgerSum: '70.00' });
  });

  it('ALIPAY_AUTO_DEBIT pays through the sandbox provider; a declining agreement leaves arrears', async () => {
    const ok = await t.developer();
    const declined = await t.developer();
    expect((await t.gql(SetPaymentModeDocument, { mode: 'ALIPAY_AUTO_DEBIT' }, ok.token)).data!.setPaymentMode.__typename).toBe('InvalidInput');
    await t.gql(SetPaymentModeDocument, { mode: 'ALIPAY_AUTO_DEBIT', agreementNo: 'AGR-20261120-1' }, ok.token);
    await t.gql(SetPaymentModeDocument, { mode: 'ALIPAY_AUTO_DEBIT', agreementNo: 'SANDBOX-DECLINE-1' }, declined.token);
    for (const d of [ok, declined]) await report((await newApp(d)).appkey, '2021-08-10', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 15_000)] });
    await run('TAOBAO', '2021-08-10');
    expect((await t.gql(BalanceDocument, {}, ok.token)).data!.balance).toMatchObject({ paymentMode: 'ALIPAY_AUTO_DEBIT', balance: '0.00', inArrears: false });
    const okLedger = (await t.gql(LedgerDocument, {}, ok.token)).data!.ledger.edges.map((e) => [e.node.kind, e.node.amount]);
    expect(okLedger.sort()).toEqual([
      ['CHARGE', '-30.00'],
      ['RECHARGE', '30.00'],
    ]);
    expect((await t.gql(BalanceDocument, {}, declined.token)).data!.balance).toMatchObject({ inArrears: true, unpaidTotal: '30.00' });
  });

  it('concurrent debits never overspend: 50 × −1.00 on 30.00 → exactly 30 succeed', async () => {
    const dev = await t.developer();
    await t.gql(RechargeDocument, { amount: '30.00', idempotencyKey: 'seed' }, dev.token);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.gql(AdjustBalanceDocument, { developerId: dev.id, amount: '-1.00', reason: 'debit', idempotencyKey: `d${i}` }, operator)),
    );
    const kinds = results.map((r) => r.data!.adjustBalance.__typename);
    expect(kinds.filter((k) => k === 'BillingAccount')).toHaveLength(30);
    expect(kinds.filter((k) => k === 'InvalidState')).toHaveLength(20);
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ balance: '0.00', ledgerSum: '0.00' });
  });

  it('concurrent recharges and debits: the balance equals the ledger sum', async () => {
    const dev = await t.developer();
    await t.gql(RechargeDocument, { amount: '10.00', idempotencyKey: 'seed' }, dev.token);
    const ops = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0
        ? t.gql(RechargeDocument, { amount: '2.50', idempotencyKey: `r${i}` }, dev.token).then((r) => (r.data!.recharge.__typename === 'BillingAccount' ? 2.5 : 0))
        : t.gql(AdjustBalanceDocument, { developerId: dev.id, amount: '-3.00', reason: 'debit', idempotencyKey: `d${i}` }, operator).then((r) => (r.data!.adjustBalance.__typename === 'BillingAccount' ? -3 : 0)),
    );
    const moved = (await Promise.all(ops)).reduce((s, x) => s + x, 10);
    const acc = (await t.gql(BalanceDocument, {}, dev.token)).data!.balance;
    expect(acc.balance).toBe(acc.ledgerSum);
    expect(acc.balance).toBe(moved.toFixed(2));
    expect(Number(acc.balance)).toBeGreaterThanOrEqual(0);
  });
});

describe('queries and roles', () => {
  it('bills filter and paginate; another developer’s bill is NOT_FOUND; staff read all', async () => {
    const dev = await t.developer();
    const other = await t.developer();
    const app = await newApp(dev);
    for (const d of ['2026-11-03', '2026-11-04', '2026-11-05']) await report(app.appkey, d, { apiCalls: [calls('BASIC', 'IN_CLOUD', 1_000)] });
    for (const d of ['2026-11-03', '2026-11-04', '2026-11-05']) await run('TAOBAO', d);
    const page1 = (await t.gql(BillsDocument, { filter: { appId: app.id }, first: 2 }, dev.token)).data!.bills;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.period)).toEqual(['2026-11-05', '2026-11-04']);
    const page2 = (await t.gql(BillsDocument, { filter: { appId: app.id }, first: 2, after: page1.pageInfo.endCursor }, dev.token)).data!.bills;
    expect(page2.edges.map((e) => e.node.period)).toEqual(['2026-11-03']);
    expect((await t.gql(BillsDocument, { filter: { status: 'PAID', platform: 'TAOBAO' } }, dev.token)).data!.bills.totalCount).toBe(3); // 0.20 each, all covered by the daily coupon
    expect((await t.gql(BillsDocument, { filter: { status: 'UNPAID' } }, dev.token)).data!.bills.totalCount).toBe(0);

    const id = page1.edges[0].node.id;
    expect((await t.gql(BillDocument, { id }, dev.token)).data!.bill.lines[0].explanation).toBe('1,000 calls × 0.02/100 = 0.2 → 0.20');
    expect(errorCode(await t.gql(BillDocument, { id }, other.token))).toBe('NOT_FOUND');
    expect((await t.gql(BillsDocument, { filter: { appId: app.id } }, other.token)).data!.bills.totalCount).toBe(0);
    expect((await t.gql(BillDocument, { id }, reviewer)).data!.bill.id).toBe(id);

    const mtd = (await t.gql(MonthToDateDocument, {}, dev.token)).data!.monthToDate.edges.map((e) => e.node);
    expect(mtd).toEqual([{ month: '2026-11', appId: app.id, appkey: app.appkey, platform: 'TAOBAO', bills: 3, total: '0.00', unpaid: '0.00' }]);

    const csv = (await t.gql(BillsCsvDocument, { platform: 'TAOBAO', period: '2026-11-04' }, dev.token)).data!.billsCsv.trim().split('\n');
    expect(csv[0]).toBe('bill_id,appkey,developer_id,platform,period,period_start,period_end,status,coupon,total');
    expect(csv.slice(1)).toEqual([`${page1.edges[1].node.id},${app.appkey},${dev.id},TAOBAO,2026-11-04,2026-11-04,2026-11-04,PAID,-0.20,0.00`]);
  });

  it('roles: only operators run billing, adjust, set terms, edit prices; only developers recharge', async () => {
    const dev = await t.developer();
    expect(errorCode(await t.gql(RunBillingDocument, { platform: 'TAOBAO', period: '2021-01-01' }))).toBe('UNAUTHENTICATED');
    for (const token of [dev.token, reviewer, gateway]) {
      expect(errorCode(await t.gql(RunBillingDocument, { platform: 'TAOBAO', period: '2021-01-01' }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(AdjustBalanceDocument, { developerId: dev.id, amount: '1', reason: 'x', idempotencyKey: 'k' }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(SetBillingTermsDocument, { developerId: dev.id, newIsv: true }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CollectArrearsDocument, {}, token))).toBe('FORBIDDEN');
    }
    for (const token of [operator, reviewer, gateway]) {
      expect(errorCode(await t.gql(RechargeDocument, { amount: '1.00', idempotencyKey: 'k' }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(BalanceDocument, {}, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(BillsDocument, {}, gateway))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(BillsDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(BillingAccountDocument, { developerId: dev.id }, dev.token))).toBe('FORBIDDEN');
    expect((await t.gql(RechargeDocument, { amount: '-5', idempotencyKey: 'k' }, dev.token)).data!.recharge).toMatchObject({ __typename: 'InvalidInput' });
  });

  it('operators edit price lists as effective-dated data; a later day is billed with the new list; a list dated on a billed day is refused (issue 17)', async () => {
    const current = (await t.gql(PriceListsDocument, { platform: 'TAOBAO' }, operator)).data!.priceLists.edges.map((e) => e.node).at(-1)!;
    const charges = current.charges.map((c) => ({
      code: c.code,
      label: c.code,
      meter: c.meter,
      unit: 'calls',
      couponScope: c.couponScope,
      pricing: c.code === 'BASIC_API_IN_CLOUD' ? { perHundred: { price: '0.03' } } : pricingInput(c.pricing),
    }));
    // A charge without a pricing model (or with two) is refused naming the field, as an unknown model was.
    const bad = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2026-11-21', charges: [{ ...charges[0], pricing: {} }] } }, operator);
    expect(bad.data!.upsertPriceList.__typename === 'InvalidInput' && bad.data!.upsertPriceList.violations.map((v) => `${v.field} ${v.rule}`)).toEqual(['charges[0].pricing EXACTLY_ONE_MODEL']);
    // Days of 2026 are billed already: a list from 2021-09-02 would re-price them.
    const retro = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2021-09-02', charges } }, operator);
    expect(retro.data!.upsertPriceList).toMatchObject({ __typename: 'AlreadyBilled', code: 'ALREADY_BILLED', firstAffectedDay: '2021-09-02' });
    const res = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2026-11-21', charges } }, operator);
    expect(res.data!.upsertPriceList).toMatchObject({ __typename: 'PriceList', id: 'TAOBAO-2026-11-21' });
    const app = await newApp(await t.developer());
    t.clock.set('2026-11-22T04:00:00Z');
    await report(app.appkey, '2026-11-20', { apiCalls: [calls('BASIC', 'IN_CLOUD', 10_000)] });
    await report(app.appkey, '2026-11-21', { apiCalls: [calls('BASIC', 'IN_CLOUD', 10_000)] });
    await run('TAOBAO', '2026-11-20');
    await run('TAOBAO', '2026-11-21');
    expect((await billOf(app, '2026-11-20')).total).toBe('0.00'); // 2.00, less the DAILY_50 coupon
    expect((await billOf(app, '2026-11-21'))).toMatchObject({ total: '0.00', priceListId: 'TAOBAO-2026-11-21' });
    expect((await t.ds.query(`SELECT l.amount FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.app_id = ? AND l.code = 'BASIC_API_IN_CLOUD' ORDER BY b.period`, [app.id])).map((r: { amount: string }) => r.amount)).toEqual(['2.00', '3.00']);
    // Put later tests back on the seeded list (a test-only removal: the API never deletes a list).
    await t.ds.query(`DELETE FROM price_list WHERE id = 'TAOBAO-2026-11-21'`);
  });
});

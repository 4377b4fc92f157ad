/**
 * Today's cost before the bill (issue 19 §5) and the price-list preview (issue 17 §5), over HTTP
 * with a fixed clock. Usage enters through the gateway's recordUsage; bills through runBilling.
 * Figures from DOMAIN §5: data sync graduated per day (first 1,000,000 orders 0.1/100, the rest
 * 0.04/100: 1,300,000 orders → 1,120.00), basic API in cloud 0.02/100, the daily 50 coupon against
 * basic + value-added API fees; §6: a Douyin month's summed usage with a quality discount.
 */
import { pricingInput } from '../support/pricing-input';
import { Role } from '../../src/domain/common/role';
import {
  AppMonthToDateEstimateDocument,
  ChargePricingInput,
  BillsDocument,
  MonthToDateEstimateDocument,
  MyAppsMonthToDateEstimateDocument,
  PreviewBillDocument,
  PriceListsDocument,
  SetAppBillingPlatformDocument,
  SetQualityDiscountDocument,
  UpsertPriceListDocument,
} from '../generated/graphql';
import { App, BillingFixture, calls, Dev } from '../support/billing-fixture';
import { data, errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;
// Beijing 2026-11-19 14:00
const TODAY_2PM = '2026-11-19T06:00:00Z';
beforeAll(async () => {
  t = await TestApp.start({ now: TODAY_2PM });
  f = await BillingFixture.of(t);
});
afterAll(() => t?.stop());
beforeEach(() => t.clock.set(TODAY_2PM));

/** An app created on 2026-11-01 (Beijing), so usage of any day of the month is accepted (none before the app existed). */
const newApp = async (dev: Dev): Promise<App> => {
  const now = t.clock.now();
  t.clock.set('2026-11-01T00:00:00Z');
  try {
    return await f.newApp(dev);
  } finally {
    t.clock.set(now);
  }
};

const rowOf = async (dev: Dev, app: App) => {
  const res = await t.gql(MonthToDateEstimateDocument, {}, dev.token);
  expect(res.errors).toBeUndefined();
  return res.data!.monthToDate.edges.map((e) => e.node).find((r) => r.appId === app.id) ?? null;
};
const billOf = async (app: App, period: string) => {
  const res = await t.gql(BillsDocument, { filter: { appId: app.id, period } }, f.operator);
  expect(res.data!.bills.totalCount).toBe(1);
  return res.data!.bills.edges[0].node;
};
const amounts = (lines: readonly { code: string; amount: string }[]) => Object.fromEntries(lines.map((l) => [l.code, l.amount]));

describe('Taobao: today is estimated during the day, and the bill of that day is the estimate', () => {
  it('a billed day, then today: 1,000,000 orders, then 300,000 more; the bill of the day equals the estimate', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    // yesterday, billed: 12,000 orders × 0.1/100 = 12.00
    await f.report(app.appkey, '2026-11-18', { dataSyncNewOrders: 12_000 });
    expect(await f.run('TAOBAO', '2026-11-18')).toMatchObject({ billsCreated: 1, total: '12.00' });

    // today so far: 1,000,000 orders = 1,000.00; 300,000 basic calls in cloud × 0.02/100 = 60.00, the 50 coupon → −50.00
    await f.report(app.appkey, '2026-11-19', { dataSyncNewOrders: 1_000_000, apiCalls: [calls('BASIC', 'IN_CLOUD', 300_000)] });
    let row = await rowOf(dev, app);
    expect(row).toMatchObject({ month: '2026-11', platform: 'TAOBAO', bills: 1, total: '12.00', unpaid: '12.00' });
    expect(row!.estimate).toMatchObject({ isEstimate: true, asOf: TODAY_2PM.replace('Z', '.000Z'), total: '1010.00' });
    expect(row!.estimate!.periods.map((p) => [p.period, p.priceListId, p.total])).toEqual([['2026-11-19', 'TAOBAO-2018-08-01', '1010.00']]);

    // 300,000 more orders later in the day: the second tier, 1,000.00 + 300,000 × 0.04/100 = 1,120.00
    await f.report(app.appkey, '2026-11-19', { dataSyncNewOrders: 300_000 });
    row = await rowOf(dev, app);
    const [today] = row!.estimate!.periods;
    expect(amounts(today.lines)).toEqual({ BASIC_API_IN_CLOUD: '60.00', DATA_SYNC_ORDERS: '1120.00', DAILY_50: '-50.00' });
    expect(today.lines.find((l) => l.code === 'DATA_SYNC_ORDERS')!.explanation).toBe('1,300,000 orders: 1,000,000 × 0.1/100 + 300,000 × 0.04/100 = 1120 → 1120.00');
    expect(today.lines.find((l) => l.kind === 'COUPON')).toMatchObject({ code: 'DAILY_50', amount: '-50.00' });
    expect(row!.estimate!.total).toBe('1130.00');
    expect(row).toMatchObject({ bills: 1, total: '12.00' }); // issued figures stay apart from the estimate

    // the same through App.monthToDate
    const viaApp = (await t.gql(AppMonthToDateEstimateDocument, { id: app.id }, dev.token)).data!.app!.monthToDate;
    expect(viaApp).toEqual([{ month: '2026-11', platform: 'TAOBAO', bills: 1, total: '12.00', unpaid: '12.00', estimate: row!.estimate }]);

    // the next morning, before the run: the day is over but not billed, still estimated
    t.clock.set('2026-11-20T02:00:00Z'); // Beijing 2026-11-20 10:00
    const before = (await rowOf(dev, app))!.estimate!;
    expect(before.periods.map((p) => [p.period, p.total])).toEqual([['2026-11-19', '1130.00']]);

    expect(await f.run('TAOBAO', '2026-11-19')).toMatchObject({ billsCreated: 1, total: '1130.00' });
    const bill = await billOf(app, '2026-11-19');
    expect(bill.total).toBe(before.periods[0].total);
    expect(bill.priceListId).toBe(before.periods[0].priceListId);
    expect(bill.lines.map(({ position, kind, code, quantity, unitPrice, preciseAmount, amount, explanation }) => ({ position, kind, code, quantity, unitPrice, preciseAmount, amount, explanation }))).toEqual(
      before.periods[0].lines.map(({ position, kind, code, quantity, unitPrice, preciseAmount, amount, explanation }) => ({ position, kind, code, quantity, unitPrice, preciseAmount, amount, explanation })),
    );
    // billed: the month holds two bills, 12.00 + 1,130.00, and nothing is estimated any more
    expect(await rowOf(dev, app)).toMatchObject({ bills: 2, total: '1142.00', estimate: null });
  });

  it('an app with only unbilled usage this month has its row (0 bills); another developer sees nothing of it', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await f.report(app.appkey, '2026-11-19', { dataSyncNewOrders: 12_000 });
    expect(await rowOf(dev, app)).toMatchObject({ bills: 0, total: '0.00', unpaid: '0.00', estimate: { isEstimate: true, total: '12.00' } });
    const other = await t.developer('Other Soft');
    expect((await t.gql(MonthToDateEstimateDocument, {}, other.token)).data!.monthToDate.edges.map((e) => e.node)).toEqual([]);
    // an operator reads it by developer
    const forOperator = (await t.gql(MonthToDateEstimateDocument, { developerId: dev.id }, f.operator)).data!.monthToDate.edges.map((e) => e.node);
    expect(forOperator.map((r) => [r.appId, r.estimate?.total])).toEqual([[app.id, '12.00']]);
  });

  it('each day is rated with the price list in force on it', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    // an operator's list from 2026-11-22: data sync flat 0.2/100 (an example figure for the test)
    const lists = (await t.gql(PriceListsDocument, { platform: 'TAOBAO' }, f.operator)).data!.priceLists.edges.map((e) => e.node);
    const current = lists.find((l) => l.id === 'TAOBAO-2018-08-01')!;
    const charges = current.charges.map((c) => ({
      code: c.code,
      label: c.code,
      meter: c.meter,
      unit: 'units',
      pricing: c.code === 'DATA_SYNC_ORDERS' ? { perHundred: { price: '0.2' } } : pricingInput(c.pricing),
      couponScope: c.couponScope,
    }));
    const up = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2026-11-22', charges } }, f.operator);
    expect(up.data!.upsertPriceList.__typename).toBe('PriceList');
    t.clock.set('2026-11-22T04:00:00Z'); // Beijing 2026-11-22 12:00
    await f.report(app.appkey, '2026-11-21', { dataSyncNewOrders: 12_000 }); // 12,000 × 0.1/100 = 12.00
    await f.report(app.appkey, '2026-11-22', { dataSyncNewOrders: 12_000 }); // 12,000 × 0.2/100 = 24.00
    const e = (await rowOf(dev, app))!.estimate!;
    expect(e.periods.map((p) => [p.period, p.priceListId, p.total])).toEqual([
      ['2026-11-21', 'TAOBAO-2018-08-01', '12.00'],
      ['2026-11-22', 'TAOBAO-2026-11-22', '24.00'],
    ]);
    expect(e.total).toBe('36.00');
  });
});

describe('Douyin: the month so far is estimated as one monthly bill', () => {
  it('usage on two days with a 20 % quality discount: the bill issued on the 5th equals the estimate', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await t.gql(SetAppBillingPlatformDocument, { appId: app.id, platform: 'DOUYIN' }, f.operator);
    await t.gql(SetQualityDiscountDocument, { appId: app.id, percent: '20', effectiveFrom: '2026-11-01' }, f.operator);
    // the month's orders are summed before the tiers: 600,000 + 700,000 = 1,300,000 → 1,120.00
    await f.report(app.appkey, '2026-11-02', { dataSyncNewOrders: 600_000 });
    await f.report(app.appkey, '2026-11-19', { dataSyncNewOrders: 700_000 });
    const e = (await rowOf(dev, app))!.estimate!;
    expect(e.periods).toHaveLength(1);
    expect(e.periods[0]).toMatchObject({ period: '2026-11', periodStart: '2026-11-01', periodEnd: '2026-11-30', priceListId: 'DOUYIN-2000-01-01' });
    // −20 % of 1,120.00 = −224.00 → 896.00
    expect(amounts(e.periods[0].lines)).toEqual({ DATA_SYNC_ORDERS: '1120.00', QUALITY_APP_DISCOUNT: '-224.00' });
    expect(e.total).toBe('896.00');

    t.clock.set('2026-12-05T04:00:00Z'); // settled on the 5th (DOMAIN §6)
    expect(await f.run('DOUYIN', '2026-11')).toMatchObject({ billsCreated: 1 });
    const bill = await billOf(app, '2026-11');
    expect(bill.total).toBe(e.total);
    expect(amounts(bill.lines)).toEqual(amounts(e.periods[0].lines));
  });
});

describe('no N+1: the estimate of every app of a page in the same statements', () => {
  it('1 app and 6 apps with unbilled usage: the same number of statements', async () => {
    const withApps = async (n: number) => {
      const dev = await t.developer(`Estimate ${n}`);
      for (let i = 0; i < n; i++) {
        const app = await newApp(dev);
        await f.report(app.appkey, '2026-11-19', { dataSyncNewOrders: 12_000 * (i + 1), apiCalls: [calls('BASIC', 'IN_CLOUD', 1000)] });
      }
      return dev;
    };
    const [one, six] = [await withApps(1), await withApps(6)];
    const small = await t.queries.during(() => t.gql(MyAppsMonthToDateEstimateDocument, { first: 50 }, one.token));
    const large = await t.queries.during(() => t.gql(MyAppsMonthToDateEstimateDocument, { first: 50 }, six.token));
    expect(large.result.errors).toBeUndefined();
    const totals = large.result.data!.myApps.edges.map((e) => e.node.monthToDate[0].estimate!.total).sort((a, b) => Number(a) - Number(b));
    // 12,000·k orders × 0.1/100 = 12.00·k; 1,000 basic calls = 0.20, covered by the coupon
    expect(totals).toEqual(['12.00', '24.00', '36.00', '48.00', '60.00', '72.00']);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe('previewBill (issue 17 §5): a draft price list on real usage, beside the bill, writing nothing', () => {
  const BILLING_TABLES = ['bill', 'bill_line', 'ledger_entry', 'billing_account', 'billing_run', 'billing_shard', 'price_list', 'coupon_policy', 'audit_entry', 'developer'];
  const snapshot = async () => {
    const out: Record<string, string> = {};
    for (const table of BILLING_TABLES) {
      const [{ n }] = await t.ds.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
      const [sum] = await t.ds.query(`CHECKSUM TABLE \`${table}\``);
      out[table] = `${n}:${sum.Checksum}`;
    }
    return out;
  };
  const draftCharges = async (dataSync: ChargePricingInput) => {
    const current = (await t.gql(PriceListsDocument, { platform: 'TAOBAO' }, f.operator)).data!.priceLists.edges.map((e) => e.node).find((l) => l.id === 'TAOBAO-2018-08-01')!;
    return current.charges.map((c) => ({ code: c.code, label: c.code, meter: c.meter, unit: 'units', pricing: c.code === 'DATA_SYNC_ORDERS' ? dataSync : pricingInput(c.pricing), couponScope: c.couponScope }));
  };
  const graduatedDraft: ChargePricingInput = { graduated: { per: 100, tiers: [{ upTo: 1_000_000, price: '0.1' }, { upTo: null, price: '0.02' }] } };

  it('1,300,000 orders billed 1,120.00; a draft with 0.02/100 above 1,000,000 rates 1,060.00 (−60.00); no billing table changes', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await f.report(app.appkey, '2026-11-18', { dataSyncNewOrders: 1_300_000, apiCalls: [calls('BASIC', 'IN_CLOUD', 300_000)] });
    await f.run('TAOBAO', '2026-11-18');
    const charges = await draftCharges(graduatedDraft);
    const before = await snapshot();
    const res = await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-18', priceList: { charges } }, f.operator);
    expect(res.errors).toBeUndefined();
    const p = res.data!.previewBill;
    // draft: 1,000.00 + 300,000 × 0.02/100 = 1,060.00; basic 60.00; coupon −50.00 → 1,070.00; issued 1,130.00
    expect(amounts(p.lines)).toEqual({ BASIC_API_IN_CLOUD: '60.00', DATA_SYNC_ORDERS: '1060.00', DAILY_50: '-50.00' });
    expect(p).toMatchObject({ appId: app.id, platform: 'TAOBAO', period: '2026-11-18', total: '1070.00', issuedTotal: '1130.00', difference: '-60.00', adjustments: { totalCount: 0, edges: [] } });
    expect(p.issued).toMatchObject({ total: '1130.00', priceListId: 'TAOBAO-2018-08-01' });
    expect(amounts(p.issued!.lines)).toEqual({ BASIC_API_IN_CLOUD: '60.00', DATA_SYNC_ORDERS: '1120.00', DAILY_50: '-50.00' });
    expect(await snapshot()).toEqual(before);
  });

  it('a period with an adjustment bill: the draft is set beside the first bill and its adjustment (the period billed in all)', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await f.report(app.appkey, '2026-11-17', { dataSyncNewOrders: 1_300_000 });
    await f.run('TAOBAO', '2026-11-17'); // 1,120.00
    // late usage of the billed day: +100,000 orders beyond the 1,000,000 tier, +40.00 as an adjustment bill
    await f.report(app.appkey, '2026-11-17', { dataSyncNewOrders: 100_000 });
    expect(await t.server.services.billAdjustments.sweepLateUsage()).toMatchObject({ adjusted: 1, total: '40.00' });
    const charges = await draftCharges(graduatedDraft);
    const p = (await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-17', priceList: { charges } }, f.operator)).data!.previewBill;
    // draft: 1,000.00 + 400,000 × 0.02/100 = 1,080.00; billed: 1,120.00 + 40.00 = 1,160.00
    expect(p).toMatchObject({ total: '1080.00', issued: { total: '1120.00' }, adjustments: { totalCount: 1, edges: [{ node: { total: '40.00' } }] }, issuedTotal: '1160.00', difference: '-80.00' });
  });

  it('the adjustments page in sequence order: two late-usage sweeps of one billed day are two pages of one; a bad cursor names after, first 101 names first', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await f.report(app.appkey, '2026-11-17', { dataSyncNewOrders: 1_300_000 });
    await f.run('TAOBAO', '2026-11-17'); // 1,120.00
    for (let i = 0; i < 2; i++) {
      // each sweep: +100,000 orders beyond the 1,000,000 tier, +40.00 as the next adjustment bill
      await f.report(app.appkey, '2026-11-17', { dataSyncNewOrders: 100_000 });
      expect(await t.server.services.billAdjustments.sweepLateUsage()).toMatchObject({ adjusted: 1, total: '40.00' });
    }
    const charges = await draftCharges(graduatedDraft);
    const query = 'query($appId: ID!, $charges: [ChargeInput!]!, $first: Int, $after: String) { previewBill(appId: $appId, period: "2026-11-17", priceList: { charges: $charges }) { issuedTotal adjustments(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { sequence total } } } } }';
    type Answer = { previewBill: { issuedTotal: string; adjustments: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { sequence: number; total: string } }[] } } };
    const ask = (v: { first?: number; after?: string }) => t.post({ query, variables: { appId: app.id, charges, ...v } }, f.operator);
    const one = data<Answer>(await ask({ first: 1 })).previewBill;
    expect(one.issuedTotal).toBe('1200.00'); // 1,120.00 + 40.00 + 40.00
    expect(one.adjustments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { sequence: 1, total: '40.00' } }] });
    const two = data<Answer>(await ask({ first: 1, after: one.adjustments.pageInfo.endCursor })).previewBill;
    expect(two.adjustments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { sequence: 2, total: '40.00' } }] });
    expect((await ask({ after: 'bm9wZQ' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'after', rule: 'INVALID_CURSOR' }] });
    expect((await ask({ first: 101 })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'first', rule: 'OUT_OF_RANGE' }] });
  });

  it('a period not billed yet: the draft rating and no bill; refusals name the field and rule', async () => {
    const dev = await t.developer();
    const app = await newApp(dev);
    await f.report(app.appkey, '2026-11-19', { dataSyncNewOrders: 12_000 });
    const charges = await draftCharges({ perHundred: { price: '0.2' } });
    const p = (await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-19', priceList: { charges } }, f.operator)).data!.previewBill;
    expect(p).toMatchObject({ total: '24.00', issued: null, adjustments: { totalCount: 0, edges: [] }, issuedTotal: null, difference: null }); // 12,000 × 0.2/100

    const noModel = await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-19', priceList: { charges: [{ ...charges[0], pricing: {} }] } }, f.operator);
    expect(errorCode(noModel)).toBe('BAD_USER_INPUT');
    expect(noModel.errors![0].extensions!.violations).toEqual([expect.objectContaining({ field: 'priceList.charges[0].pricing', rule: 'EXACTLY_ONE_MODEL' })]);
    const badPeriod = await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11', priceList: { charges } }, f.operator);
    expect(badPeriod.errors![0].extensions!.violations).toEqual([expect.objectContaining({ field: 'period', rule: 'NOT_A_DATE' })]);
    const twoModels = await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-19', priceList: { charges: [{ ...charges[0], pricing: { perHundred: { price: '0.2' }, ...graduatedDraft } }] } }, f.operator);
    expect(twoModels.errors![0].extensions!.violations).toEqual([expect.objectContaining({ field: 'priceList.charges[0].pricing', rule: 'EXACTLY_ONE_MODEL' })]);
    expect(errorCode(await t.gql(PreviewBillDocument, { appId: '999999999', period: '2026-11-19', priceList: { charges } }, f.operator))).toBe('NOT_FOUND');
    // operators only
    expect(errorCode(await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-19', priceList: { charges } }, dev.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PreviewBillDocument, { appId: app.id, period: '2026-11-19', priceList: { charges } }, await t.token(Role.REVIEWER)))).toBe('FORBIDDEN');
  });
});

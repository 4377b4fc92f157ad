/**
 * Late usage and retroactive prices (issue 17, docs/billing.md "Late usage and adjustments"), with a
 * fixed clock: usage reported for a Taobao day already billed becomes one adjustment bill — the day
 * re-rated whole minus what was billed — written once by two replicas' late-usage sweeps; tiers
 * cross 1,000,000 orders and the DAILY_50 coupon, partly used, grants only its rest, then nothing
 * more; the adjustment is settled like any bill (arrears, then a recharge pays it); a price list
 * dated on a billed day is refused naming the last billed day, and the explicit re-rate writes the
 * adjustment, audited, with the list's history readable by operators.
 */
import { Role } from '../../src/domain/common/role';
import { registry } from '../../src/observability/metrics';
import { createServices } from '../../src/services';
import { BillDocument, PriceHistoryDocument, RechargeDocument, SetAppBillingPlatformDocument, SetQualityDiscountDocument, UpsertCouponPolicyDocument, UpsertPriceListDocument } from '../generated/graphql';
import { BillingFixture, calls, Dev } from '../support/billing-fixture';
import { TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;
let operator: string;

beforeAll(async () => {
  // Beijing 2026-11-21 01:00.
  t = await TestApp.start({ now: '2026-11-20T17:00:00Z', env: { BILLING_SCHEDULE_FROM: '2026-11-20' } });
  f = await BillingFixture.of(t);
  operator = await t.token(Role.OPERATOR);
});
afterAll(async () => {
  await t.stop();
});

type BillRow = { id: string; kind: string; sequence: number; status: string; total: string; coupon_total: string; adjustment_reason: string | null; adjusts_bill_id: string | null };
const billsOf = (appId: string): Promise<BillRow[]> =>
  t.ds.query(`SELECT id, kind, sequence, status, total, coupon_total, adjustment_reason, adjusts_bill_id FROM bill WHERE app_id = ? AND period = '2026-11-20' ORDER BY sequence`, [appId]);
const linesOf = async (billId: string, token: string) => {
  const res = await t.gql(BillDocument, { id: billId }, token);
  if (!res.data?.bill) throw new Error(JSON.stringify(res));
  return res.data.bill;
};
const account = async (devId: string) => {
  const [a] = await t.ds.query(
    `SELECT a.balance, (SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE developer_id = a.developer_id) AS ledger, d.restricted_for_arrears AS restricted
       FROM billing_account a JOIN developer d ON d.id = a.developer_id WHERE a.developer_id = ?`,
    [devId],
  );
  return { balance: a.balance as string, ledger: Number(a.ledger).toFixed(2), restricted: Number(a.restricted) === 1 };
};
const recharge = async (dev: Dev, amount: string) => {
  const res = await t.gql(RechargeDocument, { amount, idempotencyKey: `r-${amount}-${Date.now()}` }, dev.token);
  expect(res.data?.recharge.__typename).toBe('BillingAccount');
};

describe('late usage becomes adjustment bills', () => {
  let dev: Dev;
  let appId: string;
  let appkey: string;
  let firstBillId: string;

  it('02:00 Beijing: 11-20 is billed as reported: 900,000 orders 900.00 + 150,000 basic calls 30.00 − coupon 30.00 = 900.00, paid from 1,000.00', async () => {
    dev = await t.developer('Late Usage Developer');
    ({ id: appId, appkey } = await f.newApp(dev));
    await recharge(dev, '1000.00');
    await f.report(appkey, '2026-11-20', { dataSyncNewOrders: 900_000, apiCalls: [calls('BASIC', 'IN_CLOUD', 150_000)] });
    t.clock.set('2026-11-20T18:00:00Z');
    const ran = await t.server.services.billingSchedule.tick();
    expect(ran.filter((r) => r.job === 'TAOBAO_BILLING')).toEqual([{ job: 'TAOBAO_BILLING', period: '2026-11-20', state: 'DONE' }]);
    const [first] = await billsOf(appId);
    firstBillId = first.id;
    expect(first).toMatchObject({ kind: 'REGULAR', sequence: 0, status: 'PAID', total: '900.00', coupon_total: '30.00' });
    expect(await account(dev.id)).toEqual({ balance: '100.00', ledger: '100.00', restricted: false });
  });

  it('usage reported at 02:10 for 11-20: two replicas sweep at 02:30 and write one adjustment of +140.00 (tiers cross 1,000,000, the coupon grants its last 20.00)', async () => {
    t.clock.set('2026-11-20T18:10:00Z');
    // Late: +200,000 orders (1,100,000 in all) and +100,000 basic in-cloud calls (250,000 in all).
    await f.report(appkey, '2026-11-20', { dataSyncNewOrders: 200_000, apiCalls: [calls('BASIC', 'IN_CLOUD', 100_000)] });
    t.clock.set('2026-11-20T18:30:00Z');
    const replica = createServices(t.ds, t.clock, {
      schedule: { graceMinutes: 120, startFrom: { TAOBAO_BILLING: '2026-11-20', DOUYIN_BILLING: '2026-11', LATE_USAGE: '2026-11-20', ARREARS_COLLECTION: '2026-11-20' } },
    });
    const [a, b] = await Promise.all([t.server.services.billingSchedule.tick(), replica.billingSchedule.tick()]);
    expect([...a, ...b].filter((r) => r.job === 'LATE_USAGE')).toEqual([{ job: 'LATE_USAGE', period: '2026-11-20', state: 'DONE' }]);

    // By hand (DOMAIN §5, list TAOBAO-2018-08-01, coupon DAILY_50):
    //   data sync 1,100,000 orders = 1,000,000 × 0.1/100 + 100,000 × 0.04/100 = 1,040.00; billed 900.00 → +140.00
    //   basic in cloud 250,000 calls × 0.02/100 = 50.00; billed 30.00 → +20.00
    //   coupon −min(50, 50.00) = −50.00; billed −30.00 → −20.00 (only the 20.00 left of the day's 50)
    //   adjustment +140.00 + 20.00 − 20.00 = +140.00 (the day re-rated: 1,040.00 + 50.00 − 50.00 = 1,040.00, less 900.00 billed)
    const bills = await billsOf(appId);
    expect(bills).toHaveLength(2);
    expect(bills[0]).toMatchObject({ id: firstBillId, status: 'PAID', total: '900.00' }); // paid bills never change
    expect(bills[1]).toMatchObject({ kind: 'ADJUSTMENT', sequence: 1, total: '140.00', coupon_total: '20.00', adjustment_reason: 'LATE_USAGE', adjusts_bill_id: firstBillId, status: 'UNPAID' });
    const adj = await linesOf(bills[1].id, dev.token);
    expect(adj).toMatchObject({ kind: 'ADJUSTMENT', sequence: 1, adjustsBillId: firstBillId, adjustmentReason: 'LATE_USAGE' });
    expect(adj.lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([
      ['BASIC_API_IN_CLOUD', '100000', '20.00'],
      ['DATA_SYNC_ORDERS', '200000', '140.00'],
      ['DAILY_50', '1', '-20.00'],
    ]);
    expect(adj.lines.find((l) => l.code === 'DATA_SYNC_ORDERS')!.explanation).toMatch(/^Data sync \(new main orders\) 900,000 → 1,100,000 orders: \+140\.00 \(1040\.00 now − 900\.00 billed; /);

    // Settled like any bill: the balance of 100.00 does not cover 140.00, so the developer is in arrears until a recharge.
    expect(await account(dev.id)).toEqual({ balance: '100.00', ledger: '100.00', restricted: true });
    await recharge(dev, '40.00');
    expect((await billsOf(appId))[1].status).toBe('PAID');
    expect(await account(dev.id)).toEqual({ balance: '0.00', ledger: '0.00', restricted: false });
    const entries = await t.ds.query(`SELECT kind, amount FROM ledger_entry WHERE bill_id = ? ORDER BY id`, [bills[1].id]);
    expect(entries).toEqual([
      { kind: 'CHARGE', amount: '-160.00' },
      { kind: 'COUPON', amount: '20.00' },
    ]);
  });

  it('sweeping again (a retry, another replica) writes nothing: the difference is taken against what is billed', async () => {
    const report = await t.server.services.billAdjustments.sweepLateUsage();
    expect(report).toMatchObject({ adjusted: 0, total: '0.00' });
    expect(await billsOf(appId)).toHaveLength(2);
  });

  it('late free API calls come to 0.00 and write nothing; +300,000 basic calls the next night: +60.00 and no coupon (already used up)', async () => {
    t.clock.set('2026-11-21T04:00:00Z');
    await f.report(appkey, '2026-11-20', { apiCalls: [calls('FREE', 'IN_CLOUD', 5_000)] });
    expect(await t.server.services.billAdjustments.sweepLateUsage()).toMatchObject({ adjusted: 0 });
    expect(await billsOf(appId)).toHaveLength(2);

    await f.report(appkey, '2026-11-20', { apiCalls: [calls('BASIC', 'IN_CLOUD', 300_000)] });
    t.clock.set('2026-11-21T18:30:00Z'); // 02:30 Beijing on 11-22: 11-21 billed at 02:00, then the sweep
    const ran = await t.server.services.billingSchedule.tick();
    expect(ran.map((r) => `${r.job} ${r.period} ${r.state}`)).toEqual(['ARREARS_COLLECTION 2026-11-20 DONE', 'TAOBAO_BILLING 2026-11-21 DONE', 'LATE_USAGE 2026-11-21 DONE']);
    const bills = await billsOf(appId);
    expect(bills).toHaveLength(3);
    // 550,000 calls × 0.02/100 = 110.00, billed 50.00 → +60.00; the coupon stays −50.00 (no line); free calls 0.00.
    expect(bills[2]).toMatchObject({ sequence: 2, total: '60.00', coupon_total: '0.00', status: 'UNPAID' });
    const adj = await linesOf(bills[2].id, operator);
    expect(adj.lines.map((l) => [l.code, l.amount])).toEqual([
      ['FREE_API_IN_CLOUD', '0.00'],
      ['BASIC_API_IN_CLOUD', '60.00'],
    ]);
    // Counted in the metrics: the scheduled sweeps by job, trigger and state, and the adjustment bills.
    const metrics = await registry.getMetricsAsJSON();
    const value = (name: string, labels: Record<string, string>) =>
      metrics.find((m) => m.name === name)?.values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? 0;
    expect(value('portal_billing_job_runs_total', { job: 'LATE_USAGE', trigger: 'SCHEDULE', state: 'DONE' })).toBe(2);
    expect(value('portal_billing_job_runs_total', { job: 'TAOBAO_BILLING', platform: 'TAOBAO', trigger: 'SCHEDULE', state: 'DONE' })).toBe(2);
    expect(value('portal_billing_adjustments_total', { platform: 'TAOBAO', reason: 'LATE_USAGE' })).toBe(2);
    const rec = (await t.post({ query: '{ billingRuns(first: 20) { edges { node { job period state bills amount } } } }' }, operator)).data as { billingRuns: { edges: { node: { job: string; period: string; state: string; bills: number; amount: string } }[] } };
    expect(rec.billingRuns.edges.map((e) => e.node).find((r) => r.job === 'LATE_USAGE' && r.period === '2026-11-21')).toMatchObject({ state: 'DONE', bills: 1, amount: '60.00' });
  });
});

describe('late usage for a Douyin month', () => {
  it('October billed as a Douyin month (300,000 orders 300.00 − 20% = 240.00); +10,000 orders for 10-25 arrive: +8.00 (data sync +10.00, discount −2.00 on the whole month)', async () => {
    const dev = await t.developer('Douyin Late Developer');
    const app = await f.newApp(dev);
    expect((await t.gql(SetAppBillingPlatformDocument, { appId: app.id, platform: 'DOUYIN' }, operator)).data!.setAppBillingPlatform.billingPlatform).toBe('DOUYIN');
    expect((await t.gql(SetQualityDiscountDocument, { appId: app.id, percent: '20', effectiveFrom: '2026-10-01' }, operator)).data!.setQualityDiscount).toMatchObject({ percent: '20.00' });
    await f.report(app.appkey, '2026-10-20', { dataSyncNewOrders: 300_000 });
    expect(await f.run('DOUYIN', '2026-10')).toMatchObject({ __typename: 'BillingRunReport', billsCreated: 1 });
    await f.report(app.appkey, '2026-10-25', { dataSyncNewOrders: 10_000 });
    expect(await t.server.services.billAdjustments.sweepLateUsage()).toMatchObject({ adjusted: 1, total: '8.00' });
    const bills: { id: string; sequence: number; total: string; status: string }[] = await t.ds.query(`SELECT id, sequence, total, status FROM bill WHERE app_id = ? AND period = '2026-10' ORDER BY sequence`, [app.id]);
    // By hand (DOMAIN §6, the month summed: 310,000 orders × 0.1/100 = 310.00, discount 20% = −62.00, 248.00), less 240.00 billed.
    expect(bills.map((b) => [b.sequence, b.total, b.status])).toEqual([
      [0, '240.00', 'UNPAID'],
      [1, '8.00', 'UNPAID'],
    ]);
    const adj = await linesOf(bills[1].id, dev.token);
    expect(adj.lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([
      ['DATA_SYNC_ORDERS', '10000', '10.00'],
      ['QUALITY_APP_DISCOUNT', '1', '-2.00'],
    ]);
    // Unpaid like the month's bill (no balance): the developer is in arrears for both.
    expect(await account(dev.id)).toEqual({ balance: '0.00', ledger: '0.00', restricted: true });
  });
});

describe('a failed period is retried until it succeeds', () => {
  it('a sweep that failed 11 times (more than the old cap of 10) is still claimed at its next attempt, then DONE and no longer overdue', async () => {
    const dueAt = new Date('2026-11-19T18:30:00Z'); // 02:30 Beijing on 11-20
    await t.ds.query(
      `INSERT INTO scheduled_job_run (job, period, state, due_at, attempts, next_attempt_at, last_error) VALUES ('LATE_USAGE', '2026-11-19', 'FAILED', ?, 11, ?, 'connection lost')`,
      [dueAt, new Date('2026-11-21T18:00:00Z')],
    );
    const records = async () =>
      ((await t.post({ query: '{ billingRuns(first: 50) { edges { node { job period state attempts failures overdue } } } }' }, operator)).data as { billingRuns: { edges: { node: { job: string; period: string; state: string; attempts: number; failures: number; overdue: boolean } }[] } }).billingRuns.edges.map((e) => e.node).find(
        (r) => r.job === 'LATE_USAGE' && r.period === '2026-11-19',
      );
    expect(await records()).toMatchObject({ state: 'FAILED', attempts: 11, failures: 11, overdue: true });
    const ran = await t.server.services.billingSchedule.tick();
    expect(ran).toContainEqual({ job: 'LATE_USAGE', period: '2026-11-19', state: 'DONE' });
    expect(await records()).toMatchObject({ state: 'DONE', attempts: 12, failures: 11, overdue: false });
  });
});

describe('no retroactive prices', () => {
  type Pricing =
    | { __typename: 'PerHundredPricing'; price: string }
    | { __typename: 'PerTenThousandPerDayPricing'; price: string }
    | { __typename: 'GraduatedPricing'; per: number; tiers: { upTo: number | null; price: string }[] }
    | { __typename: 'HighestPackagePerDayPricing'; prices: { packageCode: string; price: string }[] };
  // The typed settings read back, as the typed settings to send (one member per pricing model).
  const pricingInput = (p: Pricing) =>
    p.__typename === 'PerHundredPricing'
      ? { perHundred: { price: p.price } }
      : p.__typename === 'PerTenThousandPerDayPricing'
        ? { perTenThousandPerDay: { price: p.price } }
        : p.__typename === 'GraduatedPricing'
          ? { graduated: { per: p.per, tiers: p.tiers } }
          : { highestPackagePerDay: { prices: p.prices } };
  const PRICING =
    'pricing { __typename ... on PerHundredPricing { price } ... on PerTenThousandPerDayPricing { price } ... on GraduatedPricing { per tiers { upTo price } } ... on HighestPackagePerDayPricing { prices { packageCode price } } }';
  const basicAt = async (price: string) => {
    const lists = (await t.post({ query: `{ priceLists(platform: TAOBAO) { edges { node { charges { code label meter unit couponScope ${PRICING} } } } } }` }, operator)).data as {
      priceLists: { edges: { node: { charges: { code: string; label: string; meter: string; unit: string; couponScope: boolean; pricing: Pricing }[] } }[] };
    };
    return lists.priceLists.edges.at(-1)!.node.charges.map(({ pricing, ...c }) => ({ ...c, pricing: c.code === 'BASIC_API_IN_CLOUD' ? { perHundred: { price } } : pricingInput(pricing) }));
  };

  it('a list from 2026-11-20 (billed, as is 11-21) is refused naming the last billed day, and nothing is written', async () => {
    const res = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2026-11-20', charges: await basicAt('0.03') } }, operator);
    expect(res.data!.upsertPriceList).toMatchObject({ __typename: 'AlreadyBilled', code: 'ALREADY_BILLED', field: 'effectiveFrom', platform: 'TAOBAO', firstAffectedDay: '2026-11-20', lastBilledDay: '2026-11-21' });
    expect(await t.ds.query(`SELECT id FROM price_list WHERE id = 'TAOBAO-2026-11-20'`)).toEqual([]);
    expect(await t.ds.query(`SELECT id FROM price_version`)).toEqual([]);
    // A coupon policy change reaching billed days too: DAILY_50 raised to 80 from its start.
    const coupon = await t.gql(UpsertCouponPolicyDocument, { input: { code: 'DAILY_50', platform: 'TAOBAO', amount: '80', validFrom: '2022-05-01' } }, operator);
    expect(coupon.data!.upsertCouponPolicy).toMatchObject({ __typename: 'AlreadyBilled', field: 'validFrom', firstAffectedDay: '2022-05-01', lastBilledDay: '2026-11-21' });
    // A list from the first day not billed is accepted as before.
    const later = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2026-11-22', charges: await basicAt('0.02') } }, operator);
    expect(later.data!.upsertPriceList).toMatchObject({ __typename: 'PriceList', id: 'TAOBAO-2026-11-22', version: 1, rerate: null });
  });

  it('rerate: true re-rates the billed days from 11-20 under the new list: 550,000 basic calls at 0.03/100 = 165.00, billed 110.00 → +55.00 (the coupon was used up), audited', async () => {
    const app = (await t.ds.query(`SELECT app_id FROM bill WHERE adjustment_reason = 'LATE_USAGE' LIMIT 1`))[0].app_id as string;
    const res = await t.gql(UpsertPriceListDocument, { input: { platform: 'TAOBAO', effectiveFrom: '2026-11-20', charges: await basicAt('0.03') }, rerate: true }, operator);
    const list = res.data!.upsertPriceList;
    expect(list).toMatchObject({ __typename: 'PriceList', id: 'TAOBAO-2026-11-20', version: 1, rerate: { fromDay: '2026-11-20', adjusted: 1, total: '55.00' } });
    const bills = await billsOf(app);
    expect(bills.map((b) => [b.sequence, b.total, b.adjustment_reason])).toEqual([
      [0, '900.00', null],
      [1, '140.00', 'LATE_USAGE'],
      [2, '60.00', 'LATE_USAGE'],
      [3, '55.00', 'RERATE'],
    ]);
    const adj = await linesOf(bills[3].id, operator);
    expect(adj).toMatchObject({ priceListId: 'TAOBAO-2026-11-20' });
    expect(adj.lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([['BASIC_API_IN_CLOUD', '0', '55.00']]);
    expect(adj.lines[0].explanation).toMatch(/^Basic API, in cloud 550,000 → 550,000 calls: \+55\.00 \(165\.00 now − 110\.00 billed; /);

    // Asking again changes nothing: the same charges re-price nothing, and a re-rate would find 0.00.
    expect((await t.server.services.billAdjustments.rerate('TAOBAO' as never, '2026-11-20')).adjusted).toBe(0);

    const audit = await t.ds.query(`SELECT action, actor_role FROM audit_entry WHERE entity_id = 'TAOBAO-2026-11-20' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'upsertPriceList', actor_role: 'OPERATOR' },
      { action: 'reratePrices', actor_role: 'OPERATOR' },
    ]);
    const history = await t.gql(PriceHistoryDocument, { subjectId: 'TAOBAO-2026-11-20' }, operator);
    const [v] = history.data!.priceHistory.edges.map((e) => e.node);
    expect(v).toMatchObject({ subject: 'PRICE_LIST', version: 1, platform: 'TAOBAO', firstAffectedDay: '2026-11-20', rerate: true });
    expect(v.actor).toMatch(/^OPERATOR:/);
    expect(JSON.parse(v.rerateSummaryJson!)).toMatchObject({ adjusted: 1, total: '55.00' });
    expect(JSON.parse(v.bodyJson).effectiveFrom).toBe('2026-11-20');
  });

  it('a seeded coupon policy changed from a day not billed keeps its history: version 1 (seed), version 2 (the operator)', async () => {
    const res = await t.gql(UpsertCouponPolicyDocument, { input: { code: 'DAILY_50', platform: 'TAOBAO', amount: '50', validFrom: '2022-05-01', validTo: '2026-12-31' } }, operator);
    expect(res.data!.upsertCouponPolicy).toMatchObject({ __typename: 'CouponPolicy', version: 2, rerate: null });
    const history = await t.gql(PriceHistoryDocument, { subjectId: 'DAILY_50' }, operator);
    expect(history.data!.priceHistory.edges.map((e) => [e.node.version, e.node.actor.split(':')[0], e.node.firstAffectedDay])).toEqual([
      [2, 'OPERATOR', '2027-01-01'],
      [1, 'seed', null],
    ]);
    for (const role of [Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY] as const) {
      expect((await t.gql(PriceHistoryDocument, {}, await t.token(role))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

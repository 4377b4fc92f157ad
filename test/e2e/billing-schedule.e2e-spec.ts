/**
 * Scheduled billing (docs/billing.md "Scheduled runs"), with a fixed clock: each Taobao day is
 * billed once after 02:00 Beijing, whatever the number of servers ticking; a server down for
 * three days catches up three days in order; a failed period is visible, flagged, and retried;
 * operators read the run records over HTTP.
 */
import { Role } from '../../src/domain/common/role';
import { createServices } from '../../src/services';
import { BillingFixture } from '../support/billing-fixture';
import { TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;

beforeAll(async () => {
  // Beijing 2026-11-21 01:00: 11-20 is over but still within the 2-hour grace for late usage.
  t = await TestApp.start({ now: '2026-11-20T17:00:00Z', env: { BILLING_SCHEDULE_FROM: '2026-11-20' } });
  f = await BillingFixture.of(t);
});
afterAll(async () => {
  await t.stop();
});

const RECORDS = `{ billingRuns(first: 50) { edges { node { job platform period trigger state attempts failures appDays bills amount overdue lastError } } } }`;
type Rec = { job: string; platform: string | null; period: string; trigger: string; state: string; attempts: number; failures: number; appDays: number | null; bills: number | null; amount: string | null; overdue: boolean; lastError: string | null };
const records = async (): Promise<Rec[]> => {
  const res = await t.post({ query: RECORDS }, await t.token(Role.OPERATOR));
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as { billingRuns: { edges: { node: Rec }[] } }).billingRuns.edges.map((e) => e.node);
};
const billsOf = async (appId: string): Promise<{ period: string; total: string }[]> =>
  t.ds.query(`SELECT period, total FROM bill WHERE app_id = ? ORDER BY period`, [appId]);
const runsOf = async (period: string): Promise<{ trigger: string }[]> => t.ds.query(`SELECT \`trigger\` FROM billing_run WHERE platform = 'TAOBAO' AND period = ?`, [period]);

describe('scheduled billing runs', () => {
  let appId: string;

  it('nothing runs before 02:00 Beijing; at 02:00 two replicas ticking at once bill 2026-11-20 exactly once (1,000,000 orders: 1,000.00)', async () => {
    const dev = await t.developer('Scheduled Developer');
    const app = await f.newApp(dev);
    appId = app.id;
    await f.report(app.appkey, '2026-11-20', { dataSyncNewOrders: 1_000_000 }); // 1,000.00 (DOMAIN §5 graduated data sync)
    expect(await t.server.services.billingSchedule.tick()).toEqual([]);

    t.clock.set('2026-11-20T18:00:00Z'); // 02:00 Beijing on 11-21
    const replica = createServices(t.ds, t.clock, { schedule: { graceMinutes: 120, startFrom: { TAOBAO_BILLING: '2026-11-20', DOUYIN_BILLING: '2026-11', LATE_USAGE: '2026-11-20', ARREARS_COLLECTION: '2026-11-20' } } });
    const [a, b] = await Promise.all([t.server.services.billingSchedule.tick(), replica.billingSchedule.tick()]);
    const ran = [...a, ...b].filter((r) => r.job === 'TAOBAO_BILLING');
    expect(ran).toEqual([{ job: 'TAOBAO_BILLING', period: '2026-11-20', state: 'DONE' }]);
    expect(await billsOf(appId)).toEqual([{ period: '2026-11-20', total: '1000.00' }]);
    expect(await runsOf('2026-11-20')).toEqual([{ trigger: 'SCHEDULE' }]);

    // Ticking again (either replica) changes nothing.
    await Promise.all([t.server.services.billingSchedule.tick(), replica.billingSchedule.tick()]);
    expect(await runsOf('2026-11-20')).toHaveLength(1);
    const rec = (await records()).find((r) => r.job === 'TAOBAO_BILLING' && r.period === '2026-11-20')!;
    expect(rec).toMatchObject({ platform: 'TAOBAO', trigger: 'SCHEDULE', state: 'DONE', attempts: 1, failures: 0, bills: 1, amount: '1000.00', overdue: false });
  });

  it('arrears are collected an hour later (03:00 Beijing), after that night’s billing', async () => {
    t.clock.set('2026-11-20T19:00:00Z');
    const ran = await t.server.services.billingSchedule.tick();
    // The late-usage sweep (02:30) comes first, after the night's billing.
    expect(ran).toEqual([
      { job: 'LATE_USAGE', period: '2026-11-20', state: 'DONE' },
      { job: 'ARREARS_COLLECTION', period: '2026-11-20', state: 'DONE' },
    ]);
  });

  it('a server down from 11-21 until 11-24 10:00 Beijing catches up 11-21, 11-22 and 11-23, in order, once each', async () => {
    const dev = await t.developer('Downtime Developer');
    const app = await f.newApp(dev);
    // The gateway reported each day while the billing servers were down (last report at noon on 11-23).
    t.clock.set('2026-11-23T04:00:00Z');
    for (const [date, n] of [['2026-11-21', 1_000_000], ['2026-11-22', 1_300_000], ['2026-11-23', 100_000]] as const) {
      await f.report(app.appkey, date, { dataSyncNewOrders: n });
    }
    t.clock.set('2026-11-24T02:00:00Z');
    const ran = (await t.server.services.billingSchedule.tick()).filter((r) => r.job === 'TAOBAO_BILLING');
    expect(ran.map((r) => r.period)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    expect(await billsOf(app.id)).toEqual([
      { period: '2026-11-21', total: '1000.00' },
      { period: '2026-11-22', total: '1120.00' },
      { period: '2026-11-23', total: '100.00' },
    ]);
    for (const d of ['2026-11-21', '2026-11-22', '2026-11-23']) expect(await runsOf(d)).toHaveLength(1);
  });

  it('a period that fails (no Douyin price list in force) is FAILED, overdue, retried after 5 minutes, and done once the list is back', async () => {
    const saved = await t.ds.query(`SELECT * FROM price_list WHERE platform = 'DOUYIN'`);
    await t.ds.query(`DELETE FROM price_list WHERE platform = 'DOUYIN'`);
    t.clock.set('2026-12-04T18:00:00Z'); // 02:00 Beijing on 12-05: November's Douyin settlement is due
    await t.server.services.billingSchedule.tick();
    let nov = (await records()).find((r) => r.job === 'DOUYIN_BILLING' && r.period === '2026-11')!;
    expect(nov).toMatchObject({ state: 'FAILED', attempts: 1, failures: 1 });
    expect(nov.lastError).toContain('NO_PRICE_LIST');
    t.clock.set('2026-12-04T18:04:00Z');
    await t.server.services.billingSchedule.tick();
    nov = (await records()).find((r) => r.job === 'DOUYIN_BILLING' && r.period === '2026-11')!;
    expect(nov).toMatchObject({ state: 'FAILED', attempts: 1, overdue: true });

    for (const row of saved) {
      await t.ds.query(`INSERT INTO price_list (id, platform, effective_from, is_example, charges) VALUES (?, ?, ?, ?, ?)`, [row.id, row.platform, row.effective_from, row.is_example, typeof row.charges === 'string' ? row.charges : JSON.stringify(row.charges)]);
    }
    t.clock.set('2026-12-04T18:06:00Z');
    await t.server.services.billingSchedule.tick();
    nov = (await records()).find((r) => r.job === 'DOUYIN_BILLING' && r.period === '2026-11')!;
    expect(nov).toMatchObject({ state: 'DONE', attempts: 2, failures: 1, overdue: false });
  });

  it('runs started by an operator are recorded with their trigger; billingRuns is for operators only', async () => {
    const operator = await t.token(Role.OPERATOR);
    const res = await t.post({ query: 'mutation { runBilling(platform: TAOBAO, period: "2026-11-23") { __typename } }' }, operator);
    expect((res.data as { runBilling: { __typename: string } }).runBilling.__typename).toBe('BillingRunReport');
    expect((await records()).filter((r) => r.trigger === 'OPERATOR').map((r) => r.period)).toContain('2026-11-23');
    for (const role of [Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY] as const) {
      expect((await t.post({ query: RECORDS }, await t.token(role))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

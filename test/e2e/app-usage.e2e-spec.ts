/**
 * Usage per day (App.usage) and today's usage against the quota (App.usageToday), over HTTP:
 * what the gateway reported, per meter, readable by the app's owner and staff only.
 */
import { Role } from '../../src/domain/common/role';
import { BillingFixture, calls } from '../support/billing-fixture';
import { TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;

beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' }); // Beijing 2026-11-20, 12:00
  f = await BillingFixture.of(t);
});
afterAll(async () => {
  await t.stop();
});

const USAGE = `query($id: ID!, $from: LocalDate!, $to: LocalDate!) {
  app(id: $id) {
    usage(from: $from, to: $to) { date calls successfulCalls apiCalls { category source calls successful } dataSyncNewOrders dataSyncPackages waliMessages crmRelations }
    usageToday { date calls successfulCalls remaining quota { limit source } }
  }
}`;

describe('App.usage and App.usageToday', () => {
  it('each day matches what the gateway reported, summed over batches; today counts against the 5,000-call development quota', async () => {
    const dev = await t.developer('Usage Owner');
    const app = await f.newApp(dev);
    await f.report(app.appkey, '2026-11-18', { apiCalls: [calls('BASIC', 'IN_CLOUD', 1_200), { category: 'FREE', source: 'OUT_OF_CLOUD', total: 300, successful: 280 } as never], dataSyncNewOrders: 1_300_000, dataSyncPackage: 'ADVANCED' });
    await f.report(app.appkey, '2026-11-18', { apiCalls: [calls('BASIC', 'IN_CLOUD', 800)], dataSyncPackage: 'FLAGSHIP' });
    await f.report(app.appkey, '2026-11-20', { apiCalls: [calls('BASIC', 'IN_CLOUD', 3_000)], waliMessages: 10_000, crmRelations: 250 });

    const res = await t.post({ query: USAGE, variables: { id: app.id, from: '2026-11-18', to: '2026-11-20' } }, dev.token);
    expect(res.errors).toBeUndefined();
    const { usage, usageToday } = (res.data as any).app;
    expect(usage.map((d: any) => d.date)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    expect(usage[0]).toEqual({
      date: '2026-11-18',
      calls: 2_300,
      successfulCalls: 2_280,
      apiCalls: [
        { category: 'BASIC', source: 'IN_CLOUD', calls: 2_000, successful: 2_000 },
        { category: 'FREE', source: 'OUT_OF_CLOUD', calls: 300, successful: 280 },
      ],
      dataSyncNewOrders: 1_300_000,
      dataSyncPackages: ['ADVANCED', 'FLAGSHIP'],
      waliMessages: 0,
      crmRelations: 0,
    });
    expect(usage[1]).toMatchObject({ calls: 0, apiCalls: [], dataSyncNewOrders: 0 });
    expect(usage[2]).toMatchObject({ calls: 3_000, waliMessages: 10_000, crmRelations: 250 });
    expect(usageToday).toEqual({ date: '2026-11-20', calls: 3_000, successfulCalls: 3_000, remaining: 2_000, quota: { limit: 5_000, source: 'DEVELOPMENT_TEST' } });
  });

  it('refuses a range over 90 days or backwards, naming the argument', async () => {
    const dev = await t.developer('Usage Ranges');
    const app = await f.newApp(dev);
    const long = await t.post({ query: USAGE, variables: { id: app.id, from: '2026-08-01', to: '2026-11-20' } }, dev.token);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'to', rule: 'RANGE_TOO_LONG' }] });
    const back = await t.post({ query: USAGE, variables: { id: app.id, from: '2026-11-20', to: '2026-11-01' } }, dev.token);
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'to', rule: 'BEFORE_FROM' }] });
  });

  it('another developer cannot read it (NOT_FOUND); a reviewer and an operator can', async () => {
    const dev = await t.developer('Usage Private');
    const app = await f.newApp(dev);
    const vars = { id: app.id, from: '2026-11-20', to: '2026-11-20' };
    const other = await t.developer('Usage Stranger');
    expect((await t.post({ query: USAGE, variables: vars }, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const role of [Role.REVIEWER, Role.OPERATOR] as const) expect((await t.post({ query: USAGE, variables: vars }, await t.token(role))).errors).toBeUndefined();
  });

  it('myApps with usage and usageToday: the same statements for 1 app and for 20 (no N+1)', async () => {
    const doc = `{ myApps(first: 50) { edges { node { id usage(from: "2026-11-14", to: "2026-11-20") { calls } usageToday { calls remaining } } } } }`;
    const measure = async (n: number) => {
      const dev = await t.developer(`Usage N${n}`);
      for (let i = 0; i < n; i++) {
        const app = await f.newApp(dev);
        await f.report(app.appkey, '2026-11-20', { apiCalls: [calls('BASIC', 'IN_CLOUD', 100 + i)] });
      }
      const { result, statements } = await t.queries.during(() => t.post({ query: doc }, dev.token));
      expect(result.errors).toBeUndefined();
      expect((result.data as any).myApps.edges).toHaveLength(n);
      return statements.length;
    };
    const one = await measure(1);
    const twenty = await measure(20);
    expect(twenty).toBe(one);
  });
});

/**
 * Quota today with emergency traffic (DOMAIN §2.2, issue 4 step 2), over HTTP against a fresh
 * database. The clock starts at 2026-11-20 12:00 Beijing (04:00 UTC).
 */
import { Role } from '../../src/domain/common/role';
import {
  AppQuotaDocument,
  CallPermissionDocument,
  CreateAppDocument,
  MyAppsQuotaDocument,
  MyNotificationsDocument,
  RecordUsageDocument,
  ReportQuotaExhaustedDocument,
} from '../generated/graphql';
import { errorCode, TestApp, refusedCode } from '../support/test-app';

let t: TestApp;
let gateway: string;
beforeAll(async () => {
  t = await TestApp.start();
  gateway = await t.token(Role.GATEWAY, 'gateway-1');
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set('2026-11-20T04:00:00Z'));

let seq = 0;
async function app(tagCode: string, status = 'ONLINE', dev?: { id: string; token: string }) {
  dev ??= await t.developer();
  const res = await t.gql(CreateAppDocument, { input: { name: 'Busy App', tagCode, declaredFunctions: [] } }, dev.token);
  const created = res.data!.createApp;
  if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
  await t.ds.query('UPDATE app SET status = ? WHERE id = ?', [status, created.id]);
  return { id: created.id, appkey: created.appkey, dev };
}
const calls = (appkey: string, total: number, date = '2026-11-20') =>
  t.gql(RecordUsageDocument, { records: [{ idempotencyKey: `e-${++seq}`, appkey, date, apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total, successful: total }] }] }, gateway);
const quota = async (a: { id: string; dev: { token: string } }) => (await t.gql(AppQuotaDocument, { id: a.id }, a.dev.token)).data!.app.quotaToday;
const permission = async (appkey: string) => (await t.gql(CallPermissionDocument, { appkey, category: 'BASIC', source: 'IN_CLOUD' }, gateway)).data!.callPermission;
const notifications = async (token: string) => (await t.gql(MyNotificationsDocument, {}, token)).data!.myNotifications.edges.map((e) => e.node);

describe('emergency traffic seen by ingestion', () => {
  it('MERCHANT_BACKEND at 100,000: reaching the quota grants 50,000 more for the rest of the day, once; the next Beijing day is 100,000 again', async () => {
    const a = await app('MERCHANT_BACKEND');
    await calls(a.appkey, 99_999);
    expect(await quota(a)).toMatchObject({ limit: 100_000, emergencyGranted: false, state: 'NORMAL' });
    expect(await notifications(a.dev.token)).toEqual([]);

    await calls(a.appkey, 1);
    expect(await quota(a)).toEqual({
      date: '2026-11-20',
      limit: 150_000,
      baseLimit: 100_000,
      source: 'TAG_DEFAULT',
      emergencyGranted: true,
      emergencyCalls: 50_000,
      state: 'LIMIT_REACHED_EMERGENCY_GRANTED',
      resetsAt: '2026-11-20T16:00:00.000Z',
    });
    expect(await permission(a.appkey)).toMatchObject({ allowed: true, limit: 150_000, usedToday: 100_000 });
    const notes = await notifications(a.dev.token);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'EMERGENCY_TRAFFIC_GRANTED', appId: a.id });
    expect(notes[0].message).toMatch(/100000 calls on 2026-11-20.*50000 calls.*24:00 Beijing/);

    // Reaching 150,000 grants nothing more: once per day.
    await calls(a.appkey, 50_000);
    expect(await quota(a)).toMatchObject({ limit: 150_000 });
    expect(await permission(a.appkey)).toMatchObject({ allowed: false, reason: 'QUOTA_EXHAUSTED', limit: 150_000, usedToday: 150_000 });
    expect(await notifications(a.dev.token)).toHaveLength(1);

    // 23:59 Beijing still the 20th; 00:00 Beijing on the 21st (16:00 UTC) the app is back to 100,000.
    t.clock.set('2026-11-20T15:59:59Z');
    expect(await quota(a)).toMatchObject({ limit: 150_000, state: 'LIMIT_REACHED_EMERGENCY_GRANTED' });
    t.clock.set('2026-11-20T16:00:00Z');
    expect(await quota(a)).toMatchObject({ date: '2026-11-21', limit: 100_000, emergencyGranted: false, state: 'NORMAL', resetsAt: '2026-11-21T16:00:00.000Z' });
    expect(await permission(a.appkey)).toMatchObject({ allowed: true, usedToday: 0, limit: 100_000 });
  });

  it('late usage for a past day grants nothing today', async () => {
    const a = await app('MERCHANT_BACKEND');
    await calls(a.appkey, 100_000, '2026-11-19');
    expect(await quota(a)).toMatchObject({ limit: 100_000, emergencyGranted: false });
  });

  it('a granted traffic package is the quota that counts: 500,000 gets 250,000', async () => {
    const a = await app('MERCHANT_BACKEND');
    await t.ds.query('UPDATE app SET granted_traffic_quota = 500000 WHERE id = ?', [a.id]);
    await calls(a.appkey, 100_000);
    expect(await quota(a)).toMatchObject({ limit: 500_000, emergencyGranted: false });
    await calls(a.appkey, 400_000);
    expect(await quota(a)).toMatchObject({ limit: 750_000, baseLimit: 500_000, source: 'TRAFFIC_PACKAGE', emergencyCalls: 250_000 });
  });

  it('a DEVELOPING app at its 5,000 development-test calls gets no emergency traffic', async () => {
    const a = await app('MERCHANT_BACKEND', 'DEVELOPING');
    await calls(a.appkey, 5_000);
    expect(await quota(a)).toMatchObject({ limit: 5_000, emergencyGranted: false });
    expect(await permission(a.appkey)).toMatchObject({ allowed: false, reason: 'QUOTA_EXHAUSTED' });
  });
});

describe('emergency traffic when an app changes between two of its batches (ingestion keeps the states it read)', () => {
  it('USAGE_QUOTA_STATE_MAX_AGE_SECONDS (5 s): an app put ONLINE after a batch read it DEVELOPING is decided on the state read while that is under 5 s old, on the app read again after', async () => {
    const a = await app('MERCHANT_BACKEND', 'DEVELOPING');
    await calls(a.appkey, 1_000); // 12:00:00 Beijing: read DEVELOPING
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [a.id]);
    await calls(a.appkey, 99_000); // 100,000 calls, the state read at 12:00:00 says DEVELOPING: no emergency traffic
    expect(await quota(a)).toMatchObject({ baseLimit: 100_000, emergencyGranted: false });
    t.clock.set('2026-11-20T04:00:06Z');
    await calls(a.appkey, 1); // 6 s later the app is read again: ONLINE at 100,001 calls
    expect(await quota(a)).toMatchObject({ baseLimit: 100_000, limit: 150_000, emergencyCalls: 50_000 });
  });

  it('an app found due on a state read under 5 s ago is read again before its grant: SUSPENDED meanwhile, it gets none', async () => {
    const a = await app('MERCHANT_BACKEND');
    await calls(a.appkey, 1_000); // read ONLINE
    await t.ds.query("UPDATE app SET status = 'SUSPENDED' WHERE id = ?", [a.id]);
    await calls(a.appkey, 99_000); // due on the state read a moment ago; not on the app as it is
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM emergency_grant WHERE app_id = ?', [a.id]);
    expect(Number(n)).toBe(0);
    expect(await notifications(a.dev.token)).toEqual([]);
  });

  it('a grant made elsewhere in between (reportQuotaExhausted) is not made twice, and the next batches of the day still count', async () => {
    const a = await app('MERCHANT_BACKEND');
    await calls(a.appkey, 100);
    await t.ds.query('UPDATE usage_daily SET quantity = 100000 WHERE app_id = ? AND usage_date = ?', [a.id, '2026-11-20']);
    expect((await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway)).data!.reportQuotaExhausted).toMatchObject({ granted: true });
    await calls(a.appkey, 10);
    expect(await quota(a)).toMatchObject({ limit: 150_000, emergencyCalls: 50_000 });
    expect(await notifications(a.dev.token)).toHaveLength(1);
    expect(await permission(a.appkey)).toMatchObject({ usedToday: 100_010, limit: 150_000 });
  });
});

describe('reportQuotaExhausted (role GATEWAY)', () => {
  it('grants once per day and says so the second time; one notification', async () => {
    const a = await app('TAOBAOKE');
    const first = (await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway)).data!.reportQuotaExhausted;
    expect(first).toMatchObject({ granted: true, reason: null, quotaToday: { limit: 30_000, baseLimit: 20_000, emergencyCalls: 10_000, state: 'LIMIT_REACHED_EMERGENCY_GRANTED' } });
    const second = (await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway)).data!.reportQuotaExhausted;
    expect(second).toMatchObject({ granted: false, reason: 'ALREADY_GRANTED_TODAY', quotaToday: { limit: 30_000 } });
    expect(await notifications(a.dev.token)).toHaveLength(1);
  });

  it.each(['XTAO_SITE', 'WIRELESS_BUYER'])('an ONLINE %s app gets none', async (tag) => {
    const a = await app(tag);
    const res = (await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway)).data!.reportQuotaExhausted;
    expect(res).toMatchObject({ granted: false, reason: 'TAG_EXCLUDED', quotaToday: { limit: null, emergencyGranted: false } });
    expect(await notifications(a.dev.token)).toEqual([]);
  });

  it('a SUSPENDED app gets none', async () => {
    const a = await app('MERCHANT_BACKEND', 'SUSPENDED');
    expect((await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway)).data!.reportQuotaExhausted).toMatchObject({ granted: false, reason: 'NOT_ONLINE', quotaToday: { limit: 0 } });
  });

  it('an unknown appkey is NOT_FOUND', async () => {
    expect(errorCode(await t.gql(ReportQuotaExhaustedDocument, { appkey: '00000000' }, gateway))).toBe('NOT_FOUND');
  });

  it('only the gateway reports; only developers read their notifications, and only their own', async () => {
    const a = await app('MERCHANT_BACKEND');
    for (const role of [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER] as const) {
      expect(errorCode(await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, await t.token(role)))).toBe(refusedCode(role));
    }
    expect(errorCode(await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }))).toBe('UNAUTHENTICATED');
    await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway);
    expect(await notifications(a.dev.token)).toHaveLength(1);
    const other = await t.developer('Other');
    expect(await notifications(other.token)).toEqual([]);
    for (const role of [Role.REVIEWER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY] as const) {
      expect(errorCode(await t.gql(MyNotificationsDocument, {}, await t.token(role)))).toBe(refusedCode(role));
    }
  });
});

describe('no N+1 with emergency traffic', () => {
  it('myApps of ONLINE apps, some with emergency traffic, issues the same number of SQL statements for 5 apps and for 50', async () => {
    const count = async (n: number) => {
      const dev = await t.developer();
      const apps = [];
      for (let i = 0; i < n; i++) apps.push(await app('MERCHANT_BACKEND', 'ONLINE', dev));
      for (const a of apps.slice(0, 2)) await t.gql(ReportQuotaExhaustedDocument, { appkey: a.appkey }, gateway);
      const { result, statements } = await t.queries.during(() => t.gql(MyAppsQuotaDocument, { first: 100 }, dev.token));
      const nodes = result.data!.myApps.edges.map((e) => e.node);
      expect(nodes.filter((q) => q.quotaToday.emergencyGranted)).toHaveLength(2);
      expect(nodes.filter((q) => q.quotaToday.limit === 150_000)).toHaveLength(2);
      return statements.length;
    };
    const five = await count(5);
    expect(await count(50)).toBe(five);
  });
});

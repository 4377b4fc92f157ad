/**
 * Late usage at ingestion (issue 17, "Late usage"; the adjustment bills are billing's): a record
 * dated more than USAGE_LATE_WINDOW_DAYS (default 35) days before today, Beijing time, or before
 * the Beijing day its app was created, is refused by name (`records[i].date`) through recordUsage's
 * per-record refusals; like every per-record refusal, it refuses the whole batch and nothing of it
 * is stored. Over HTTP against a fresh database, with the production default (late refusals on).
 */
import { Role } from '../../src/domain/common/role';
import { CreateAppDocument, RecordUsageDocument, UsageRecordInput } from '../generated/graphql';
import { TestApp } from '../support/test-app';

let t: TestApp;
let gateway: string;
let seq = 0;

// Today: 2026-11-20, 12:00 Beijing. 35 days back is 2026-10-16 (accepted), 36 days back 2026-10-15 (refused).
const NOW = '2026-11-20T04:00:00Z';

beforeAll(async () => {
  t = await TestApp.start({ now: NOW, env: { USAGE_LATE_REFUSALS: 'true' } });
  gateway = await t.token(Role.GATEWAY, 'gateway-late');
});
afterAll(() => t?.stop());

/** An ONLINE app created at `createdAt` (the service clock is set there for the creation, then back to NOW). */
async function appCreatedAt(createdAt: string) {
  const dev = await t.developer();
  t.clock.set(createdAt);
  try {
    const res = await t.gql(CreateAppDocument, { input: { name: 'Late Meter', tagCode: 'MERCHANT_BACKEND', declaredFunctions: [] } }, dev.token);
    const app = res.data!.createApp;
    if (app.__typename !== 'App') throw new Error(JSON.stringify(res));
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [app.id]);
    return app;
  } finally {
    t.clock.set(NOW);
  }
}

const record = (appkey: string, date: string, patch: Partial<UsageRecordInput> = {}): UsageRecordInput => ({
  idempotencyKey: `late-${++seq}`,
  appkey,
  date,
  apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 1_000, successful: 990 }],
  ...patch,
});
const send = async (records: UsageRecordInput[]) => (await t.gql(RecordUsageDocument, { records }, gateway)).data!.recordUsage;
const stored = async (appId: string) => Number((await t.ds.query('SELECT COUNT(*) AS n FROM usage_record WHERE app_id = ?', [appId]))[0].n);
const calls = async (appId: string, date: string) =>
  Number((await t.ds.query("SELECT COALESCE(SUM(quantity), 0) AS n FROM usage_daily WHERE app_id = ? AND usage_date = ? AND meter LIKE 'API:%'", [appId, date]))[0].n);

describe('recordUsage refuses late usage per record (issue 17)', () => {
  it('35 days back (2026-10-16) is applied; 36 days back (2026-10-15) is DATE_TOO_OLD, and so is 2018', async () => {
    const app = await appCreatedAt('2026-09-01T04:00:00Z');
    expect(await send([record(app.appkey, '2026-10-16')])).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 1 });
    expect(await calls(app.id, '2026-10-16')).toBe(1_000);

    const old = await send([record(app.appkey, '2026-10-15')]);
    expect(old).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'records[0].date', rule: 'DATE_TOO_OLD' }] });
    expect(old.__typename === 'InvalidInput' && old.violations[0].message).toContain('the oldest day accepted is 2026-10-16');
    expect(await send([record(app.appkey, '2018-06-01')])).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'records[0].date', rule: 'DATE_TOO_OLD' }] });
    expect(await calls(app.id, '2026-10-15')).toBe(0);
    expect(await stored(app.id)).toBe(1);
  });

  it("the day before the app's creation day (Beijing) is BEFORE_APP_CREATED; the creation day is applied", async () => {
    // Created 2026-11-10 17:30 UTC = 2026-11-11 01:30 Beijing: the creation day is 2026-11-11, not the UTC date.
    const app = await appCreatedAt('2026-11-10T17:30:00Z');
    expect(await send([record(app.appkey, '2026-11-10')])).toMatchObject({
      __typename: 'InvalidInput',
      violations: [{ field: 'records[0].date', rule: 'BEFORE_APP_CREATED', message: '2026-11-10 is before the app was created (2026-11-11, Beijing time)' }],
    });
    expect(await send([record(app.appkey, '2026-11-11')])).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 1 });
    expect(await calls(app.id, '2026-11-10')).toBe(0);
    expect(await calls(app.id, '2026-11-11')).toBe(1_000);
  });

  it('one late record refuses the whole batch (all or nothing), naming it by index; the rest sent again alone is applied', async () => {
    const app = await appCreatedAt('2026-09-01T04:00:00Z');
    const good = [record(app.appkey, '2026-11-20'), record(app.appkey, '2026-11-19', { waliMessages: 30 })];
    const res = await send([good[0], record(app.appkey, '2026-10-15'), good[1]]);
    expect(res).toMatchObject({ __typename: 'InvalidInput' });
    expect(res.__typename === 'InvalidInput' && res.violations.map((v) => `${v.field} ${v.rule}`)).toEqual(['records[1].date DATE_TOO_OLD']);
    expect(await stored(app.id)).toBe(0);
    expect(await calls(app.id, '2026-11-20')).toBe(0);

    expect(await send(good)).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 2, duplicates: 0 });
    expect(await calls(app.id, '2026-11-20')).toBe(1_000);
  });

  it('a record applied on the last day of the window and resent after it aged out is DUPLICATE, not refused; its key with other content is KEY_REUSED', async () => {
    const app = await appCreatedAt('2026-09-01T04:00:00Z');
    const r = record(app.appkey, '2026-10-16');
    expect(await send([r])).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 1 });
    t.clock.set('2026-11-21T04:00:00Z'); // the next day: 2026-10-16 is now 36 days back
    try {
      expect(await send([r])).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 0, duplicates: 1, records: [{ outcome: 'DUPLICATE' }] });
      const reused = await send([{ ...r, waliMessages: 5 }]);
      expect(reused.__typename === 'InvalidInput' && reused.violations.map((v) => `${v.field} ${v.rule}`)).toEqual(['records[0].idempotencyKey KEY_REUSED', 'records[0].date DATE_TOO_OLD']);
      expect(await send([record(app.appkey, '2026-10-16')])).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'records[0].date', rule: 'DATE_TOO_OLD' }] });
    } finally {
      t.clock.set(NOW);
    }
    expect(await calls(app.id, '2026-10-16')).toBe(1_000);
  });
});

describe('USAGE_LATE_WINDOW_DAYS', () => {
  let t10: TestApp;
  beforeAll(async () => {
    t10 = await TestApp.start({ now: NOW, env: { USAGE_LATE_REFUSALS: 'true', USAGE_LATE_WINDOW_DAYS: '10' } });
  });
  afterAll(() => t10?.stop());

  it('a window of 10 days: 2026-11-10 is applied, 2026-11-09 is DATE_TOO_OLD', async () => {
    const dev = await t10.developer();
    t10.clock.set('2026-09-01T04:00:00Z');
    const created = (await t10.gql(CreateAppDocument, { input: { name: 'Window', tagCode: 'MERCHANT_BACKEND', declaredFunctions: [] } }, dev.token)).data!.createApp;
    t10.clock.set(NOW);
    if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
    const gw = await t10.token(Role.GATEWAY, 'gateway-10');
    const r10 = await t10.gql(RecordUsageDocument, { records: [record(created.appkey, '2026-11-10')] }, gw);
    expect(r10.data!.recordUsage).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 1 });
    const r11 = await t10.gql(RecordUsageDocument, { records: [record(created.appkey, '2026-11-09')] }, gw);
    expect(r11.data!.recordUsage).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'records[0].date', rule: 'DATE_TOO_OLD' }] });
  });
});

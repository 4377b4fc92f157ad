/**
 * Usage ingestion and call permission for the metering gateway (issue 4, step 1), over HTTP
 * against a fresh database. Business dates are Beijing dates; the clock starts at
 * 2026-11-20 12:00 Beijing.
 */
import { Role } from '../../src/domain/common/role';
import { CallPermissionDocument, CreateAppDocument, RecordUsageDocument, SetValueAddedOutOfCloudPermittedDocument, UsageRecordInput } from '../generated/graphql';
import { errorCode, TestApp, refusedCode } from '../support/test-app';

let t: TestApp;
let gateway: string;
beforeAll(async () => {
  t = await TestApp.start();
  gateway = await t.token(Role.GATEWAY, 'gateway-1');
});
afterAll(() => t?.stop());

let seq = 0;
const key = () => `k-${++seq}-${Date.now()}`;

async function onlineApp(tagCode = 'MERCHANT_BACKEND', status = 'ONLINE') {
  const dev = await t.developer();
  const res = await t.gql(
    CreateAppDocument,
    { input: { name: 'Meter Me', tagCode, callbackUrl: 'https://example.com/cb', logoUrl: 'https://example.com/l.png', description: 'x', declaredFunctions: [] } },
    dev.token,
  );
  const app = res.data!.createApp;
  if (app.__typename !== 'App') throw new Error(JSON.stringify(app));
  await t.ds.query('UPDATE app SET status = ? WHERE id = ?', [status, app.id]);
  return { ...app, dev };
}

const daily = async (appId: string, date = '2026-11-20') =>
  Object.fromEntries(
    ((await t.ds.query('SELECT meter, quantity, successful FROM usage_daily WHERE app_id = ? AND usage_date = ? ORDER BY meter', [appId, date])) as { meter: string; quantity: string; successful: string }[]).map(
      (r) => [r.meter, [Number(r.quantity), Number(r.successful)]],
    ),
  );
const recordCount = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM usage_record'))[0].n);

const record = (appkey: string, patch: Partial<UsageRecordInput> = {}): UsageRecordInput => ({
  idempotencyKey: key(),
  appkey,
  date: '2026-11-20',
  apiCalls: [
    { category: 'BASIC', source: 'IN_CLOUD', total: 1_000, successful: 990 },
    { category: 'VALUE_ADDED', source: 'IN_CLOUD', total: 200, successful: 200 },
  ],
  ...patch,
});

describe('recordUsage (role GATEWAY)', () => {
  it('adds each record to the day per meter: calls by category × source with successes, orders, messages; packages and CRM relations as levels', async () => {
    const app = await onlineApp();
    const res = await t.gql(
      RecordUsageDocument,
      {
        records: [
          record(app.appkey, { dataSyncNewOrders: 12_000, dataSyncPackage: 'ADVANCED', waliMessages: 300, crmRelations: 50_000 }),
          record(app.appkey, {
            apiCalls: [
              { category: 'BASIC', source: 'IN_CLOUD', total: 500, successful: 500 },
              { category: 'LOGISTICS_EXCEPTION', source: 'OUT_OF_CLOUD', total: 7, successful: 6 },
            ],
            dataSyncNewOrders: 1_000,
            dataSyncPackage: 'FLAGSHIP',
            crmRelations: 40_000,
          }),
          record(app.appkey, { apiCalls: [], dataSyncPackage: 'BASIC' }),
        ],
      },
      gateway,
    );
    expect(res.data!.recordUsage).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 3, duplicates: 0 });
    expect(await daily(app.id)).toEqual({
      'API:BASIC:IN_CLOUD': [1_500, 1_490],
      'API:LOGISTICS_EXCEPTION:OUT_OF_CLOUD': [7, 6],
      'API:VALUE_ADDED:IN_CLOUD': [200, 200],
      CRM_RELATIONS: [50_000, 0],
      DATA_SYNC_ORDERS: [13_000, 0],
      'DATA_SYNC_PACKAGE:ADVANCED': [1, 0],
      'DATA_SYNC_PACKAGE:BASIC': [1, 0],
      'DATA_SYNC_PACKAGE:FLAGSHIP': [1, 0],
      WALI_MESSAGES: [300, 0],
    });
  });

  it('sending the same batch again changes nothing and says DUPLICATE for every record', async () => {
    const app = await onlineApp();
    const batch = [record(app.appkey), record(app.appkey, { waliMessages: 10 })];
    const first = await t.gql(RecordUsageDocument, { records: batch }, gateway);
    expect(first.data!.recordUsage).toMatchObject({ applied: 2, duplicates: 0 });
    const after1 = await daily(app.id);
    const stored = await recordCount();
    const again = await t.gql(RecordUsageDocument, { records: batch }, gateway);
    expect(again.data!.recordUsage).toMatchObject({
      __typename: 'UsageBatchReceipt',
      applied: 0,
      duplicates: 2,
      records: [
        { index: 0, idempotencyKey: batch[0].idempotencyKey, outcome: 'DUPLICATE' },
        { index: 1, idempotencyKey: batch[1].idempotencyKey, outcome: 'DUPLICATE' },
      ],
    });
    expect(await daily(app.id)).toEqual(after1);
    expect(after1['API:BASIC:IN_CLOUD']).toEqual([2_000, 1_980]);
    expect(await recordCount()).toBe(stored);
  });

  it('two copies of one batch sent at the same time count once', async () => {
    const app = await onlineApp();
    const batch = [record(app.appkey), record(app.appkey)];
    const [a, b] = await Promise.all([t.gql(RecordUsageDocument, { records: batch }, gateway), t.gql(RecordUsageDocument, { records: batch }, gateway)]);
    const receipts = [a.data!.recordUsage, b.data!.recordUsage] as { applied: number; duplicates: number }[];
    expect(receipts.map((r) => r.applied).sort()).toEqual([0, 2]);
    expect((await daily(app.id))['API:BASIC:IN_CLOUD']).toEqual([2_000, 1_980]);
  });

  it('a batch mixing a resent record and a new one applies the new one only', async () => {
    const app = await onlineApp();
    const old = record(app.appkey);
    await t.gql(RecordUsageDocument, { records: [old] }, gateway);
    const res = await t.gql(RecordUsageDocument, { records: [old, record(app.appkey)] }, gateway);
    expect(res.data!.recordUsage).toMatchObject({ applied: 1, duplicates: 1, records: [{ outcome: 'DUPLICATE' }, { outcome: 'APPLIED' }] });
    expect((await daily(app.id))['API:BASIC:IN_CLOUD']).toEqual([2_000, 1_980]);
  });

  it('refuses the whole batch when any record is invalid, naming each bad record by index and field; nothing is stored', async () => {
    const app = await onlineApp();
    const good = record(app.appkey);
    const before = await recordCount();
    const res = await t.gql(
      RecordUsageDocument,
      {
        records: [
          good,
          record('99999999'),
          record(app.appkey, { apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: -1, successful: 0 }] }),
          record(app.appkey, { apiCalls: [{ category: 'BASIC', source: 'OUT_OF_CLOUD', total: 10, successful: 11 }] }),
          record(app.appkey, { date: '2026-11-21' }),
          record(app.appkey, { apiCalls: [{ category: 'VALUE_ADDED', source: 'OUT_OF_CLOUD', total: 5, successful: 5 }] }),
          record(app.appkey, { apiCalls: [], waliMessages: -3 }),
        ],
      },
      gateway,
    );
    const payload = res.data!.recordUsage;
    expect(payload.__typename).toBe('InvalidInput');
    const violations = (payload as { violations: { field: string; rule: string }[] }).violations.map((v) => `${v.field} ${v.rule}`);
    expect(violations).toEqual([
      'records[1].appkey UNKNOWN_APPKEY',
      'records[2].apiCalls[0].total NEGATIVE_COUNT',
      'records[3].apiCalls[0].successful SUCCESSES_ABOVE_TOTAL',
      'records[4].date FUTURE_DATE',
      'records[5].apiCalls[0].source VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN',
      'records[6].waliMessages NEGATIVE_COUNT',
    ]);
    expect(await recordCount()).toBe(before);
    expect(await daily(app.id)).toEqual({});
    // The good record was not stored: sending it alone applies it.
    expect((await t.gql(RecordUsageDocument, { records: [good] }, gateway)).data!.recordUsage).toMatchObject({ applied: 1 });
  });

  it('"the future" is Beijing time: at 00:01 Beijing on the 21st (16:01 UTC on the 20th) the 21st is today', async () => {
    const app = await onlineApp();
    t.clock.set('2026-11-20T15:59:00Z');
    const early = await t.gql(RecordUsageDocument, { records: [record(app.appkey, { date: '2026-11-21' })] }, gateway);
    expect(early.data!.recordUsage).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'records[0].date', rule: 'FUTURE_DATE' }] });
    t.clock.set('2026-11-20T16:01:00Z');
    const onTime = await t.gql(RecordUsageDocument, { records: [record(app.appkey, { date: '2026-11-21' })] }, gateway);
    expect(onTime.data!.recordUsage).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 1 });
    t.clock.set('2026-11-20T04:00:00Z');
  });

  it('a key reused for different content is refused (KEY_REUSED), a key twice in one batch too', async () => {
    const app = await onlineApp();
    const r = record(app.appkey);
    await t.gql(RecordUsageDocument, { records: [r] }, gateway);
    const reused = await t.gql(RecordUsageDocument, { records: [{ ...r, waliMessages: 1 }] }, gateway);
    expect(reused.data!.recordUsage).toMatchObject({ violations: [{ field: 'records[0].idempotencyKey', rule: 'KEY_REUSED' }] });
    const twice = record(app.appkey);
    const dup = await t.gql(RecordUsageDocument, { records: [twice, twice] }, gateway);
    expect(dup.data!.recordUsage).toMatchObject({ violations: [{ field: 'records[1].idempotencyKey', rule: 'DUPLICATE_IN_BATCH' }] });
  });

  it('VALUE_ADDED calls out of cloud are accepted once an operator permits the app', async () => {
    const app = await onlineApp();
    const op = await t.token(Role.OPERATOR);
    const set = await t.gql(SetValueAddedOutOfCloudPermittedDocument, { appId: app.id, permitted: true }, op);
    expect(set.data!.setValueAddedOutOfCloudPermitted).toEqual({ id: app.id, valueAddedOutOfCloudPermitted: true });
    const res = await t.gql(RecordUsageDocument, { records: [record(app.appkey, { apiCalls: [{ category: 'VALUE_ADDED', source: 'OUT_OF_CLOUD', total: 5, successful: 5 }] })] }, gateway);
    expect(res.data!.recordUsage).toMatchObject({ applied: 1 });
    expect((await daily(app.id))['API:VALUE_ADDED:OUT_OF_CLOUD']).toEqual([5, 5]);
  });

  it.each([Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER] as const)('%s may not record usage nor ask call permission (FORBIDDEN)', async (role) => {
    const token = await t.token(role);
    expect(errorCode(await t.gql(RecordUsageDocument, { records: [record('12345678')] }, token))).toBe(refusedCode(role));
    expect(errorCode(await t.gql(CallPermissionDocument, { appkey: '12345678', category: 'BASIC', source: 'IN_CLOUD' }, token))).toBe(refusedCode(role));
  });

  it('anonymous callers are UNAUTHENTICATED; only operators set the out-of-cloud permission', async () => {
    expect(errorCode(await t.gql(RecordUsageDocument, { records: [record('12345678')] }))).toBe('UNAUTHENTICATED');
    for (const role of [Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY, Role.PARTNER] as const) {
      expect(errorCode(await t.gql(SetValueAddedOutOfCloudPermittedDocument, { appId: '1', permitted: true }, await t.token(role)))).toBe(refusedCode(role));
    }
    expect(errorCode(await t.gql(SetValueAddedOutOfCloudPermittedDocument, { appId: '999999999', permitted: true }, await t.token(Role.OPERATOR)))).toBe('NOT_FOUND');
  });
});

describe('callPermission (role GATEWAY)', () => {
  const ask = (appkey: string, category = 'BASIC', source = 'IN_CLOUD') =>
    t.gql(CallPermissionDocument, { appkey, category: category as 'BASIC', source: source as 'IN_CLOUD' }, gateway).then((r) => r.data!.callPermission);

  it('allows a call within the quota and refuses at the quota: a DEVELOPING app has 5,000 calls a day', async () => {
    const app = await onlineApp('MERCHANT_BACKEND', 'DEVELOPING');
    await t.gql(RecordUsageDocument, { records: [record(app.appkey, { apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 4_999, successful: 4_999 }] })] }, gateway);
    expect(await ask(app.appkey)).toMatchObject({ allowed: true, reason: null, limit: 5_000, usedToday: 4_999, date: '2026-11-20' });
    await t.gql(RecordUsageDocument, { records: [record(app.appkey, { apiCalls: [{ category: 'FREE', source: 'OUT_OF_CLOUD', total: 1, successful: 0 }] })] }, gateway);
    expect(await ask(app.appkey)).toMatchObject({ allowed: false, reason: 'QUOTA_EXHAUSTED', limit: 5_000, usedToday: 5_000 });
  });

  it("yesterday's calls do not count today", async () => {
    const app = await onlineApp('MERCHANT_BACKEND', 'DEVELOPING');
    await t.gql(RecordUsageDocument, { records: [record(app.appkey, { date: '2026-11-19', apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 5_000, successful: 5_000 }] })] }, gateway);
    expect(await ask(app.appkey)).toMatchObject({ allowed: true, usedToday: 0 });
  });

  it('refuses a SUSPENDED app, value-added out of cloud without permission, and an unknown appkey', async () => {
    const suspended = await onlineApp('MERCHANT_BACKEND', 'SUSPENDED');
    expect(await ask(suspended.appkey)).toMatchObject({ allowed: false, reason: 'APP_SUSPENDED', limit: 0 });
    const app = await onlineApp();
    expect(await ask(app.appkey, 'VALUE_ADDED', 'OUT_OF_CLOUD')).toMatchObject({ allowed: false, reason: 'VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN' });
    expect(await ask(app.appkey, 'VALUE_ADDED', 'IN_CLOUD')).toMatchObject({ allowed: true, limit: 100_000 });
    expect(await ask('00000000')).toMatchObject({ allowed: false, reason: 'UNKNOWN_APPKEY' });
  });

  it("billing's arrears hook: a developer restrictedForArrears may call FREE APIs only", async () => {
    const app = await onlineApp();
    await t.ds.query('UPDATE developer SET restricted_for_arrears = 1 WHERE id = ?', [app.dev.id]);
    expect(await ask(app.appkey, 'BASIC')).toMatchObject({ allowed: false, reason: 'DEVELOPER_IN_ARREARS' });
    expect(await ask(app.appkey, 'FREE')).toMatchObject({ allowed: true });
    await t.ds.query('UPDATE developer SET restricted_for_arrears = 0 WHERE id = ?', [app.dev.id]);
    expect(await ask(app.appkey, 'BASIC')).toMatchObject({ allowed: true });
  });
});

describe('role matrix: roles outside each operation are FORBIDDEN, anonymous callers UNAUTHENTICATED', () => {
  it('each operation admits exactly its roles', async () => {
    const dev = await t.developer();
    const all = [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY] as const;
    const ops: [string, (token?: string) => Promise<unknown>, readonly Role[]][] = [
      ['recordUsage', (tk) => t.gql(RecordUsageDocument, { records: [record('00000000')] }, tk), [Role.GATEWAY]],
      ['callPermission', (tk) => t.gql(CallPermissionDocument, { appkey: '00000000', category: 'BASIC', source: 'IN_CLOUD' }, tk), [Role.GATEWAY]],
      ['setValueAddedOutOfCloudPermitted', (tk) => t.gql(SetValueAddedOutOfCloudPermittedDocument, { appId: '999999999', permitted: true }, tk), [Role.OPERATOR]],
    ];
    for (const [name, call, allowed] of ops) {
      expect([name, errorCode((await call()) as never)]).toEqual([name, 'UNAUTHENTICATED']);
      for (const role of all) {
        const token = role === Role.DEVELOPER ? dev.token : await t.token(role);
        const code = errorCode((await call(token)) as never);
        expect([name, role, code === refusedCode(role)]).toEqual([name, role, !allowed.includes(role)]);
      }
    }
  });
});

/**
 * The gateway's path at platform scale (issue 14, and issue 12 §3), over HTTP against a fresh
 * database; the clock is 2026-11-20 12:00 Beijing. Many gateway nodes at once: overlapping batches in
 * random orders all succeed and the day totals are exactly what the receipts acknowledged; the
 * documented largest batch (500 records) fits the gateway's body limit with room; concurrent
 * operators setting new calendar days all succeed; the quota snapshot agrees with callPermission.
 */
import { Role } from '../../src/domain/common/role';
import { permissionFromSnapshot } from '../../src/domain/usage/quota-snapshot.rule';
import { ApiCategory, CallSource } from '../../src/domain/usage/usage.enums';
import { AppStatus } from '../../src/domain/app/app.enums';
import {
  CallPermissionDocument,
  CreateAppDocument,
  QuotaSnapshotDocument,
  RecordUsageDocument,
  ReportQuotaExhaustedDocument,
  SetCalendarDayDocument,
  UsageRecordInput,
} from '../generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let gateway: string;
beforeAll(async () => {
  t = await TestApp.start();
  gateway = await t.token(Role.GATEWAY, 'gateway-1');
});
afterAll(() => t?.stop());

let seq = 0;
const key = (prefix = 'k') => `${prefix}-${++seq}-${Date.now()}`;

async function app(tagCode = 'MERCHANT_BACKEND', status = 'ONLINE', dev?: { id: string; token: string }) {
  const owner = dev ?? (await t.developer());
  const res = await t.gql(CreateAppDocument, { input: { name: 'Scale App', tagCode, callbackUrl: 'https://example.com/cb', declaredFunctions: [] } }, owner.token);
  const a = res.data!.createApp;
  if (a.__typename !== 'App') throw new Error(JSON.stringify(a));
  await t.ds.query('UPDATE app SET status = ? WHERE id = ?', [status, a.id]);
  return { id: a.id, appkey: a.appkey, dev: owner };
}

/** A small deterministic shuffle, so a failure reproduces. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const daily = async (appIds: string[]) =>
  new Map(
    ((await t.ds.query(`SELECT app_id, DATE_FORMAT(usage_date, '%Y-%m-%d') AS d, meter, quantity, successful FROM usage_daily WHERE app_id IN (${appIds.map(() => '?').join(',')})`, appIds)) as {
      app_id: string;
      d: string;
      meter: string;
      quantity: string;
      successful: string;
    }[]).map((r) => [`${r.app_id}|${r.d}|${r.meter}`, [Number(r.quantity), Number(r.successful)]]),
  );

describe('many gateway nodes at once (8 concurrent clients, overlapping batches, random orders)', () => {
  it('all 32 batches of 60 records on the same 4 apps × 2 days succeed, a resend of each is all DUPLICATE, and every day total is the sum of what was acknowledged', async () => {
    const apps = await Promise.all([app(), app(), app(), app()]);
    const dates = ['2026-11-19', '2026-11-20'];
    const pairs = [
      ['BASIC', 'IN_CLOUD'],
      ['FREE', 'OUT_OF_CLOUD'],
      ['LOGISTICS_TRACKING', 'IN_CLOUD'],
    ] as const;
    // Every record touches every (app, day) of the pool in some order: the lock sets overlap fully.
    const batches = Array.from({ length: 32 }, (_, b) =>
      shuffled(
        Array.from({ length: 60 }, (_, i): UsageRecordInput => {
          const a = apps[i % 4];
          const [category, source] = pairs[(i + b) % 3];
          return {
            idempotencyKey: key(`c${b}`),
            appkey: a.appkey,
            date: dates[Math.floor(i / 4) % 2],
            apiCalls: [{ category, source, total: 10 + (i % 7), successful: 9 + (i % 7) }],
            waliMessages: 1 + (b % 3),
            crmRelations: 1_000 + b * 10 + i,
          };
        }),
        b + 1,
      ),
    );
    const clients = Array.from({ length: 8 }, (_, c) => batches.filter((_, b) => b % 8 === c));
    const answers = await Promise.all(
      clients.map(async (mine) => {
        const out = [];
        for (const records of mine) out.push({ records, res: await t.gql(RecordUsageDocument, { records }, gateway) });
        return out;
      }),
    );
    const all = answers.flat();
    const failures = all.filter(({ res }) => res.data?.recordUsage.__typename !== 'UsageBatchReceipt');
    expect(failures.map(({ res }) => JSON.stringify(res).slice(0, 200))).toEqual([]);

    // Expected totals from the receipts: APPLIED records only; increments add, CRM keeps the highest.
    const expected = new Map<string, [number, number]>();
    const add = (k: string, q: number, s: number, level = false) => {
      const [q0, s0] = expected.get(k) ?? [0, 0];
      expected.set(k, level ? [Math.max(q0, q), 0] : [q0 + q, s0 + s]);
    };
    let applied = 0;
    for (const { records, res } of all) {
      const receipt = res.data!.recordUsage as { records: { index: number; outcome: string }[] };
      for (const { index, outcome } of receipt.records) {
        if (outcome !== 'APPLIED') continue;
        applied++;
        const r = records[index];
        const id = apps.find((a) => a.appkey === r.appkey)!.id;
        for (const c of r.apiCalls!) add(`${id}|${r.date}|API:${c.category}:${c.source}`, c.total, c.successful);
        add(`${id}|${r.date}|WALI_MESSAGES`, r.waliMessages!, 0);
        add(`${id}|${r.date}|CRM_RELATIONS`, r.crmRelations!, 0, true);
      }
    }
    expect(applied).toBe(32 * 60);
    expect(Object.fromEntries(await daily(apps.map((a) => a.id)))).toEqual(Object.fromEntries(expected));

    // Resends from every client at once: all DUPLICATE, nothing changes.
    const before = await daily(apps.map((a) => a.id));
    const again = await Promise.all(clients.map((mine) => t.gql(RecordUsageDocument, { records: mine[0] }, gateway)));
    expect(again.map((r) => r.data!.recordUsage)).toEqual(again.map(() => expect.objectContaining({ applied: 0, duplicates: 60 })));
    expect(await daily(apps.map((a) => a.id))).toEqual(before);
  });

  it('20 concurrent batches on the same app-days, half of them in reverse order, all succeed (none is a deadlock)', async () => {
    const apps = await Promise.all([app(), app(), app()]);
    const batch = (b: number) => {
      const records = apps.flatMap((a) =>
        ['2026-11-18', '2026-11-19', '2026-11-20'].map((date): UsageRecordInput => ({ idempotencyKey: key(`r${b}`), appkey: a.appkey, date, apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 5, successful: 5 }], dataSyncNewOrders: 2 })),
      );
      return b % 2 ? records.reverse() : records;
    };
    const res = await Promise.all(Array.from({ length: 20 }, (_, b) => t.gql(RecordUsageDocument, { records: batch(b) }, gateway)));
    expect(res.map((r) => r.data?.recordUsage.__typename ?? r.errors?.[0]?.extensions?.code)).toEqual(Array(20).fill('UsageBatchReceipt'));
    const totals = await daily(apps.map((a) => a.id));
    for (const a of apps) for (const d of ['2026-11-18', '2026-11-19', '2026-11-20']) expect(totals.get(`${a.id}|${d}|API:BASIC:IN_CLOUD`)).toEqual([100, 100]);
  });

  it('two copies of one batch racing from two nodes apply once: one receipt APPLIED, the other DUPLICATE', async () => {
    const a = await app();
    const records = Array.from({ length: 50 }, (): UsageRecordInput => ({ idempotencyKey: key('twin'), appkey: a.appkey, date: '2026-11-20', waliMessages: 1 }));
    const res = await Promise.all(Array.from({ length: 4 }, () => t.gql(RecordUsageDocument, { records }, gateway)));
    expect(res.map((r) => (r.data!.recordUsage as { applied: number }).applied).sort((x, y) => x - y)).toEqual([0, 0, 0, 50]);
    expect((await daily([a.id])).get(`${a.id}|2026-11-20|WALI_MESSAGES`)).toEqual([50, 0]);
  });
});

describe('the largest batch the contract allows fits the gateway body limit with room', () => {
  it('500 records of every meter at 9-digit counts and 100-character keys (over 100 kb) are accepted from the gateway; the same body from a portal role answers 413', async () => {
    const apps = await Promise.all(Array.from({ length: 5 }, () => app()));
    for (const a of apps) await t.ds.query('UPDATE app SET value_added_out_of_cloud_permitted = 1 WHERE id = ?', [a.id]);
    const calls = Object.values(ApiCategory).flatMap((category) => Object.values(CallSource).map((source) => ({ category, source, total: 999_999_999, successful: 999_999_998 })));
    const records = Array.from({ length: 500 }, (_, i): UsageRecordInput => ({
      idempotencyKey: `${key('max')}-`.padEnd(100, 'x'),
      appkey: apps[i % 5].appkey,
      date: '2026-11-19',
      apiCalls: calls,
      dataSyncNewOrders: 999_999_999,
      dataSyncPackage: 'FLAGSHIP',
      waliMessages: 999_999_999,
      crmRelations: 999_999_999,
    }));
    expect(records.every((r) => r.idempotencyKey.length === 100)).toBe(true);
    const { print } = await import('graphql');
    const body = JSON.stringify({ query: print(RecordUsageDocument), variables: { records } });
    const bytes = Buffer.byteLength(body);
    // Over the portal's 100 kb, and at most half the gateway's 2 mb: room of 2× at least.
    expect(bytes).toBeGreaterThan(100 * 1024);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(t.config.graphql.ingestBodyLimit).toBe('2mb');

    const res = await t.post(body, gateway);
    expect(res.status).toBe(200);
    expect((res.data as { recordUsage: unknown }).recordUsage).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 500, duplicates: 0 });
    const totals = await daily([apps[0].id]);
    expect(totals.get(`${apps[0].id}|2026-11-19|API:VALUE_ADDED:OUT_OF_CLOUD`)).toEqual([100 * 999_999_999, 100 * 999_999_998]);

    const operator = await t.token(Role.OPERATOR);
    const refused = await t.post(body, operator);
    expect(refused.status).toBe(413);
    expect(errorCode(refused)).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('operators setting calendar days at once (issue 12 §3)', () => {
  it('12 concurrent setCalendarDay on 12 new dates all succeed, each with one audit entry whose before is empty', async () => {
    const op = await t.token(Role.OPERATOR, 'op-cal');
    const dates = Array.from({ length: 12 }, (_, i) => `2031-03-${String(i + 1).padStart(2, '0')}`);
    const res = await Promise.all(dates.map((date) => t.gql(SetCalendarDayDocument, { date, kind: 'OFF', note: 'concurrent' }, op)));
    expect(res.map((r) => r.data?.setCalendarDay.__typename ?? r.errors?.[0]?.extensions?.code)).toEqual(Array(12).fill('CalendarDay'));
    const rows = await t.ds.query("SELECT COUNT(*) AS n FROM calendar_day WHERE `date` BETWEEN '2031-03-01' AND '2031-03-12'");
    expect(Number(rows[0].n)).toBe(12);
    const audits: { before: unknown }[] = await t.ds.query("SELECT `before` FROM audit_entry WHERE action = 'setCalendarDay' AND entity_id BETWEEN '2031-03-01' AND '2031-03-12'");
    expect(audits).toHaveLength(12);
    expect(audits.every((a) => a.before === null)).toBe(true);
  });

  it('12 concurrent setCalendarDay on one new date all succeed; exactly one audit entry finds no row before it', async () => {
    const op = await t.token(Role.OPERATOR, 'op-cal-2');
    const res = await Promise.all(Array.from({ length: 12 }, (_, i) => t.gql(SetCalendarDayDocument, { date: '2031-04-01', kind: i % 2 ? 'OFF' : 'WORKDAY', note: `n${i}` }, op)));
    expect(res.map((r) => r.data?.setCalendarDay.__typename ?? r.errors?.[0]?.extensions?.code)).toEqual(Array(12).fill('CalendarDay'));
    const audits: { before: unknown }[] = await t.ds.query("SELECT `before` FROM audit_entry WHERE action = 'setCalendarDay' AND entity_id = '2031-04-01'");
    expect(audits).toHaveLength(12);
    expect(audits.filter((a) => a.before === null)).toHaveLength(1);
  });
});

describe('developers signing in for the first time at once (issue 12 §3, the same shape)', () => {
  const register = (token: string) => t.post({ query: 'mutation { registerDeveloper(input: { name: "Racer", kind: ISV }) { __typename ... on InvalidInput { violations { field rule } } } }' }, token);

  it('12 concurrent registerDeveloper of 12 new subjects all open an account', async () => {
    const tokens = await Promise.all(Array.from({ length: 12 }, () => t.token(Role.DEVELOPER)));
    const res = await Promise.all(tokens.map(register));
    expect(res.map((r) => (r.data as { registerDeveloper?: { __typename: string } })?.registerDeveloper?.__typename ?? r.errors?.[0]?.extensions?.code)).toEqual(Array(12).fill('Developer'));
  });

  it('one subject registering 6 times at once opens one account; the others are told ALREADY_REGISTERED', async () => {
    const token = await t.token(Role.DEVELOPER);
    const res = await Promise.all(Array.from({ length: 6 }, () => register(token)));
    const kinds = res.map((r) => (r.data as { registerDeveloper?: { __typename: string } })?.registerDeveloper?.__typename ?? r.errors?.[0]?.extensions?.code);
    expect(kinds.sort()).toEqual(['Developer', 'InvalidInput', 'InvalidInput', 'InvalidInput', 'InvalidInput', 'InvalidInput']);
    expect(res.flatMap((r) => ((r.data as { registerDeveloper: { violations?: { rule: string }[] } }).registerDeveloper.violations ?? []).map((v) => v.rule))).toEqual(Array(5).fill('ALREADY_REGISTERED'));
  });
});

describe('operators creating catalog rows at once (issue 12 §3, the same shape)', () => {
  it('12 concurrent upsertPackage of 12 new codes and 12 of one new code all succeed; the one code is audited 12 times, once with nothing before', async () => {
    const op = await t.token(Role.OPERATOR, 'op-cat');
    const upsert = (code: string, i: number) =>
      t.post({ query: 'mutation($i: UpsertPackageInput!) { upsertPackage(input: $i) { __typename } }', variables: { i: { code, name: `Race ${i}`, kind: 'VALUE_ADDED', applicationChannel: 'NONE' } } }, op);
    const res = await Promise.all([...Array.from({ length: 12 }, (_, i) => upsert(`RACE_PKG_${i}`, i)), ...Array.from({ length: 12 }, (_, i) => upsert('RACE_PKG_ONE', i))]);
    expect(res.map((r) => (r.data as { upsertPackage?: { __typename: string } })?.upsertPackage?.__typename ?? r.errors?.[0]?.extensions?.code)).toEqual(Array(24).fill('Package'));
    const audits: { before: unknown }[] = await t.ds.query("SELECT `before` FROM audit_entry WHERE action = 'upsertPackage' AND entity_id = 'RACE_PKG_ONE'");
    expect(audits).toHaveLength(12);
    expect(audits.filter((a) => a.before === null)).toHaveLength(1);
  });
});

describe('quotaSnapshot (GATEWAY): what the gateway caches agrees with callPermission', () => {
  type Entry = {
    appkey: string;
    known: boolean;
    status: string | null;
    accountClosed: boolean;
    limit: number | null;
    baseLimit: number | null;
    emergencyCalls: number;
    usedToday: number;
    restrictedForArrears: boolean;
    valueAddedOutOfCloudPermitted: boolean;
    resetsAt: string;
    validUntil: string;
    version: string;
  };
  const snapshot = async (appkeys: string[]) => {
    const res = await t.gql(QuotaSnapshotDocument, { appkeys }, gateway);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.quotaSnapshot as unknown as { date: string; validUntil: string; entries: Entry[] };
  };
  /** The decision a gateway makes locally from an entry. */
  const decideLocally = (e: Entry, category: ApiCategory, source: CallSource) => permissionFromSnapshot({ ...e, status: e.status as AppStatus | null }, category, source);
  const record = (appkey: string, total: number): UsageRecordInput => ({ idempotencyKey: key('snap'), appkey, date: '2026-11-20', apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total, successful: total }] });

  it('for 11 app states and every category × source, the entry decides as callPermission answers; the version changes exactly when an input changes', async () => {
    const dev = await t.developer();
    const online = await app('MERCHANT_BACKEND', 'ONLINE', dev);
    const developing = await app('MERCHANT_BACKEND', 'DEVELOPING');
    const suspended = await app('MERCHANT_BACKEND', 'SUSPENDED');
    const uvBased = await app('WIRELESS_BUYER', 'ONLINE');
    const arrears = await app();
    await t.ds.query('UPDATE developer SET restricted_for_arrears = 1 WHERE id = ?', [arrears.dev.id]);
    const permitted = await app();
    await t.ds.query('UPDATE app SET value_added_out_of_cloud_permitted = 1 WHERE id = ?', [permitted.id]);
    const closed = await app();
    await t.ds.query('UPDATE developer SET closed_at = NOW(3) WHERE id = ?', [closed.dev.id]);
    const exhausted = await app('MERCHANT_BACKEND', 'DEVELOPING');
    await t.gql(RecordUsageDocument, { records: [record(exhausted.appkey, 5_000)] }, gateway);
    const emergency = await app();
    await t.gql(RecordUsageDocument, { records: [record(emergency.appkey, 100_000)] }, gateway); // reaches 100,000: +50,000
    const emergencyExhausted = await app();
    await t.gql(RecordUsageDocument, { records: [record(emergencyExhausted.appkey, 100_000)] }, gateway);
    await t.gql(RecordUsageDocument, { records: [record(emergencyExhausted.appkey, 50_000)] }, gateway);
    const appkeys = [online, developing, suspended, uvBased, arrears, permitted, closed, exhausted, emergency, emergencyExhausted].map((a) => a.appkey).concat('00000000');

    const snap = await snapshot(appkeys);
    expect(snap.entries.map((e) => e.appkey)).toEqual(appkeys);
    const byKey = new Map(snap.entries.map((e) => [e.appkey, e]));
    expect(byKey.get(emergency.appkey)).toMatchObject({ limit: 150_000, baseLimit: 100_000, emergencyCalls: 50_000, usedToday: 100_000 });
    expect(byKey.get(uvBased.appkey)).toMatchObject({ limit: null, status: 'ONLINE' });
    expect(byKey.get('00000000')).toMatchObject({ known: false, status: null });
    let denials = 0;
    for (const appkey of appkeys) {
      for (const category of Object.values(ApiCategory)) {
        for (const source of Object.values(CallSource)) {
          const asked = (await t.gql(CallPermissionDocument, { appkey, category, source }, gateway)).data!.callPermission;
          const local = decideLocally(byKey.get(appkey)!, category, source);
          expect({ appkey, category, source, allowed: local.allowed, reason: local.allowed ? null : local.reason }).toEqual({ appkey, category, source, allowed: asked.allowed, reason: asked.reason });
          expect(asked.limit).toBe(byKey.get(appkey)!.limit);
          if (!asked.allowed) denials++;
        }
      }
    }
    // The states do exercise every refusal: suspended, closed and unknown (10 each), forbidden
    // out-of-cloud value-added, arrears (8), and the two exhausted quotas (10 each).
    expect(denials).toBeGreaterThan(50);

    // Unchanged inputs, unchanged versions; any change, a new version for that app only.
    const same = await snapshot(appkeys);
    expect(same.entries.map((e) => e.version)).toEqual(snap.entries.map((e) => e.version));
    await t.gql(RecordUsageDocument, { records: [record(online.appkey, 1)] }, gateway);
    await t.ds.query('UPDATE app SET status = ? WHERE id = ?', ['SUSPENDED', developing.id]);
    await t.ds.query('UPDATE developer SET restricted_for_arrears = 0 WHERE id = ?', [arrears.dev.id]);
    await t.ds.query('UPDATE app SET value_added_out_of_cloud_permitted = 1 WHERE id = ?', [suspended.id]);
    const changed = await snapshot(appkeys);
    const moved = changed.entries.filter((e, i) => e.version !== snap.entries[i].version).map((e) => e.appkey);
    expect(moved.sort()).toEqual([online.appkey, developing.appkey, arrears.appkey, suspended.appkey].sort());
    // An emergency grant reported by the gateway changes the version too.
    await t.gql(ReportQuotaExhaustedDocument, { appkey: permitted.appkey }, gateway);
    const granted = await snapshot([permitted.appkey]);
    expect(granted.entries[0]).toMatchObject({ limit: 150_000, emergencyCalls: 50_000 });
    expect(granted.entries[0].version).not.toBe(byKey.get(permitted.appkey)!.version);
  });

  it('valid until the earlier of now + 60 s and 24:00 Beijing; the reset time is 24:00 Beijing of today', async () => {
    const a = await app();
    const noon = await snapshot([a.appkey]);
    expect(noon).toMatchObject({ date: '2026-11-20', validUntil: '2026-11-20T04:01:00.000Z' });
    expect(noon.entries[0]).toMatchObject({ resetsAt: '2026-11-20T16:00:00.000Z', validUntil: '2026-11-20T04:01:00.000Z' });
    t.clock.set('2026-11-20T15:59:30Z'); // 23:59:30 Beijing: the day ends first
    const late = await snapshot([a.appkey]);
    expect(late.entries[0]).toMatchObject({ resetsAt: '2026-11-20T16:00:00.000Z', validUntil: '2026-11-20T16:00:00.000Z' });
    t.clock.set('2026-11-20T16:00:00Z'); // a new Beijing day: new date, new version
    const next = await snapshot([a.appkey]);
    expect(next).toMatchObject({ date: '2026-11-21' });
    expect(next.entries[0].version).not.toBe(late.entries[0].version);
    t.clock.set('2026-11-20T04:00:00Z');
  });

  it('1,000 appkeys answer in as many statements as 1 (no N+1); 1,001 and none are refused with BAD_USER_INPUT', async () => {
    const a = await app();
    const one = await t.queries.during(() => snapshot([a.appkey]));
    const many = Array.from({ length: 999 }, (_, i) => String(80_000_000 + i)).concat(a.appkey);
    const thousand = await t.queries.during(() => snapshot(many));
    expect(thousand.result.entries).toHaveLength(1000);
    expect(thousand.result.entries.filter((e) => e.known)).toHaveLength(1);
    expect(thousand.statements.length).toBe(one.statements.length);
    expect(errorCode(await t.gql(QuotaSnapshotDocument, { appkeys: many.concat('1') }, gateway))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(QuotaSnapshotDocument, { appkeys: [] }, gateway))).toBe('BAD_USER_INPUT');
  });
});

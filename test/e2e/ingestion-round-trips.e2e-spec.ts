/**
 * What a usage batch costs the database, counted in round trips (issue 14: a batch of one at
 * ≤ 2× the raw transaction, whose BEGIN, two multi-row statements and COMMIT are 4 round trips).
 * The server reaches MariaDB through a TCP proxy that counts the COM_QUERY commands it forwards;
 * the clock is 2026-11-20 12:00 Beijing.
 */
import { Role } from '../../src/domain/common/role';
import { CreateAppDocument, RecordUsageDocument, UsageRecordInput } from '../generated/graphql';
import { DbProxy } from '../support/db-proxy';
import { TestApp } from '../support/test-app';

let proxy: DbProxy;
let t: TestApp;
let gateway: string;
let appkeys: string[];
beforeAll(async () => {
  const db = new URL(process.env.DATABASE_URL ?? 'mariadb://portal:portal@127.0.0.1:3306/portal');
  proxy = await DbProxy.start({ host: db.hostname, port: Number(db.port || 3306) });
  t = await TestApp.start({ databasePort: proxy.port });
  gateway = await t.token(Role.GATEWAY, 'gateway-rt');
  const dev = await t.developer();
  appkeys = [];
  for (let i = 0; i < 3; i++) {
    const res = await t.gql(CreateAppDocument, { input: { name: `Round trip ${i}`, tagCode: 'MERCHANT_BACKEND', callbackUrl: 'https://example.com/cb', declaredFunctions: [] } }, dev.token);
    const a = res.data!.createApp;
    if (a.__typename !== 'App') throw new Error(JSON.stringify(a));
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [a.id]);
    appkeys.push(a.appkey);
  }
  // Warm both pools (a new connection costs its session statement): not counted below.
  await send(batch(1, 'warm'));
});
afterAll(async () => {
  await t?.stop();
  await proxy?.close();
});

let seq = 0;
const batch = (n: number, prefix: string): UsageRecordInput[] =>
  Array.from({ length: n }, (_, i) => ({
    idempotencyKey: `${prefix}-${++seq}`,
    appkey: appkeys[i % appkeys.length],
    date: '2026-11-19',
    apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 5, successful: 4 }],
    dataSyncNewOrders: 2,
    waliMessages: 1,
  })) as UsageRecordInput[];

async function send(records: UsageRecordInput[]) {
  const res = await t.gql(RecordUsageDocument, { records }, gateway);
  return res.data!.recordUsage;
}

/** The receipt (or refusal) of one request, and the COM_QUERY commands it sent. */
async function counted(records: UsageRecordInput[]) {
  const before = proxy.queries;
  const payload = await send(records);
  return { payload, queries: proxy.queries - before };
}

describe('round trips of a usage batch (the raw transaction takes 4)', () => {
  it('a new batch of apps a recent batch read takes 1 (START, both multi-row writes, the stamps, COMMIT as one query), of 1 record or of 500; with an app not read before, 2', async () => {
    // The warm-up batch read appkeys[0]; the other two are read by the first batch of 500.
    const one = await counted(batch(1, 'one'));
    expect(one.payload).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 1, duplicates: 0 });
    expect(one.queries).toBe(1);
    const first = await counted(batch(500, 'many'));
    expect(first.payload).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 500, duplicates: 0 });
    expect(first.queries).toBe(2);
    const many = await counted(batch(500, 'many'));
    expect(many.payload).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 500, duplicates: 0 });
    expect(many.queries).toBe(1);
  });

  it('a resend of a whole batch takes 4 and writes nothing: the write stopped by the stored key, its ROLLBACK, the apps read again, the stored keys', async () => {
    const records = batch(20, 'resend');
    await send(records);
    const [before] = await t.ds.query("SELECT COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS q FROM usage_daily u JOIN app a ON a.id = u.app_id WHERE a.appkey IN (?, ?, ?)", appkeys);
    const again = await counted(records);
    expect(again.payload).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 0, duplicates: 20 });
    expect(again.queries).toBe(4);
    const [after] = await t.ds.query("SELECT COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS q FROM usage_daily u JOIN app a ON a.id = u.app_id WHERE a.appkey IN (?, ?, ?)", appkeys);
    expect(after).toEqual(before);
  });

  it('a batch of 10 new and 10 resent records takes 5 and applies exactly the 10 new ones: the stopped write, its ROLLBACK, the apps, the stored keys, the write', async () => {
    const old = batch(10, 'mixed-old');
    await send(old);
    const [before] = await t.ds.query("SELECT COALESCE(SUM(quantity), 0) AS q FROM usage_daily u JOIN app a ON a.id = u.app_id WHERE a.appkey IN (?, ?, ?) AND u.meter = 'API:BASIC:IN_CLOUD'", appkeys);
    const mixed = await counted([...old, ...batch(10, 'mixed-new')]);
    expect(mixed.payload).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 10, duplicates: 10 });
    expect(mixed.queries).toBe(5);
    const [after] = await t.ds.query("SELECT COALESCE(SUM(quantity), 0) AS q FROM usage_daily u JOIN app a ON a.id = u.app_id WHERE a.appkey IN (?, ?, ?) AND u.meter = 'API:BASIC:IN_CLOUD'", appkeys);
    // 10 new records of 5 calls each.
    expect(Number(after.q) - Number(before.q)).toBe(50);
  });

  it('a refused batch (an unknown appkey) takes 2, the read and the stored keys, and writes nothing', async () => {
    const records = [...batch(2, 'refused'), { ...batch(1, 'refused')[0], appkey: 'no-such-appkey' }];
    const refused = await counted(records);
    expect(refused.payload.__typename).toBe('InvalidInput');
    expect(refused.queries).toBe(2);
    const [stored] = await t.ds.query("SELECT COUNT(*) AS n FROM usage_record WHERE idempotency_key LIKE 'refused-%'");
    expect(Number(stored.n)).toBe(0);
  });

  it("the request pool still takes one statement per query: only the ingestion's own pool joins statements", async () => {
    await expect(t.ds.query('SELECT 1; SELECT 2')).rejects.toMatchObject({ driverError: { code: 'ER_PARSE_ERROR' } });
  });
});

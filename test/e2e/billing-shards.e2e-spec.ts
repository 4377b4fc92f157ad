/**
 * Billing runs in shards, billed by worker processes (issue 16): a run is cut into owner ranges
 * recorded in `billing_shard`; forked workers (`src/cli/billing-worker.ts`, as `npm run billing --
 * … --workers N` forks them) claim shards with FOR UPDATE SKIP LOCKED on this file's database. The
 * rules checked, with DOMAIN §5's figures (0.2/100 basic calls out of cloud, DAILY_50 and the new-ISV
 * 200 coupon in 2022-07, settlement oldest first): two and four workers write exactly the bills,
 * lines, ledger entries, balances and arrears flags one worker writes; a worker SIGKILLed in the
 * middle of a shard leaves it to another worker, which completes it after the lease expires with
 * nothing doubled or lost; a run whose shards are all done is a no-op.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { BillingPlatform } from '../../src/billing/billing.enums';
import { BillingPeriod } from '../../src/billing/period';
import { WorkerPool } from '../../src/cli/worker-pool';
import { createDataSource } from '../../src/db/data-source';
import { BillingRunService, usageDailySource, UsageSource } from '../../src/services/billing/billing-run.service';
import { SandboxPaymentProvider } from '../../src/services/billing/payment-provider';
import { RechargeDocument, RecordUsageDocument, SetBillingTermsDocument } from '../generated/graphql';
import { App, BillingFixture, calls, Dev } from '../support/billing-fixture';
import { TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;
const DAY = '2022-07-01';
const DEVS = 12;
const APPS_PER_DEV = 5;
const apps: App[] = [];
const devs: Dev[] = [];

// Small shards and chunks, so 60 apps make several shards of several chunks each.
// A 30-second lease, but 2 seconds where a worker is killed (the next one waits that long).
const WORKER_ENV = (leaseSeconds = 30, shardsAtOnce = 2) => ({
  ...process.env,
  DATABASE_URL: t.databaseUrl,
  BILLING_SHARD_APPS: '10',
  BILLING_CHUNK_APPS: '4',
  BILLING_LEASE_SECONDS: String(leaseSeconds),
  BILLING_WORKER_SHARDS: String(shardsAtOnce),
});
const runs = () => new BillingRunService(t.ds, t.clock, new SandboxPaymentProvider(), undefined, { shardApps: 10, chunkApps: 4 });

beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' });
  f = await BillingFixture.of(t);
  const operator = f.operator;
  for (let d = 0; d < DEVS; d++) {
    const dev = await t.developer(`Shard dev ${d}`);
    devs.push(dev);
    // Balances: none (stays in arrears), plenty, 150.00 (pays its oldest bills, then is stuck), a new ISV with 500.00 (200 coupons).
    const balance = ['0', '1000000.00', '150.00', '500.00'][d % 4];
    if (balance !== '0') expect((await t.gql(RechargeDocument, { amount: balance, idempotencyKey: `seed-${d}` }, dev.token)).data!.recharge.__typename).toBe('BillingAccount');
    if (d % 4 === 3) expect((await t.gql(SetBillingTermsDocument, { developerId: dev.id, newIsv: true }, operator)).data!.setBillingTerms.__typename).toBe('BillingAccount');
    for (let a = 0; a < APPS_PER_DEV; a++) apps.push(await f.newApp(dev));
  }
  const records = apps.map((app, i) => ({
    idempotencyKey: `shard-${i}`,
    appkey: app.appkey,
    date: DAY,
    apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 10_000 + i * 7_919)],
    dataSyncNewOrders: (i * 104_729) % 1_300_000,
  }));
  const res = await t.gql(RecordUsageDocument, { records }, f.gateway);
  expect(res.data!.recordUsage.__typename).toBe('UsageBatchReceipt');
  // What billing changes besides its own rows, kept to put back between runs.
  await t.ds.query('CREATE TABLE saved_account AS SELECT developer_id, balance, deposit FROM billing_account');
  await t.ds.query('CREATE TABLE saved_flag AS SELECT id, restricted_for_arrears FROM developer');
}, 120_000);
afterAll(() => t?.stop());

/** Every result of billing the day, named by app rather than by bill id: bills, lines, ledger entries, balances, arrears flags. */
async function results(): Promise<Record<string, string[]>> {
  const rows = async (sql: string, params: unknown[] = [DAY]) => ((await t.ds.query(sql, params)) as Record<string, unknown>[]).map((r) => Object.values(r).map(String).join('|'));
  return {
    bills: await rows(
      `SELECT app_id, appkey, developer_id, period, status, total, coupon_total, price_list_id, issued_on, DATE_FORMAT(paid_at, '%Y-%m-%d %T.%f') FROM bill WHERE period = ? ORDER BY app_id`,
    ),
    lines: await rows(
      `SELECT b.app_id, l.position, l.kind, l.code, l.quantity, l.unit_price, l.precise_amount, l.amount, l.explanation FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.period = ? ORDER BY b.app_id, l.position`,
    ),
    ledger: await rows(
      `SELECT e.developer_id, b.app_id, e.kind, e.amount, e.note FROM ledger_entry e JOIN bill b ON b.id = e.bill_id WHERE b.period = ? ORDER BY b.app_id, e.kind`,
    ),
    accounts: await rows(`SELECT a.developer_id, a.balance, a.deposit, (SELECT COALESCE(SUM(amount), 0) FROM ledger_entry e WHERE e.developer_id = a.developer_id) FROM billing_account a ORDER BY 1`, []),
    flags: await rows(`SELECT id, restricted_for_arrears FROM developer ORDER BY id`, []),
  };
}

/** Undoes a billing of the day (bills, lines, their ledger entries, balances, flags) so the next run starts from the same data. */
async function unbill(): Promise<void> {
  await t.ds.query(`DELETE l FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.period = ?`, [DAY]);
  await t.ds.query(`DELETE e FROM ledger_entry e JOIN bill b ON b.id = e.bill_id WHERE b.period = ?`, [DAY]);
  await t.ds.query(`DELETE FROM bill WHERE period = ?`, [DAY]);
  await t.ds.query('UPDATE billing_account a JOIN saved_account s USING (developer_id) SET a.balance = s.balance, a.deposit = s.deposit');
  await t.ds.query('UPDATE developer d JOIN saved_flag s ON s.id = d.id SET d.restricted_for_arrears = s.restricted_for_arrears');
}

/** Starts a run of the day with the test's clock and bills it with `n` forked worker processes, each billing `shardsAtOnce` shards at a time. */
async function billWithWorkers(n: number, shardsAtOnce = 2): Promise<{ runId: string; shardCount: number; billsCreated: number }> {
  const started = await runs().start(BillingPlatform.TAOBAO, DAY);
  if (!started.ok) throw new Error(JSON.stringify(started.refusal));
  const pool = await WorkerPool.start(n, WORKER_ENV(30, shardsAtOnce));
  try {
    const r = await pool.bill(started.value.runId);
    expect(r.failures).toEqual([]);
    expect(r.reports).toHaveLength(n);
    return { ...started.value, billsCreated: r.reports.reduce((s, x) => s + x.billsCreated, 0) };
  } finally {
    await pool.close();
  }
}

const runRow = async (runId: string) => (await t.ds.query('SELECT state, shard_count, shards_done FROM billing_run WHERE id = ?', [runId]))[0];

let reference: Record<string, string[]>;

describe('one, two and four workers', () => {
  it('one worker in-process (runBilling over GraphQL) bills the 60 apps: 0.2/100 basic calls, DAILY_50 or the new-ISV 200 coupon, settled oldest first', async () => {
    const report = await f.run('TAOBAO', DAY);
    expect(report).toMatchObject({ __typename: 'BillingRunReport', appsConsidered: 60, billsCreated: 60, billsSkipped: 0 });
    reference = await results();
    expect(reference.bills).toHaveLength(60);
    // App 0: 10,000 basic calls × 0.2/100 = 20.00, 0 orders; the DAILY_50 coupon covers it, total 0.00, developer 0 has no balance: unpaid.
    expect(reference.bills[0]).toContain('|0.00|20.00|');
    // The new-ISV developers' bills carry the 200 coupon (up to the bill), the others' 50 at most.
    const coupons = reference.bills.map((b) => Number(b.split('|')[6]));
    expect(Math.max(...coupons)).toBeGreaterThan(50);
    expect(coupons.every((c) => c <= 200)).toBe(true);
    // Every balance equals its ledger sum; developers with 150.00 paid some bills and are stuck on the next.
    for (const a of reference.accounts) expect(a.split('|')[1]).toBe(Number(a.split('|')[3]).toFixed(2));
    const statuses = new Set(reference.bills.map((b) => b.split('|')[4]));
    expect(statuses).toEqual(new Set(['PAID', 'UNPAID']));
  });

  it.each([
    [2, 2],
    [4, 2],
    [1, 1],
    [1, 3],
  ])('%i worker processes billing %i shards each at once, over shards of 10 apps, write exactly the same bills, lines, ledger, balances and flags', async (n, shardsAtOnce) => {
    await unbill();
    const { runId, shardCount, billsCreated } = await billWithWorkers(n, shardsAtOnce);
    expect(shardCount).toBe(7); // 60 apps of 12 developers (5 each) by 10: 6 shards of two developers each, and the open last one
    expect(billsCreated).toBe(60);
    expect(await runRow(runId)).toMatchObject({ state: 'DONE', shard_count: shardCount, shards_done: shardCount });
    const [{ attempts, workers }] = await t.ds.query(`SELECT SUM(attempts) AS attempts, COUNT(DISTINCT SUBSTRING_INDEX(lease_owner, ':', 2)) AS workers FROM billing_shard WHERE run_id = ?`, [runId]);
    expect(Number(attempts)).toBe(shardCount); // each shard claimed once
    expect(Number(workers)).toBe(0); // every lease released
    expect(await results()).toEqual(reference);
  });
});

describe('a worker killed in the middle of a shard', () => {
  it('leaves a shard that another worker (npm run billing -- worker <run>) completes after the lease: nothing doubled or lost', async () => {
    await unbill();
    // One shard for the whole day, chunks of 4 apps; the 7th developer's account is locked here, so the
    // worker commits the chunks before it and then waits inside the chunk that settles that developer.
    const started = await new BillingRunService(t.ds, t.clock, new SandboxPaymentProvider(), undefined, { shardApps: 1000, chunkApps: 4, leaseSeconds: 2 }).start(BillingPlatform.TAOBAO, DAY);
    if (!started.ok) throw new Error(JSON.stringify(started.refusal));
    const { runId } = started.value;
    expect(started.value.shardCount).toBe(1);
    const owners = devs.map((d) => d.id).sort();
    const blocker = t.ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('SELECT developer_id FROM billing_account WHERE developer_id = ? FOR UPDATE', [owners[6]]);

    const pool = await WorkerPool.start(1, { ...WORKER_ENV(2), BILLING_SHARD_APPS: '1000' });
    const [pid] = pool.pids;
    const billed = pool.bill(runId);
    // Wait until the worker's settlement statement waits on the locked account.
    const dbName = new URL(t.databaseUrl).pathname.slice(1);
    for (let i = 0; ; i++) {
      const [{ n }] = await t.ds.query(`SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%billing_account%FOR UPDATE%' AND ID <> CONNECTION_ID()`, [dbName]);
      if (Number(n) > 0) break;
      if (i > 600) throw new Error('the worker never reached the locked account');
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(pid, 'SIGKILL');
    const killed = await billed;
    expect(killed.failures).toEqual([`worker ${pid} exited (SIGKILL)`]);
    await pool.close();
    await blocker.rollbackTransaction();
    await blocker.release();

    // Mid-shard: the chunks before the locked developer are committed whole, the rest not at all.
    const [shard] = await t.ds.query('SELECT state, attempts, bills_created, lines_written FROM billing_shard WHERE run_id = ?', [runId]);
    expect(shard).toMatchObject({ state: 'CLAIMED', attempts: 1 });
    const done = Number(shard.bills_created);
    expect(done).toBeGreaterThanOrEqual(4);
    expect(done).toBeLessThan(60);
    expect(done % 4).toBe(0);
    const [{ bills, n_lines: lines }] = await t.ds.query(`SELECT COUNT(DISTINCT b.id) AS bills, COUNT(l.bill_id) AS n_lines FROM bill b LEFT JOIN bill_line l ON l.bill_id = b.id WHERE b.period = ?`, [DAY]);
    expect([Number(bills), Number(lines)]).toEqual([done, Number(shard.lines_written)]);
    expect(await runRow(runId)).toMatchObject({ state: 'RUNNING', shards_done: 0 });

    // Another worker, as another machine starts one: it waits for the 2-second lease, takes the shard over and finishes it.
    const other = await cli(['worker', runId], WORKER_ENV(2));
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout)).toMatchObject({ runId, billsCreated: 60 - done, billsSkipped: 0 });
    expect(await runRow(runId)).toMatchObject({ state: 'DONE', shards_done: 1 });
    const [after] = await t.ds.query('SELECT state, attempts, bills_created, lease_owner FROM billing_shard WHERE run_id = ?', [runId]);
    expect(after).toMatchObject({ state: 'DONE', attempts: 2, bills_created: 60, lease_owner: null });
    expect(await results()).toEqual(reference);
  }, 120_000);
});

describe('a bill another run writes between reading a chunk and writing it', () => {
  it('rolls the one-batch write of the chunk back and writes it the statement way: that bill left alone, every other one as one worker writes it', async () => {
    await unbill();
    // A worker's batch connections (multiple statements, LOAD DATA): its chunks go in one batch each,
    // bills and lines by LOAD DATA, the lines naming their bill by its place after the first id.
    const batch = await createDataSource(t.config, t.databaseUrl, { batch: true }).initialize();
    try {
      let raced: string | null = null;
      // The racing run commits its bill for the second app of the first chunk just after the chunk is read.
      const racing: UsageSource = {
        ...usageDailySource,
        async appsToBill(em, platform, period, range, after, limit) {
          const page = await usageDailySource.appsToBill(em, platform, period, range, after, limit);
          if (raced === null && page.length > 1) {
            raced = page[1].id;
            await t.ds.query(
              `INSERT INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on)
               SELECT id, appkey, owner_id, 'TAOBAO', ?, ?, ?, 'UNPAID', 0, 0, 'other', 'other-run', ? FROM app WHERE id = ?`,
              [DAY, DAY, DAY, DAY, raced],
            );
          }
          return page;
        },
      };
      const service = new BillingRunService(batch, t.clock, new SandboxPaymentProvider(), racing, { shardApps: 10, chunkApps: 4, shardsPerWorker: 1 });
      const started = await service.start(BillingPlatform.TAOBAO, DAY);
      if (!started.ok) throw new Error(JSON.stringify(started.refusal));
      const report = await service.work(started.value.runId);
      expect(report).toMatchObject({ appsConsidered: 60, billsCreated: 59, billsSkipped: 1 });
      const now = await results();
      const notRaced = (field: number) => (row: string) => row.split('|')[field] !== raced;
      // The other run's bill as it wrote it, without lines of this run.
      expect(now.bills.filter((b) => !notRaced(0)(b))).toEqual([expect.stringMatching(/\|UNPAID\|0\.00\|0\.00\|other\||\|PAID\|0\.00\|0\.00\|other\|/)]);
      expect(now.lines.filter((l) => !notRaced(0)(l))).toEqual([]);
      // Every other bill, line and ledger entry exactly as one worker writes them; every balance its ledger sum.
      expect(now.bills.filter(notRaced(0))).toEqual(reference.bills.filter(notRaced(0)));
      expect(now.lines.filter(notRaced(0))).toEqual(reference.lines.filter(notRaced(0)));
      expect(now.ledger.filter(notRaced(1))).toEqual(reference.ledger.filter(notRaced(1)));
      for (const a of now.accounts) expect(a.split('|')[1]).toBe(Number(a.split('|')[3]).toFixed(2));
    } finally {
      await batch.destroy();
    }
  }, 60_000);
});

describe('a run whose shards are all done', () => {
  it('is a no-op: a worker on it claims nothing and writes nothing, and a new run of the day bills nothing', async () => {
    const [{ id: runId }] = await t.ds.query(`SELECT id FROM billing_run WHERE state = 'DONE' ORDER BY created_at DESC LIMIT 1`);
    const before = await results();
    const shardsBefore = await t.ds.query('SELECT id, attempts, bills_created FROM billing_shard WHERE run_id = ? ORDER BY id', [runId]);
    const again = await cli(['worker', runId], WORKER_ENV());
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ runId, appsConsidered: 0, billsCreated: 0, linesWritten: 0, total: '0.00' });
    expect(await t.ds.query('SELECT id, attempts, bills_created FROM billing_shard WHERE run_id = ? ORDER BY id', [runId])).toEqual(shardsBefore);
    expect(await f.run('TAOBAO', DAY)).toMatchObject({ appsConsidered: 0, billsCreated: 0, total: '0.00' });
    expect(await results()).toEqual(before);
    expect((await cli(['worker', '00000000-0000-4000-8000-000000000000'], WORKER_ENV())).code).toBe(1);
  }, 60_000);
});

describe('the chunk reader', () => {
  it('pages the apps with usage in the period and no bill for it, in owner then app order, past pages of apps it skips', async () => {
    // Inside a transaction rolled back at the end: the day billed for every app but every third
    // from the 14th on, the usage of some of those zeroed (quantity 0 is no usage), so a chunk of 4 must look past several
    // pages of 4 apps that are billed or unused to fill itself.
    const qr = t.ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      const ordered: { id: string; owner_id: string }[] = await qr.query(`SELECT id, owner_id FROM app WHERE billing_platform = 'TAOBAO' ORDER BY owner_id, id`);
      const unbilled = ordered.filter((_, i) => i >= 13 && i % 3 === 0).map((a) => String(a.id));
      const unused = unbilled.filter((_, i) => i % 4 === 1);
      await qr.query(`DELETE FROM bill WHERE period = ?`, [DAY]);
      await qr.query(
        `INSERT INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on)
         SELECT id, appkey, owner_id, 'TAOBAO', ?, ?, ?, 'UNPAID', 0, 0, 'test', 'test', ? FROM app WHERE billing_platform = 'TAOBAO' AND id NOT IN (${unbilled.map(() => '?').join(',')})`,
        [DAY, DAY, DAY, DAY, ...unbilled],
      );
      await qr.query(`UPDATE usage_daily SET quantity = 0 WHERE usage_date = ? AND app_id IN (${unused.map(() => '?').join(',')})`, [DAY, ...unused]);
      // The rule, as one plain statement.
      const expected: string[] = (
        await qr.query(
          `SELECT a.id FROM app a WHERE a.billing_platform = 'TAOBAO'
             AND EXISTS (SELECT 1 FROM usage_daily u WHERE u.app_id = a.id AND u.usage_date = ? AND u.quantity > 0)
             AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.app_id = a.id AND b.platform = 'TAOBAO' AND b.period = ?)
           ORDER BY a.owner_id, a.id`,
          [DAY, DAY],
        )
      ).map((r: { id: string }) => String(r.id));
      expect(expected).toEqual(unbilled.filter((id) => !unused.includes(id)));
      expect(expected.length).toBeGreaterThan(8);
      const period: BillingPeriod = { key: DAY, start: DAY, end: DAY, days: 1 };
      const pages: string[][] = [];
      for (let after = null as { ownerId: string; appId: string } | null; ; ) {
        const page = await usageDailySource.appsToBill(qr.manager, BillingPlatform.TAOBAO, period, { ownerAfter: null, ownerUpto: null }, after, 4);
        pages.push(page.map((a) => a.id));
        if (page.length < 4) break;
        after = { ownerId: page[3].owner_id, appId: page[3].id };
      }
      expect(pages.flat()).toEqual(expected);
      expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
      // Within a shard's owner range only: the range's own apps, the same way.
      const owners = [...new Set(ordered.map((a) => a.owner_id))];
      const range = { ownerAfter: owners[3], ownerUpto: owners[8] };
      const inRange = new Set(ordered.filter((a) => a.owner_id > range.ownerAfter && a.owner_id <= range.ownerUpto).map((a) => String(a.id)));
      const all = await usageDailySource.appsToBill(qr.manager, BillingPlatform.TAOBAO, period, range, null, 1000);
      expect(all.map((a) => a.id)).toEqual(expected.filter((id) => inRange.has(id)));
      // Each app comes with its period usage, read with the probe: what the usage reader reads for it.
      const read = await usageDailySource.usageOf(qr.manager, all.map((a) => a.id), period);
      expect(all.map((a) => a.usage)).toEqual(all.map((a) => read.get(a.id)));
      expect(all.every((a) => Object.keys(a.usage!.totals).length > 0)).toBe(true);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });
});

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** `npm run billing -- <args>` in a child process. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'src', 'cli', 'billing-cli.ts'), ...args], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

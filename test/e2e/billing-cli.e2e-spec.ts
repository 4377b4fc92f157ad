/**
 * The billing command line (issue 5: "a CLI (`npm run billing -- ...`) with a progress bar"), run
 * as a real child process against this file's database, as cron or an operator runs it. Its bills
 * are read back over GraphQL. The CLI's clock is the real one, so the periods are long over.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs, USAGE } from '../../src/cli/billing-cli';
import { Role } from '../../src/domain/common/role';
import { AuditLogDocument, BillingAccountDocument, BillsDocument, CreateAppDocument, RecordUsageDocument, RunBillingDocument, SetAppBillingPlatformDocument, SetBillingTermsDocument } from '../generated/graphql';
import { TestApp } from '../support/test-app';

let t: TestApp;
let operator: string;
let gateway: string;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' });
  operator = await t.token(Role.OPERATOR);
  gateway = await t.token(Role.GATEWAY);
});
afterAll(() => t?.stop());

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `npm run billing -- <args>`'s program in a child process on this file's database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'src', 'cli', 'billing-cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.databaseUrl }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function appWithOrders(date: string, orders: number): Promise<string> {
  const dev = await t.developer();
  const created = (await t.gql(CreateAppDocument, { input: { name: 'CLI app', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token)).data!.createApp;
  if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
  const res = await t.gql(RecordUsageDocument, { records: [{ idempotencyKey: `k-${randomUUID()}`, appkey: created.appkey, date, dataSyncNewOrders: orders }] }, gateway);
  expect(res.data!.recordUsage.__typename).toBe('UsageBatchReceipt');
  return created.id;
}

describe('npm run billing -- TAOBAO <day>', () => {
  it("bills 000's FAQ day (12,000 orders → 12.00; 1,300,000 → 1,120.00) with a progress bar, prints the report, audits the run; a rerun bills nothing", async () => {
    const small = await appWithOrders('2021-06-02', 12_000);
    const large = await appWithOrders('2021-06-02', 1_300_000);

    const first = await cli('TAOBAO', '2021-06-02');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('[##############################] 1/1 shards 100%, 2 apps billed');
    expect(JSON.parse(first.stdout)).toMatchObject({ platform: 'TAOBAO', period: '2021-06-02', appsConsidered: 2, billsCreated: 2, total: '1132.00' });

    const bills = (await t.gql(BillsDocument, { filter: { period: '2021-06-02' } }, operator)).data!.bills.edges.map((e) => [e.node.appId, e.node.total]);
    expect(bills.sort()).toEqual([[small, '12.00'], [large, '1120.00']].sort());

    const audit = (await t.gql(AuditLogDocument, { action: 'runBilling', entityId: 'TAOBAO:2021-06-02' }, operator)).data!.auditLog.edges.map((e) => e.node);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: 'OPERATOR', entityType: 'BillingRun' });
    expect(audit[0].actorId).toMatch(/^cli:/);

    const again = await cli('TAOBAO', '2021-06-02');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ appsConsidered: 0, billsCreated: 0, total: '0.00' });
    expect((await t.gql(BillsDocument, { filter: { period: '2021-06-02' } }, operator)).data!.bills.totalCount).toBe(2);
  });

  it('--workers 2 bills a Taobao day and a Douyin month (DOMAIN §6: 50,000 basic calls out of cloud × 0.2/100 = 100.00) in two worker processes over the same shards', async () => {
    const taobao = await appWithOrders('2021-06-03', 1_300_000); // 1,120.00
    const dev = await t.developer();
    const created = (await t.gql(CreateAppDocument, { input: { name: 'Douyin workers app', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token)).data!.createApp;
    if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
    await t.gql(SetAppBillingPlatformDocument, { appId: created.id, platform: 'DOUYIN' }, operator);
    const calls = { category: 'BASIC', source: 'OUT_OF_CLOUD', total: 50_000, successful: 50_000 } as const;
    await t.gql(RecordUsageDocument, { records: [{ idempotencyKey: `k-${randomUUID()}`, appkey: created.appkey, date: '2026-08-10', apiCalls: [calls] }] }, gateway);

    const day = await cli('TAOBAO', '2021-06-03', '--workers', '2');
    expect(day.code).toBe(0);
    expect(day.stderr).toMatch(/billing run [0-9a-f-]{36}: \d+ shards; more workers: npm run billing -- worker [0-9a-f-]{36}/);
    expect(JSON.parse(day.stdout)).toMatchObject({ period: '2021-06-03', appsConsidered: 1, billsCreated: 1, total: '1120.00' });
    const month = await cli('DOUYIN', '2026-08', '--workers', '2');
    expect(month.code).toBe(0);
    expect(JSON.parse(month.stdout)).toMatchObject({ platform: 'DOUYIN', period: '2026-08', billsCreated: 1, total: '100.00' });
    const bills = (await t.gql(BillsDocument, { filter: { appId: created.id } }, operator)).data!.bills.edges.map((e) => [e.node.period, e.node.total]);
    expect(bills).toEqual([['2026-08', '100.00']]);
    expect((await t.gql(BillsDocument, { filter: { appId: taobao, period: '2021-06-03' } }, operator)).data!.bills.totalCount).toBe(1);
    const [{ n }] = await t.ds.query(`SELECT COUNT(*) AS n FROM billing_run WHERE period IN ('2021-06-03', '2026-08') AND state = 'DONE'`);
    expect(Number(n)).toBe(2);
  });

  it('a period that is not over is refused with exit code 1 and the rule on stderr; bad arguments exit 2 with the usage', async () => {
    const refused = await cli('TAOBAO', '2999-01-01');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PERIOD_NOT_OVER');
    expect(refused.stdout).toBe('');

    const bad = await cli();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(USAGE);
    for (const args of [['ALIPAY', '2021-06-02'], ['TAOBAO'], ['TAOBAO', '2021-06-02', 'extra'], ['arrears', 'now']]) expect(parseArgs(args)).toBeNull();
    expect(parseArgs(['douyin', '2026-10'])).toEqual({ kind: 'run', platform: 'DOUYIN', period: '2026-10', workers: null });
    expect(parseArgs(['TAOBAO', '2026-11-30', '--workers', '4'])).toEqual({ kind: 'run', platform: 'TAOBAO', period: '2026-11-30', workers: 4 });
    for (const args of [['TAOBAO', '2026-11-30', '--workers'], ['TAOBAO', '2026-11-30', '--workers', '0'], ['TAOBAO', '2026-11-30', '--workers', '65'], ['TAOBAO', '2026-11-30', '--workers', '2.5'], ['worker'], ['worker', 'not-a-run-id']])
      expect(parseArgs(args)).toBeNull();
    expect(parseArgs(['worker', '0D7F3A52-1C2B-4E5F-8A9B-0C1D2E3F4A5B'])).toEqual({ kind: 'worker', runId: '0d7f3a52-1c2b-4e5f-8a9b-0c1d2e3f4a5b' });
  });
});

describe('npm run billing -- arrears', () => {
  it('deducts a Douyin bill of 100.00 unpaid for over a month from the 500.00 deposit (400.00 left), reports who is still in arrears, audits the collection', async () => {
    const dev = await t.developer();
    const created = (await t.gql(CreateAppDocument, { input: { name: 'Douyin CLI app', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token)).data!.createApp;
    if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
    await t.gql(SetAppBillingPlatformDocument, { appId: created.id, platform: 'DOUYIN' }, operator);
    const calls = { category: 'BASIC', source: 'OUT_OF_CLOUD', total: 50_000, successful: 50_000 } as const; // 50,000 × 0.2/100 = 100.00
    await t.gql(RecordUsageDocument, { records: [{ idempotencyKey: `k-${randomUUID()}`, appkey: created.appkey, date: '2026-09-10', apiCalls: [calls] }] }, gateway);
    t.clock.set('2026-10-05T02:00:00Z'); // the server's clock: the September bill is issued on the 5th
    await t.gql(RunBillingDocument, { platform: 'DOUYIN', period: '2026-09' }, operator);
    await t.gql(SetBillingTermsDocument, { developerId: dev.id, deposit: '500.00' }, operator); // not a month old yet: stays unpaid
    expect((await t.gql(BillingAccountDocument, { developerId: dev.id }, operator)).data!.billingAccount).toMatchObject({ inArrears: true, deposit: '500.00' });

    const res = await cli('arrears'); // the CLI's real clock is after 2026-11-05
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(await t.gql(BillingAccountDocument, { developerId: dev.id }, operator)).toMatchObject({ data: { billingAccount: { inArrears: false, deposit: '400.00', balance: '0.00', ledgerSum: '0.00' } } });
    const [{ n }] = await t.ds.query(`SELECT COUNT(DISTINCT developer_id) AS n FROM bill WHERE status = 'UNPAID'`);
    expect(summary).toEqual({ developers: Number(n) + 1, stillInArrears: Number(n) });
    expect((await t.gql(AuditLogDocument, { action: 'collectArrears' }, operator)).data!.auditLog.edges[0].node).toMatchObject({ actorRole: 'OPERATOR', after: summary });
  });
});

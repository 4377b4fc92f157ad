/**
 * Closing a developer account (注销), DOMAIN §6: "arrears block account deletion until paid and,
 * after one month, are deducted from the developer's deposit" (001 §6.3: the deposit is returned
 * only once no arrears remain; 001 §4.1: a balance is never withdrawn or transferred). Over HTTP,
 * usage entering through the gateway's recordUsage and bills through runBilling, as in production.
 */
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/domain/common/role';
import {
  AuditLogDocument,
  BalanceDocument,
  BillingAccountDocument,
  BillsDocument,
  CallPermissionDocument,
  CloseDeveloperAccountDocument,
  CreateAppDocument,
  CreateMarketProductDocument,
  LedgerDocument,
  MyAccountDocument,
  MyMarketProductsDocument,
  RechargeDocument,
  RecordUsageDocument,
  RunBillingDocument,
  SetAppBillingPlatformDocument,
  SetBillingTermsDocument,
  UsageRecordInput,
} from '../generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let operator: string;
let gateway: string;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' }); // Beijing 2026-11-20 12:00
  operator = await t.token(Role.OPERATOR);
  gateway = await t.token(Role.GATEWAY);
});
afterAll(() => t?.stop());
beforeEach(() => t.clock.set('2026-11-20T04:00:00Z'));

type Dev = { id: string; token: string };
type App = { id: string; appkey: string };

const NAME = 'Closing Soft';

async function newApp(dev: Dev, platform: 'TAOBAO' | 'DOUYIN' = 'TAOBAO'): Promise<App> {
  const res = await t.gql(CreateAppDocument, { input: { name: 'Closure app', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token);
  const p = res.data!.createApp;
  if (p.__typename !== 'App') throw new Error(JSON.stringify(res));
  if (platform === 'DOUYIN') await t.gql(SetAppBillingPlatformDocument, { appId: p.id, platform }, operator);
  return { id: p.id, appkey: p.appkey };
}

/** `calls` basic API calls from outside the cloud: 0.2 yuan per 100 (DOMAIN §5), so 50,000 calls = 100.00. */
async function basicCalls(app: App, date: string, calls: number): Promise<void> {
  const record: UsageRecordInput = { idempotencyKey: `k-${randomUUID()}`, appkey: app.appkey, date, apiCalls: [{ category: 'BASIC', source: 'OUT_OF_CLOUD', total: calls, successful: calls }] };
  const res = await t.gql(RecordUsageDocument, { records: [record] }, gateway);
  if (res.data?.recordUsage.__typename !== 'UsageBatchReceipt') throw new Error(`recordUsage refused: ${JSON.stringify(res)}`);
}

async function run(platform: 'TAOBAO' | 'DOUYIN', period: string): Promise<void> {
  const res = await t.gql(RunBillingDocument, { platform, period }, operator);
  expect(res.data!.runBilling).toMatchObject({ __typename: 'BillingRunReport', billsCreated: 1 });
}

const close = async (dev: Dev, input: { confirmName?: string; forfeitBalance?: boolean } = {}) =>
  (await t.gql(CloseDeveloperAccountDocument, { input: { confirmName: NAME, ...input } }, dev.token)).data!.closeDeveloperAccount;
const recharge = (dev: Dev, amount: string) => t.gql(RechargeDocument, { amount, idempotencyKey: `r-${randomUUID()}` }, dev.token);
const closedAt = async (dev: Dev) => (await t.gql(MyAccountDocument, {}, dev.token)).data!.me!.closedAt;
const account = async (dev: Dev) => (await t.gql(BillingAccountDocument, { developerId: dev.id }, operator)).data!.billingAccount;
const ledger = async (dev: Dev) => (await t.gql(LedgerDocument, { developerId: dev.id }, operator)).data!.ledger.edges.map((e) => `${e.node.kind} ${e.node.amount}`).sort();
const billStatus = async (app: App, period: string) => (await t.gql(BillsDocument, { filter: { appId: app.id, period } }, operator)).data!.bills.edges.map((e) => [e.node.total, e.node.status]);

describe('DOMAIN §6: arrears block the closure until paid', () => {
  it('a Douyin bill of 100.00 left unpaid refuses the closure (IN_ARREARS); a recharge of 100.00 pays it and the closure goes through', async () => {
    const dev = await t.developer(NAME);
    const app = await newApp(dev, 'DOUYIN');
    await basicCalls(app, '2026-10-10', 50_000);
    t.clock.set('2026-11-05T02:00:00Z'); // Douyin settles October on 2026-11-05
    await run('DOUYIN', '2026-10');
    t.clock.set('2026-11-20T04:00:00Z');
    expect(await billStatus(app, '2026-10')).toEqual([['100.00', 'UNPAID']]);

    const refused = await close(dev);
    expect(refused).toMatchObject({ __typename: 'InvalidState', currentState: 'IN_ARREARS', action: 'closeDeveloperAccount' });
    expect(refused.__typename === 'InvalidState' && refused.message).toContain('1 unpaid bills (100.00 yuan)');
    expect(refused).toMatchObject({ reason: 'IN_ARREARS', figures: [{ name: 'unpaidBills', value: '1' }, { name: 'unpaidTotal', value: '100.00' }] });
    expect(await closedAt(dev)).toBeNull();

    await recharge(dev, '100.00');
    expect(await billStatus(app, '2026-10')).toEqual([['100.00', 'PAID']]);
    expect(await close(dev)).toMatchObject({
      __typename: 'AccountClosure',
      developer: { id: dev.id, closedAt: '2026-11-20T04:00:00.000Z' },
      depositReturned: '0.00',
      balanceForfeited: '0.00',
    });
  });

  it('arrears over one month old are deducted from the 500.00 deposit when closing; the other 400.00 is returned', async () => {
    const dev = await t.developer(NAME);
    const app = await newApp(dev, 'DOUYIN');
    await basicCalls(app, '2026-09-10', 50_000); // 100.00
    t.clock.set('2026-10-05T02:00:00Z');
    await run('DOUYIN', '2026-09');
    await t.gql(SetBillingTermsDocument, { developerId: dev.id, deposit: '500.00' }, operator); // a month not over: the bill stays unpaid
    expect(await billStatus(app, '2026-09')).toEqual([['100.00', 'UNPAID']]);

    t.clock.set('2026-11-20T04:00:00Z');
    expect(await close(dev)).toMatchObject({ __typename: 'AccountClosure', depositReturned: '400.00', balanceForfeited: '0.00' });
    expect(await billStatus(app, '2026-09')).toEqual([['100.00', 'PAID']]);
    expect(await ledger(dev)).toEqual(['CHARGE -100.00', 'DEPOSIT_DEDUCTION 100.00']);
    expect(await account(dev)).toMatchObject({ deposit: '0.00', balance: '0.00', ledgerSum: '0.00', inArrears: false });
  });
});

describe('usage not billed yet also blocks the closure (it would become a bill on a closed account)', () => {
  it("yesterday's Taobao usage refuses until the day is billed; this month's Douyin usage until the month is billed on the 5th and paid", async () => {
    const dev = await t.developer(NAME);
    const taobao = await newApp(dev);
    const douyin = await newApp(dev, 'DOUYIN');
    await basicCalls(taobao, '2026-11-19', 10_000); // 20.00, the daily 50 coupon covers it
    await basicCalls(douyin, '2026-11-03', 10_000); // 20.00 in the November bill

    const first = await close(dev);
    expect(first).toMatchObject({ __typename: 'InvalidState', currentState: 'UNBILLED_USAGE' });
    expect(first.__typename === 'InvalidState' && first.message).toContain('TAOBAO usage from 2026-11-19 to 2026-11-19; DOUYIN usage from 2026-11-03 to 2026-11-03');

    await run('TAOBAO', '2026-11-19');
    expect(await billStatus(taobao, '2026-11-19')).toEqual([['0.00', 'PAID']]);
    const second = await close(dev);
    expect(second.__typename === 'InvalidState' && second.message).toMatch(/^DOUYIN usage from 2026-11-03 to 2026-11-03 is not billed yet/);

    t.clock.set('2026-12-05T02:00:00Z');
    await run('DOUYIN', '2026-11');
    expect(await close(dev)).toMatchObject({ __typename: 'InvalidState', currentState: 'IN_ARREARS' });
    await recharge(dev, '20.00');
    expect(await close(dev)).toMatchObject({ __typename: 'AccountClosure', developer: { closedAt: '2026-12-05T02:00:00.000Z' } });
  });
});

describe('the refusal names every failed check, not the first', () => {
  it('an unpaid Douyin bill of 100.00 and Taobao usage of yesterday not billed: IN_ARREARS and UNBILLED_USAGE, each with its figures', async () => {
    const dev = await t.developer(NAME);
    const douyin = await newApp(dev, 'DOUYIN');
    const taobao = await newApp(dev);
    await basicCalls(douyin, '2026-10-10', 50_000); // 100.00 in the October bill
    t.clock.set('2026-11-05T02:00:00Z');
    await run('DOUYIN', '2026-10');
    t.clock.set('2026-11-20T04:00:00Z');
    await basicCalls(taobao, '2026-11-19', 10_000);

    expect(await close(dev)).toMatchObject({
      __typename: 'InvalidState',
      currentState: 'IN_ARREARS',
      reason: 'IN_ARREARS',
      failedChecks: [
        { reason: 'IN_ARREARS', figures: [{ name: 'unpaidBills', value: '1' }, { name: 'unpaidTotal', value: '100.00' }] },
        { reason: 'UNBILLED_USAGE', figures: [{ name: 'TAOBAO.firstDay', value: '2026-11-19' }, { name: 'TAOBAO.lastDay', value: '2026-11-19' }] },
      ],
    });
    expect(await closedAt(dev)).toBeNull();
  });
});

describe('a balance is never withdrawn (DOMAIN §6): closing gives it up only when the developer says so', () => {
  it('88.88 left: refused (BALANCE_REMAINING) without forfeitBalance; with it, one FORFEIT entry of -88.88 and balance 0.00 = ledger sum', async () => {
    const dev = await t.developer(NAME);
    await recharge(dev, '88.88');
    expect(await close(dev)).toMatchObject({ __typename: 'InvalidState', currentState: 'BALANCE_REMAINING' });
    expect((await account(dev)).balance).toBe('88.88');

    expect(await close(dev, { forfeitBalance: true })).toMatchObject({ __typename: 'AccountClosure', balanceForfeited: '88.88' });
    expect(await ledger(dev)).toEqual(['FORFEIT -88.88', 'RECHARGE 88.88']);
    expect(await account(dev)).toMatchObject({ balance: '0.00', ledgerSum: '0.00' });
  });

  it('two closures at once: exactly one closes, one FORFEIT entry is written', async () => {
    const dev = await t.developer(NAME);
    await recharge(dev, '10.00');
    const results = await Promise.all([close(dev, { forfeitBalance: true }), close(dev, { forfeitBalance: true })].map((p) => p.catch(() => null)));
    expect(results.filter((r) => r?.__typename === 'AccountClosure')).toHaveLength(1);
    expect(await ledger(dev)).toEqual(['FORFEIT -10.00', 'RECHARGE 10.00']);
    expect(await account(dev)).toMatchObject({ balance: '0.00', ledgerSum: '0.00' });
  });
});

describe('the confirmation', () => {
  it('a name that is not the account name is InvalidInput on confirmName (NAME_MISMATCH), and nothing is closed', async () => {
    const dev = await t.developer(NAME);
    const res = await close(dev, { confirmName: 'Closing Sof' });
    expect(res.__typename === 'InvalidInput' && res.violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['confirmName:NAME_MISMATCH']);
    expect(await closedAt(dev)).toBeNull();
  });
});

describe('a closed account reads its history and changes nothing', () => {
  let dev: Dev;
  let app: App;
  beforeAll(async () => {
    dev = await t.developer(NAME);
    app = await newApp(dev);
    await t.gql(CreateMarketProductDocument, { input: { name: 'Closing product', saleMode: 'BY_CYCLE' } }, dev.token);
    await basicCalls(app, '2026-11-18', 10_000);
    await run('TAOBAO', '2026-11-18');
    expect(await close(dev)).toMatchObject({ __typename: 'AccountClosure' });
  });

  it('every mutation of the developer is refused: FORBIDDEN, reason ACCOUNT_CLOSED, HTTP 403', async () => {
    for (const res of [
      await t.gql(CreateAppDocument, { input: { name: 'After', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token),
      await recharge(dev, '10.00'),
      await t.gql(CloseDeveloperAccountDocument, { input: { confirmName: NAME } }, dev.token),
    ]) {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0].extensions!.reason).toBe('ACCOUNT_CLOSED');
      expect(res.status).toBe(403);
    }
    const other = await t.developer('Still Open');
    expect((await t.gql(CreateAppDocument, { input: { name: 'Other', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, other.token)).data!.createApp.__typename).toBe('App');
  });

  it('reads still answer: the account, the balance, the bills', async () => {
    expect(await closedAt(dev)).toBe('2026-11-20T04:00:00.000Z');
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ balance: '0.00', inArrears: false });
    expect((await t.gql(BillsDocument, { filter: {} }, dev.token)).data!.bills.totalCount).toBe(1);
  });

  it("the apps call nothing, not even free APIs (callPermission: ACCOUNT_CLOSED)", async () => {
    for (const category of ['FREE', 'BASIC'] as const) {
      const res = await t.gql(CallPermissionDocument, { appkey: app.appkey, category, source: 'IN_CLOUD' }, gateway);
      expect(res.data!.callPermission).toMatchObject({ allowed: false, reason: 'ACCOUNT_CLOSED' });
    }
  });

  it('the market products are hidden', async () => {
    const visible = await t.ds.query('SELECT visible FROM market_product WHERE provider_id = ?', [dev.id]);
    expect(visible.map((r: { visible: number }) => Number(r.visible))).toEqual([0]);
    expect((await t.gql(MyMarketProductsDocument, {}, dev.token)).data!.myMarketProducts.edges.map((e) => e.node)).toHaveLength(1);
  });

  it('the closure is in the audit log with the developer as actor', async () => {
    const log = (await t.gql(AuditLogDocument, { action: 'closeDeveloperAccount', entityId: dev.id }, operator)).data!.auditLog;
    expect(log.edges.map((e) => [e.node.actorRole, e.node.actorId, e.node.entityType])).toEqual([['DEVELOPER', dev.id, 'Developer']]);
    expect(log.edges[0].node.after).toMatchObject({ closedAt: '2026-11-20T04:00:00.000Z', depositReturned: '0.00', balanceForfeited: '0.00' });
  });
});

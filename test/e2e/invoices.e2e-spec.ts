/**
 * Invoices for paid Douyin fees (DOMAIN §6 "invoices for paid amounts"; 001 §4.3: a developer may
 * apply for an invoice for the technical service fees actually paid), over HTTP against a fresh
 * database. Bills are made as in production: usage through the gateway's recordUsage, months billed
 * by runBilling on the 5th, paid by recharges, the balance or the deposit.
 */
import { Role } from '../../src/domain/common/role';
import {
  BalanceDocument,
  CollectArrearsDocument,
  InvoiceableBillsDocument,
  InvoiceableDocument,
  InvoiceableOfDocument,
  InvoiceDocument,
  InvoiceFieldsFragment,
  InvoicesDocument,
  IssueInvoiceDocument,
  MyNotificationsDocument,
  RechargeDocument,
  RejectInvoiceDocument,
  RequestInvoiceDocument,
  RequestInvoiceMutation,
  SetAppBillingPlatformDocument,
  SetBillingTermsDocument,
  SetQualityDiscountDocument,
} from '../generated/graphql';
import { App, BillingFixture, calls, Dev } from '../support/billing-fixture';
import { errorCode, GqlResponse, TestApp } from '../support/test-app';

let t: TestApp;
let f: BillingFixture;
let operator: string;
let reviewer: string;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' }); // Beijing 2026-11-20 12:00
  f = await BillingFixture.of(t);
  operator = await t.token(Role.OPERATOR, 'invoice-operator');
  reviewer = await t.token(Role.REVIEWER);
});
afterAll(() => t?.stop());
beforeEach(() => t.clock.set('2026-11-20T04:00:00Z'));

const TITLE = '杭州示例科技有限公司';
const TAX_NO = '91330106MA2XXXXX1X';
type Bill = { id: string; total: string; status: string };

async function douyinApp(dev: Dev): Promise<App> {
  const app = await f.newApp(dev);
  await t.gql(SetAppBillingPlatformDocument, { appId: app.id, platform: 'DOUYIN' }, operator);
  return app;
}

/** The app's bill for a period, as the operator reads it. */
async function billOf(app: App, period: string): Promise<Bill> {
  const res = await t.gql(InvoiceableBillsDocument, { filter: { appId: app.id, period } }, operator);
  expect(res.data!.bills.totalCount).toBe(1);
  return res.data!.bills.edges[0].node;
}

/**
 * A Douyin month of `apiCalls` on a new app of `dev` (reported on the 10th), billed on the 5th of
 * the next month; paid by a recharge of exactly its total unless `pay` is false.
 */
async function douyinBill(dev: Dev, month: string, apiCalls: unknown[], pay = true): Promise<Bill> {
  const app = await douyinApp(dev);
  await f.report(app.appkey, `${month}-10`, { apiCalls: apiCalls as never });
  expect(await f.run('DOUYIN', month)).toMatchObject({ __typename: 'BillingRunReport' });
  const bill = await billOf(app, month);
  if (pay && bill.status === 'UNPAID') await t.gql(RechargeDocument, { amount: bill.total, idempotencyKey: `pay-${bill.id}` }, dev.token);
  return billOf(app, month);
}

const request = (dev: Dev, billIds: string[], patch: { title?: string; taxNo?: string } = {}) =>
  t.gql(RequestInvoiceDocument, { input: { billIds, title: TITLE, taxNo: TAX_NO, ...patch } }, dev.token).then((r) => r.data!.requestInvoice);

function invoiceOf(res: RequestInvoiceMutation['requestInvoice']): InvoiceFieldsFragment {
  if (res.__typename !== 'Invoice') throw new Error(`expected an Invoice: ${JSON.stringify(res)}`);
  return res;
}

/** A refusal as { state, action } (InvalidState) or { violations: ['field/RULE'] } (InvalidInput). */
function refusalOf(res: { __typename: string }): { state?: string; action?: string; violations?: string[]; typename?: string } {
  const r = res as { __typename: string; currentState?: string; action?: string; violations?: { field: string; rule: string }[] };
  if (r.__typename === 'InvalidState') return { state: r.currentState, action: r.action };
  if (r.__typename === 'InvalidInput') return { violations: r.violations!.map((v) => `${v.field}/${v.rule}`) };
  return { typename: r.__typename };
}

const invoiceable = async (dev: Dev) => (await t.gql(InvoiceableDocument, {}, dev.token)).data!.balance.invoiceableAmount;
const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);
const invoicesOf = (dev: Dev) => count('SELECT COUNT(*) n FROM invoice WHERE developer_id = ?', [dev.id]);

/** Audit entries of an action about one invoice, newest first. */
async function audit(action: string, invoiceId: string) {
  const res = await t.post(
    { query: 'query($a: String, $e: ID) { auditLog(first: 10, action: $a, entityId: $e) { edges { node { action actorId actorRole entityType entityId before after } } } }', variables: { a: action, e: invoiceId } },
    operator,
  );
  return (res.data as { auditLog: { edges: { node: Record<string, unknown> }[] } }).auditLog.edges.map((e) => e.node);
}

describe('requestInvoice: the exact sum of paid Douyin bills, to the fen', () => {
  it('bills paid from the balance, from the deposit and by a recharge: one invoice of 2.51 + 100.00 + 1,093.53 = 1,196.04', async () => {
    const dev = await t.developer('Invoiced Soft');
    const app = await douyinApp(dev);
    await t.gql(SetQualityDiscountDocument, { appId: app.id, percent: '20', effectiveFrom: '2026-10-01' }, operator);
    await f.report(app.appkey, '2026-08-15', { apiCalls: [calls('BASIC', 'IN_CLOUD', 12_525)] }); // 2.505 → 2.51
    await f.report(app.appkey, '2026-09-10', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 50_000)] }); // 100.00
    await f.report(app.appkey, '2026-10-03', { apiCalls: [calls('BASIC', 'IN_CLOUD', 600_000)], dataSyncNewOrders: 650_000 });
    await f.report(app.appkey, '2026-10-30', { apiCalls: [calls('BASIC', 'IN_CLOUD', 634_567)], dataSyncNewOrders: 650_000 });

    // August: billed on 2026-09-05 and paid from a prepaid balance of 10.00 (7.49 left).
    t.clock.set('2026-09-05T02:00:00Z');
    await t.gql(RechargeDocument, { amount: '10.00', idempotencyKey: 'aug' }, dev.token);
    await f.run('DOUYIN', '2026-08');
    // September: 100.00 on 2026-10-05, more than the 7.49 left: unpaid; the operator sets a deposit.
    t.clock.set('2026-10-05T02:00:00Z');
    await f.run('DOUYIN', '2026-09');
    await t.gql(SetBillingTermsDocument, { developerId: dev.id, deposit: '500.00' }, operator);
    // October: 246.91 + 1,120.00 − 20% (273.38) = 1,093.53 on 2026-11-05; September, a month overdue, is
    // settled with the 7.49 and 92.51 from the deposit; October stays unpaid until a recharge.
    t.clock.set('2026-11-05T02:00:00Z');
    await f.run('DOUYIN', '2026-10');
    await t.gql(CollectArrearsDocument, {}, operator);
    const [aug, sep, oct] = [await billOf(app, '2026-08'), await billOf(app, '2026-09'), await billOf(app, '2026-10')];
    expect([aug, sep, oct].map((b) => [b.total, b.status])).toEqual([
      ['2.51', 'PAID'],
      ['100.00', 'PAID'],
      ['1093.53', 'UNPAID'],
    ]);
    expect((await t.gql(BalanceDocument, {}, dev.token)).data!.balance).toMatchObject({ deposit: '407.49', balance: '0.00', unpaidTotal: '1093.53' });
    expect(await invoiceable(dev)).toBe('102.51');

    // Only paid amounts: October is refused while unpaid, and nothing is written.
    expect(refusalOf(await request(dev, [aug.id, sep.id, oct.id]))).toEqual({ state: 'BILL_NOT_PAID', action: 'requestInvoice' });
    expect(await invoicesOf(dev)).toBe(0);

    await t.gql(RechargeDocument, { amount: '1093.53', idempotencyKey: 'oct' }, dev.token);
    expect(await invoiceable(dev)).toBe('1196.04');
    const candidates = (await t.gql(InvoiceableBillsDocument, { filter: { platform: 'DOUYIN', status: 'PAID', invoiced: false } }, dev.token)).data!.bills;
    expect(candidates.edges.map((e) => e.node.id).sort()).toEqual([aug.id, sep.id, oct.id].sort());

    t.clock.set('2026-11-20T04:00:00Z');
    const invoice = invoiceOf(await request(dev, [oct.id, aug.id, sep.id]));
    expect(invoice).toMatchObject({
      developerId: dev.id,
      platform: 'DOUYIN',
      title: TITLE,
      taxNo: TAX_NO,
      amount: '1196.04',
      status: 'REQUESTED',
      invoiceNo: null,
      rejectReason: null,
      requestedAt: '2026-11-20T04:00:00.000Z',
      decidedAt: null,
    });
    expect(invoice.bills.edges.map(({ node: b }) => [b.id, b.total, b.invoiceId])).toEqual([aug, sep, oct].map((b) => [b.id, b.total, invoice.id]));
    expect(await invoiceable(dev)).toBe('0.00');
    expect((await t.gql(InvoiceableBillsDocument, { filter: { platform: 'DOUYIN', status: 'PAID', invoiced: false } }, dev.token)).data!.bills.totalCount).toBe(0);
    expect((await t.gql(InvoiceableBillsDocument, { filter: { invoiced: true } }, dev.token)).data!.bills.totalCount).toBe(3);
    expect((await t.gql(InvoiceableOfDocument, { developerId: dev.id }, operator)).data!.billingAccount.invoiceableAmount).toBe('0.00');
  });

  it('100 bills of 0.10 on one invoice sum to exactly 10.00 (in floating point 0.1 added 100 times is 9.99999999999998); the title is trimmed', async () => {
    const dev = await t.developer();
    // 50 calls out of cloud × 0.2/100 = 0.10 a month, on 100 apps billed in one run.
    const apps: App[] = [];
    for (let i = 0; i < 100; i++) apps.push(await douyinApp(dev));
    for (const app of apps) await f.report(app.appkey, '2026-07-10', { apiCalls: [calls('BASIC', 'OUT_OF_CLOUD', 50)] });
    await f.run('DOUYIN', '2026-07');
    await t.gql(RechargeDocument, { amount: '10.00', idempotencyKey: 'july' }, dev.token);
    const bills = (await t.gql(InvoiceableBillsDocument, { filter: { period: '2026-07', status: 'PAID' } }, dev.token)).data!.bills.edges.map((e) => e.node);
    expect(bills.map((b) => b.total)).toEqual(Array(100).fill('0.10'));
    const invoice = invoiceOf(await request(dev, bills.map((b) => b.id), { title: `  ${TITLE}  ` }));
    expect(invoice).toMatchObject({ amount: '10.00', title: TITLE });
    expect(invoice.bills.totalCount).toBe(100);
    // The 100 bills page through Invoice.bills (first 40: 40 + 40 + 20, no bill twice, none left out).
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 3; pages++) {
      const res = await t.post({ query: 'query($id: ID!, $after: String) { invoice(id: $id) { bills(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }', variables: { id: invoice.id, after } }, dev.token);
      const page = (res.data as { invoice: { bills: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } } }).invoice.bills;
      expect(page.totalCount).toBe(100);
      expect(page.pageInfo.hasNextPage).toBe(pages < 2);
      ids.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.endCursor;
    }
    expect(ids).toEqual([...bills.map((b) => b.id)].sort((a, b) => Number(a) - Number(b)));
  });
});

describe('requestInvoice refusals: nothing is written', () => {
  let dev: Dev;
  let paid: Bill;
  beforeAll(async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    dev = await t.developer('Refused Soft');
    paid = await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]); // 20.00
  });
  afterEach(async () => expect(await invoicesOf(dev)).toBe(0));

  it.each([
    ['no bills', () => ({ billIds: [] }), ['billIds/REQUIRED']],
    ['101 bills', () => ({ billIds: Array.from({ length: 101 }, (_, i) => String(i + 1)) }), ['billIds/TOO_MANY']],
    ['a bill twice', () => ({ billIds: [paid.id, paid.id] }), ['billIds[1]/DUPLICATE']],
    ['a bill twice, once with a leading zero', () => ({ billIds: [paid.id, `0${paid.id}`] }), ['billIds[1]/DUPLICATE']],
    ['a blank title', () => ({ billIds: [paid.id], title: ' ' }), ['title/REQUIRED']],
    ['a title of 101 characters', () => ({ billIds: [paid.id], title: '票'.repeat(101) }), ['title/TOO_LONG']],
    ['a lowercase tax number', () => ({ billIds: [paid.id], taxNo: TAX_NO.toLowerCase() }), ['taxNo/BAD_TAX_NO']],
    ['a 14-character tax number', () => ({ billIds: [paid.id], taxNo: '33010612345678' }), ['taxNo/BAD_TAX_NO']],
    ['everything at once', () => ({ billIds: [], title: '', taxNo: 'x' }), ['billIds/REQUIRED', 'title/REQUIRED', 'taxNo/BAD_TAX_NO']],
  ])('InvalidInput: %s', async (_what, input, expected) => {
    const { billIds, ...patch } = input() as { billIds: string[]; title?: string; taxNo?: string };
    expect(refusalOf(await request(dev, billIds, patch))).toEqual({ violations: expected });
  });

  it('NOT_FOUND alike for an id that does not exist, a non-numeric id and another developer’s bill', async () => {
    const other = await t.developer('Other Soft');
    const theirs = await douyinBill(other, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 5_000)]);
    for (const id of ['999999999', 'abc', theirs.id]) {
      const res = await t.gql(RequestInvoiceDocument, { input: { billIds: [paid.id, id], title: TITLE, taxNo: TAX_NO } }, dev.token);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors![0].message).toBe(`Bill ${id} not found`);
    }
    expect(await invoicesOf(other)).toBe(0);
    expect(await invoiceable(other)).toBe('10.00');
  });

  it('BILL_NOT_PAID: an unpaid Douyin bill', async () => {
    const unpaid = await douyinBill(dev, '2026-09', [calls('BASIC', 'OUT_OF_CLOUD', 100_000)], false); // 200.00, balance 0
    expect(unpaid.status).toBe('UNPAID');
    const res = await request(dev, [paid.id, unpaid.id]);
    expect(refusalOf(res)).toEqual({ state: 'BILL_NOT_PAID', action: 'requestInvoice' });
    expect((res as { message: string }).message).toBe(`bill ${unpaid.id}: BILL_NOT_PAID (only paid amounts are invoiced)`);
  });

  it('NOT_DOUYIN: a paid Taobao bill (Taobao fees are invoiced on the Taobao Open Platform’s own site)', async () => {
    const taobao = await f.newApp(dev);
    await f.report(taobao.appkey, '2021-06-10', { apiCalls: [calls('LOGISTICS_EXCEPTION', 'OUT_OF_CLOUD', 10_000)] }); // 50.00
    await f.run('TAOBAO', '2021-06-10');
    await t.gql(RechargeDocument, { amount: '250.00', idempotencyKey: 'taobao' }, dev.token); // also pays the 200.00 above
    const bill = await billOf(taobao, '2021-06-10');
    expect([bill.total, bill.status]).toEqual(['50.00', 'PAID']);
    const res = await request(dev, [bill.id]);
    expect(refusalOf(res)).toEqual({ state: 'NOT_DOUYIN', action: 'requestInvoice' });
    expect((res as { message: string }).message).toMatch(/Taobao Open Platform’s own invoicing site/);
  });

  it('ZERO_AMOUNT: a paid Douyin bill of 0.00 (free APIs only)', async () => {
    const zero = await douyinBill(dev, '2026-08', [calls('FREE', 'OUT_OF_CLOUD', 10_000)]);
    expect([zero.total, zero.status]).toEqual(['0.00', 'PAID']);
    expect(refusalOf(await request(dev, [zero.id]))).toEqual({ state: 'ZERO_AMOUNT', action: 'requestInvoice' });
  });
});

describe('a bill is invoiced at most once', () => {
  it('ALREADY_INVOICED while its invoice is REQUESTED or ISSUED, and the unique index holds it even past the service', async () => {
    const dev = await t.developer();
    const [a, b] = [await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]), await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 20_000)])];
    const first = invoiceOf(await request(dev, [a.id]));
    const again = await request(dev, [b.id, a.id]);
    expect(refusalOf(again)).toEqual({ state: 'ALREADY_INVOICED', action: 'requestInvoice' });
    expect((again as { message: string }).message).toBe(`bill ${a.id}: ALREADY_INVOICED (already on invoice ${first.id})`);
    await t.gql(IssueInvoiceDocument, { id: first.id, invoiceNo: '26330001' }, operator);
    expect(refusalOf(await request(dev, [a.id]))).toEqual({ state: 'ALREADY_INVOICED', action: 'requestInvoice' });
    const second = invoiceOf(await request(dev, [b.id]));
    expect(await invoicesOf(dev)).toBe(2);
    // The database itself refuses a second live row for a bill; rows of rejected invoices (live NULL) may repeat.
    const link = 'INSERT INTO invoice_bill (invoice_id, bill_id, live) VALUES (?, ?, ?)';
    await expect(t.ds.query(link, [second.id, a.id, 1])).rejects.toThrow(/Duplicate entry .* for key 'uq_invoice_bill_live'/);
    await t.ds.query(link, [second.id, a.id, null]);
    await t.ds.query('DELETE FROM invoice_bill WHERE invoice_id = ? AND bill_id = ?', [second.id, a.id]);
  });

  it('concurrent requests for one bill: exactly one succeeds, the others are ALREADY_INVOICED', async () => {
    const dev = await t.developer();
    const bill = await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => request(dev, [bill.id], { title: `${TITLE} ${i}` })));
    expect(results.filter((r) => r.__typename === 'Invoice')).toHaveLength(1);
    expect(results.filter((r) => r.__typename !== 'Invoice').map(refusalOf)).toEqual(Array(5).fill({ state: 'ALREADY_INVOICED', action: 'requestInvoice' }));
    expect(await invoicesOf(dev)).toBe(1);
    expect(await count('SELECT COUNT(*) n FROM invoice_bill WHERE bill_id = ?', [bill.id])).toBe(1);
  });

  it('concurrent requests for overlapping bills in opposite orders: one succeeds, no deadlock', async () => {
    const dev = await t.developer();
    const [a, b, c] = [
      await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]),
      await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]),
      await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]),
    ];
    const results = await Promise.all([request(dev, [a.id, b.id]), request(dev, [c.id, b.id]), request(dev, [b.id, a.id, c.id])]);
    expect(results.map((r) => r.__typename).filter((x) => x === 'Invoice')).toHaveLength(1);
    expect(results.filter((r) => r.__typename !== 'Invoice').map((r) => refusalOf(r).state)).toEqual(['ALREADY_INVOICED', 'ALREADY_INVOICED']);
    const live = await count('SELECT COUNT(*) n FROM invoice_bill WHERE live = 1 AND bill_id IN (?, ?, ?)', [a.id, b.id, c.id]);
    const won = invoiceOf(results.find((r) => r.__typename === 'Invoice')!);
    expect(live).toBe(won.bills.totalCount);
    expect(won.amount).toBe((won.bills.totalCount * 20).toFixed(2));
  });
});

describe('operators issue or reject a REQUESTED invoice, audited', () => {
  it('issueInvoice: ISSUED with its number; audited; the developer is notified; final', async () => {
    const dev = await t.developer();
    const bill = await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]);
    const invoice = invoiceOf(await request(dev, [bill.id]));
    expect(refusalOf((await t.gql(IssueInvoiceDocument, { id: invoice.id, invoiceNo: 'FP-1' }, operator)).data!.issueInvoice)).toEqual({ violations: ['invoiceNo/BAD_INVOICE_NO'] });

    t.clock.set('2026-11-21T01:00:00Z');
    const issued = (await t.gql(IssueInvoiceDocument, { id: invoice.id, invoiceNo: '26332000000123456789' }, operator)).data!.issueInvoice;
    expect(issued).toMatchObject({ __typename: 'Invoice', status: 'ISSUED', invoiceNo: '26332000000123456789', decidedAt: '2026-11-21T01:00:00.000Z', amount: '20.00' });
    expect(await audit('issueInvoice', invoice.id)).toEqual([
      {
        action: 'issueInvoice',
        actorId: 'invoice-operator',
        actorRole: 'OPERATOR',
        entityType: 'Invoice',
        entityId: invoice.id,
        before: { status: 'REQUESTED', amount: '20.00', developerId: dev.id, invoiceNo: null, rejectReason: null },
        after: { status: 'ISSUED', amount: '20.00', developerId: dev.id, invoiceNo: '26332000000123456789', rejectReason: null, billIds: [bill.id] },
      },
    ]);
    const notes = (await t.gql(MyNotificationsDocument, { first: 5 }, dev.token)).data!.myNotifications.edges.map((e) => e.node);
    expect(notes[0]).toMatchObject({ kind: 'INVOICE_ISSUED', message: `Your invoice ${invoice.id} of 20.00 yuan is issued: invoice number 26332000000123456789.` });

    // Final: neither issued again nor rejected; the refusals write no audit entry.
    expect(refusalOf((await t.gql(IssueInvoiceDocument, { id: invoice.id, invoiceNo: '12345678' }, operator)).data!.issueInvoice)).toEqual({ state: 'ISSUED', action: 'issueInvoice' });
    expect(refusalOf((await t.gql(RejectInvoiceDocument, { id: invoice.id, reason: 'late' }, operator)).data!.rejectInvoice)).toEqual({ state: 'ISSUED', action: 'rejectInvoice' });
    expect(await audit('issueInvoice', invoice.id)).toHaveLength(1);
    expect(await audit('rejectInvoice', invoice.id)).toHaveLength(0);
    expect((await t.gql(InvoiceDocument, { id: invoice.id }, dev.token)).data!.invoice).toMatchObject({ status: 'ISSUED', invoiceNo: '26332000000123456789' });
  });

  it('an invoice number is used once', async () => {
    const dev = await t.developer();
    const [a, b] = [await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]), await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)])];
    const [i1, i2] = [invoiceOf(await request(dev, [a.id])), invoiceOf(await request(dev, [b.id]))];
    await t.gql(IssueInvoiceDocument, { id: i1.id, invoiceNo: '44556677' }, operator);
    expect(refusalOf((await t.gql(IssueInvoiceDocument, { id: i2.id, invoiceNo: '44556677' }, operator)).data!.issueInvoice)).toEqual({ violations: ['invoiceNo/ALREADY_USED'] });
    expect((await t.gql(InvoiceDocument, { id: i2.id }, operator)).data!.invoice.status).toBe('REQUESTED');
    expect(await audit('issueInvoice', i2.id)).toHaveLength(0);
  });

  it('rejectInvoice: REJECTED with its reason; its bills are free again and the invoice keeps its list; audited; notified', async () => {
    const dev = await t.developer();
    const [a, b] = [await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]), await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 2_500)])];
    const invoice = invoiceOf(await request(dev, [a.id, b.id]));
    expect(invoice.amount).toBe('25.00');
    expect(await invoiceable(dev)).toBe('0.00');
    expect(refusalOf((await t.gql(RejectInvoiceDocument, { id: invoice.id, reason: '   ' }, operator)).data!.rejectInvoice)).toEqual({ violations: ['reason/REQUIRED'] });

    const rejected = (await t.gql(RejectInvoiceDocument, { id: invoice.id, reason: ' the title does not match the business licence ' }, operator)).data!.rejectInvoice;
    expect(rejected).toMatchObject({ __typename: 'Invoice', status: 'REJECTED', rejectReason: 'the title does not match the business licence', invoiceNo: null });
    const after = (await t.gql(InvoiceDocument, { id: invoice.id }, dev.token)).data!.invoice;
    expect(after.bills.edges.map(({ node: x }) => [x.id, x.invoiceId])).toEqual([
      [a.id, null],
      [b.id, null],
    ]);
    expect(await invoiceable(dev)).toBe('25.00');
    expect(await audit('rejectInvoice', invoice.id)).toEqual([
      expect.objectContaining({
        actorId: 'invoice-operator',
        entityType: 'Invoice',
        before: expect.objectContaining({ status: 'REQUESTED' }),
        after: expect.objectContaining({ status: 'REJECTED', rejectReason: 'the title does not match the business licence', billIds: [a.id, b.id] }),
      }),
    ]);
    expect((await t.gql(MyNotificationsDocument, { first: 1 }, dev.token)).data!.myNotifications.edges[0].node).toMatchObject({ kind: 'INVOICE_REJECTED' });
    expect(refusalOf((await t.gql(RejectInvoiceDocument, { id: invoice.id, reason: 'again' }, operator)).data!.rejectInvoice)).toEqual({ state: 'REJECTED', action: 'rejectInvoice' });

    // The released bills go on a new invoice with the corrected title.
    const retry = invoiceOf(await request(dev, [a.id, b.id], { title: '杭州示例科技股份有限公司' }));
    expect(retry).toMatchObject({ amount: '25.00', status: 'REQUESTED' });
    expect(retry.bills.edges.map(({ node: x }) => x.invoiceId)).toEqual([retry.id, retry.id]);
    expect((await t.gql(InvoiceDocument, { id: invoice.id }, dev.token)).data!.invoice.bills.edges.map(({ node: x }) => x.invoiceId)).toEqual([retry.id, retry.id]);
  });

  it('an issue and a reject at once: exactly one decision stands', async () => {
    const dev = await t.developer();
    const invoice = invoiceOf(await request(dev, [(await douyinBill(dev, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)])).id]));
    const [issued, rejected] = await Promise.all([
      t.gql(IssueInvoiceDocument, { id: invoice.id, invoiceNo: '55667788' }, operator).then((r) => r.data!.issueInvoice),
      t.gql(RejectInvoiceDocument, { id: invoice.id, reason: 'duplicate request' }, operator).then((r) => r.data!.rejectInvoice),
    ]);
    expect([issued.__typename, rejected.__typename].sort()).toEqual(['InvalidState', 'Invoice']);
    expect((await audit('issueInvoice', invoice.id)).length + (await audit('rejectInvoice', invoice.id)).length).toBe(1);
  });

  it('an unknown invoice is NOT_FOUND', async () => {
    expect(errorCode(await t.gql(IssueInvoiceDocument, { id: '999999999', invoiceNo: '12345678' }, operator))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RejectInvoiceDocument, { id: 'x', reason: 'r' }, operator))).toBe('NOT_FOUND');
  });
});

describe('reads, tenants and roles', () => {
  let a: Dev;
  let b: Dev;
  let aInvoices: InvoiceFieldsFragment[];
  let bBill: Bill;
  beforeAll(async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    a = await t.developer('Tenant A');
    b = await t.developer('Tenant B');
    aInvoices = [];
    for (let i = 0; i < 3; i++) aInvoices.push(invoiceOf(await request(a, [(await douyinBill(a, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)])).id])));
    await t.gql(IssueInvoiceDocument, { id: aInvoices[0].id, invoiceNo: '66778899' }, operator);
    bBill = await douyinBill(b, '2026-10', [calls('BASIC', 'OUT_OF_CLOUD', 10_000)]);
  });

  it('invoices: a developer’s own, newest first, paginated and filtered by status', async () => {
    const page1 = (await t.gql(InvoicesDocument, { first: 2 }, a.token)).data!.invoices;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.id)).toEqual([aInvoices[2].id, aInvoices[1].id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await t.gql(InvoicesDocument, { first: 2, after: page1.pageInfo.endCursor }, a.token)).data!.invoices;
    expect(page2.edges.map((e) => e.node.id)).toEqual([aInvoices[0].id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await t.gql(InvoicesDocument, { status: 'ISSUED' }, a.token)).data!.invoices.edges.map((e) => e.node.invoiceNo)).toEqual(['66778899']);
    expect(errorCode(await t.gql(InvoicesDocument, { first: 0 }, a.token))).toBe('BAD_USER_INPUT');
  });

  it('developer B sees none of A’s invoices, cannot read one, nor invoice A’s bill; developerId is ignored for developers', async () => {
    expect((await t.gql(InvoicesDocument, { developerId: a.id }, b.token)).data!.invoices.totalCount).toBe(0);
    const res = await t.gql(InvoiceDocument, { id: aInvoices[1].id }, b.token);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toBe(`Invoice ${aInvoices[1].id} not found`);
    const aBill = aInvoices[1].bills.edges[0].node.id;
    expect(errorCode(await t.gql(RequestInvoiceDocument, { input: { billIds: [aBill], title: TITLE, taxNo: TAX_NO } }, b.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RequestInvoiceDocument, { input: { billIds: [bBill.id], title: TITLE, taxNo: TAX_NO } }, a.token))).toBe('NOT_FOUND');
    expect(await invoiceable(b)).toBe('20.00');
  });

  it('operators read every invoice, or one developer’s, with its bills', async () => {
    const all = (await t.gql(InvoicesDocument, { first: 100 }, operator)).data!.invoices;
    expect(all.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(aInvoices.map((i) => i.id)));
    const ofA = (await t.gql(InvoicesDocument, { developerId: a.id, status: 'REQUESTED' }, operator)).data!.invoices;
    expect(ofA.edges.map((e) => e.node.id)).toEqual([aInvoices[2].id, aInvoices[1].id]);
    expect((await t.gql(InvoiceDocument, { id: aInvoices[0].id }, operator)).data!.invoice.bills.edges.map(({ node: x }) => x.total)).toEqual(['20.00']);
  });

  it('a page of invoices with their bills and each bill’s invoice costs the same queries for 3 invoices as for 1 (no N+1)', async () => {
    const one = await t.queries.during(() => t.gql(InvoicesDocument, { first: 1 }, operator));
    const three = await t.queries.during(() => t.gql(InvoicesDocument, { first: 3 }, operator));
    expect(three.result.data!.invoices.edges.map((e) => e.node.bills.edges.length)).toEqual([1, 1, 1]);
    expect(three.statements.length).toBe(one.statements.length);
  });

  it('roles: developers request, operators decide, reviewers and others neither', async () => {
    const gateway = f.gateway;
    const input = { billIds: [bBill.id], title: TITLE, taxNo: TAX_NO };
    for (const token of [operator, reviewer, gateway]) expect(errorCode(await t.gql(RequestInvoiceDocument, { input }, token))).toBe('FORBIDDEN');
    for (const token of [b.token, reviewer, gateway]) {
      expect(errorCode(await t.gql(IssueInvoiceDocument, { id: aInvoices[1].id, invoiceNo: '12345678' }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(RejectInvoiceDocument, { id: aInvoices[1].id, reason: 'no' }, token))).toBe('FORBIDDEN');
    }
    for (const token of [reviewer, gateway]) {
      expect(errorCode(await t.gql(InvoicesDocument, {}, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(InvoiceDocument, { id: aInvoices[1].id }, token))).toBe('FORBIDDEN');
    }
    const anonymous: GqlResponse<unknown>[] = [await t.gql(RequestInvoiceDocument, { input }), await t.gql(InvoicesDocument, {}), await t.gql(IssueInvoiceDocument, { id: '1', invoiceNo: '12345678' })];
    expect(anonymous.map(errorCode)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect((await t.gql(InvoiceDocument, { id: aInvoices[1].id }, operator)).data!.invoice.status).toBe('REQUESTED');
  });
});

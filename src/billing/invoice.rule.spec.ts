import { BillingPlatform, BillStatus } from './billing.enums';
import { BillForInvoice, checkDecision, checkInvoiceNo, checkInvoiceRequest, checkRejectReason, invoiceAmount, InvoiceStatus } from './invoice.rule';

const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field}/${x.rule}`);
const req = (patch: Partial<{ billIds: string[]; title: string; taxNo: string }> = {}) => ({ billIds: ['1'], title: '杭州某某科技有限公司', taxNo: '91330106MA2XXXXX1X', ...patch });

describe('checkInvoiceRequest: every broken rule, naming its field', () => {
  it.each([
    ['a valid request', req(), []],
    ['no bills', req({ billIds: [] }), ['billIds/REQUIRED']],
    ['101 bills', req({ billIds: Array.from({ length: 101 }, (_, i) => String(i + 1)) }), ['billIds/TOO_MANY']],
    ['100 bills', req({ billIds: Array.from({ length: 100 }, (_, i) => String(i + 1)) }), []],
    ['a bill twice', req({ billIds: ['7', '8', '7'] }), ['billIds[2]/DUPLICATE']],
    ['a blank title', req({ title: '   ' }), ['title/REQUIRED']],
    ['a title of 100 Chinese characters', req({ title: '票'.repeat(100) }), []],
    ['a title of 101 characters', req({ title: 'x'.repeat(101) }), ['title/TOO_LONG']],
    ['a title with a newline', req({ title: 'Acme\nSoft' }), ['title/CONTROL_CHARACTER']],
    ['a 15-character tax number', req({ taxNo: '330106123456789' }), []],
    ['a 20-character tax number', req({ taxNo: '33010612345678901234' }), []],
    ['a 14-character tax number', req({ taxNo: '33010612345678' }), ['taxNo/BAD_TAX_NO']],
    ['a 21-character tax number', req({ taxNo: '330106123456789012345' }), ['taxNo/BAD_TAX_NO']],
    ['a lowercase tax number', req({ taxNo: '91330106ma2xxxxx1x' }), ['taxNo/BAD_TAX_NO']],
    ['a tax number with a dash', req({ taxNo: '91330106-MA2XXXXX1' }), ['taxNo/BAD_TAX_NO']],
    ['everything wrong at once', req({ billIds: [], title: '', taxNo: '' }), ['billIds/REQUIRED', 'title/REQUIRED', 'taxNo/BAD_TAX_NO']],
  ])('%s', (_what, input, expected) => {
    expect(rules(checkInvoiceRequest(input))).toEqual(expected);
  });
});

const bill = (patch: Partial<BillForInvoice> = {}): BillForInvoice => ({ id: '1', platform: BillingPlatform.DOUYIN, status: BillStatus.PAID, total: '1093.53', invoiceId: null, ...patch });

describe('invoiceAmount: paid Douyin bills not yet invoiced, summed exactly', () => {
  it('sums the totals to the fen without floating point (0.10 + 0.20 = 0.30; 1,093.53 + 100.00 + 0.01)', () => {
    expect(invoiceAmount([bill({ total: '0.10' }), bill({ id: '2', total: '0.20' })])).toEqual({ ok: true, value: '0.30' });
    expect(invoiceAmount([bill(), bill({ id: '2', total: '100.00' }), bill({ id: '3', total: '0.01' })])).toEqual({ ok: true, value: '1193.54' });
  });

  it.each([
    ['a Taobao bill', bill({ platform: BillingPlatform.TAOBAO }), 'NOT_DOUYIN'],
    ['an unpaid bill', bill({ status: BillStatus.UNPAID }), 'BILL_NOT_PAID'],
    ['a bill of 0.00', bill({ total: '0.00' }), 'ZERO_AMOUNT'],
    ['a bill on invoice 9', bill({ invoiceId: '9' }), 'ALREADY_INVOICED'],
    ['an unpaid Taobao bill (platform first)', bill({ platform: BillingPlatform.TAOBAO, status: BillStatus.UNPAID }), 'NOT_DOUYIN'],
  ])('refuses %s: %s', (_what, b, code) => {
    expect(invoiceAmount([bill({ id: '5' }), b])).toMatchObject({
      ok: false,
      refusal: { kind: 'INVALID_STATE', currentState: code, action: 'requestInvoice', message: expect.stringMatching(new RegExp(`^bill 1: ${code} `)) },
    });
  });

  it('names every refused bill; the state is the first one’s code', () => {
    expect(invoiceAmount([bill({ id: '3', status: BillStatus.UNPAID }), bill({ id: '4' }), bill({ id: '5', invoiceId: '2' })])).toMatchObject({
      ok: false,
      refusal: { currentState: 'BILL_NOT_PAID', message: expect.stringMatching(/^bill 3: BILL_NOT_PAID .*; bill 5: ALREADY_INVOICED \(already on invoice 2\)$/) },
    });
  });

  it('each refused bill is a failed check with its reason and bill id (and the invoice that holds it)', () => {
    const r = invoiceAmount([bill({ id: '3', status: BillStatus.UNPAID }), bill({ id: '4' }), bill({ id: '5', invoiceId: '2' })]);
    expect(r).toMatchObject({
      ok: false,
      refusal: {
        reason: 'BILL_NOT_PAID',
        failedChecks: [
          { reason: 'BILL_NOT_PAID', figures: [{ name: 'billId', value: '3' }] },
          { reason: 'ALREADY_INVOICED', figures: [{ name: 'billId', value: '5' }, { name: 'invoiceId', value: '2' }] },
        ],
      },
    });
  });
});

describe('decisions: only from REQUESTED', () => {
  it.each([
    [InvoiceStatus.REQUESTED, InvoiceStatus.ISSUED, true],
    [InvoiceStatus.REQUESTED, InvoiceStatus.REJECTED, true],
    [InvoiceStatus.ISSUED, InvoiceStatus.REJECTED, false],
    [InvoiceStatus.ISSUED, InvoiceStatus.ISSUED, false],
    [InvoiceStatus.REJECTED, InvoiceStatus.ISSUED, false],
  ])('%s → %s: %s', (from, to, allowed) => {
    const action = to === InvoiceStatus.ISSUED ? 'issueInvoice' : 'rejectInvoice';
    expect(checkDecision(from, to, action)).toEqual(allowed ? { ok: true, value: true } : { ok: false, refusal: expect.objectContaining({ kind: 'INVALID_STATE', currentState: from, action }) });
  });

  it.each([
    ['12345678', []],
    ['26332000000123456789', []],
    ['1234567', ['invoiceNo/BAD_INVOICE_NO']],
    ['123456789012345678901', ['invoiceNo/BAD_INVOICE_NO']],
    ['FP12345678', ['invoiceNo/BAD_INVOICE_NO']],
  ])('invoice number %s', (no, expected) => expect(rules(checkInvoiceNo(no))).toEqual(expected));

  it.each([
    ['a reason', 'title does not match the business licence', []],
    ['a blank reason', '  ', ['reason/REQUIRED']],
    ['501 characters', 'x'.repeat(501), ['reason/TOO_LONG']],
  ])('reject reason: %s', (_what, reason, expected) => expect(rules(checkRejectReason(reason))).toEqual(expected));
});

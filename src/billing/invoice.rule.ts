import { failedCheck, RefusalReason } from '../domain/common/refusal-reason';
import { invalidState, invalidStateOf, ok, Result } from '../domain/common/result';
import { violation, Violation } from '../domain/common/violation';
import { BillingPlatform, BillStatus } from './billing.enums';
import { D } from './money';

/**
 * Invoices for paid Douyin technical service fees (DOMAIN §6; 001 §4.3: "开发者可就实际已支付的技术服务费
 * 向开放平台申请开具发票"). REQUESTED by the developer, then ISSUED or REJECTED by an operator.
 */
export enum InvoiceStatus {
  REQUESTED = 'REQUESTED',
  ISSUED = 'ISSUED',
  REJECTED = 'REJECTED',
}

/** NOTE: DOMAIN is silent on these limits; they are our decision (docs/billing.md). */
export const INVOICE_LIMITS = Object.freeze({
  billIdsMax: 100,
  titleMax: 100,
  /** Taxpayer identification number (纳税人识别号): 15–20 uppercase letters or digits (18 for a unified social credit code). */
  taxNo: /^[0-9A-Z]{15,20}$/,
  /** Invoice number (发票号码): 8 digits on a paper or electronic fapiao, 20 on a fully digital one. */
  invoiceNo: /^\d{8,20}$/,
  reasonMax: 500,
});

export interface InvoiceRequestInput {
  readonly billIds: readonly string[];
  readonly title: string;
  readonly taxNo: string;
}

/** Length in characters as people count them (a Chinese character or an emoji is one). */
const chars = (s: string): number => [...s].length;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Checks a request's fields: every broken rule, naming its field. */
export function checkInvoiceRequest(input: InvoiceRequestInput): Violation[] {
  const out: Violation[] = [];
  const { billIdsMax, titleMax, taxNo } = INVOICE_LIMITS;
  if (input.billIds.length === 0) out.push(violation('billIds', 'REQUIRED', 'name at least one bill'));
  else if (input.billIds.length > billIdsMax) out.push(violation('billIds', 'TOO_MANY', `at most ${billIdsMax} bills per invoice (got ${input.billIds.length})`));
  const seen = new Set<string>();
  input.billIds.forEach((id, i) => {
    if (seen.has(id)) out.push(violation(`billIds[${i}]`, 'DUPLICATE', `bill ${id} is listed twice`));
    seen.add(id);
  });
  const title = input.title.trim();
  if (title.length === 0) out.push(violation('title', 'REQUIRED', `the invoice title (发票抬头), 1 to ${titleMax} characters`));
  else if (chars(title) > titleMax) out.push(violation('title', 'TOO_LONG', `the invoice title must be at most ${titleMax} characters (got ${chars(title)})`));
  else if (CONTROL.test(title)) out.push(violation('title', 'CONTROL_CHARACTER', 'the invoice title must not contain control characters'));
  if (!taxNo.test(input.taxNo)) out.push(violation('taxNo', 'BAD_TAX_NO', 'the taxpayer identification number is 15 to 20 uppercase letters or digits'));
  return out;
}

/** A bill as the request sees it: the fields that decide whether it may be invoiced. */
export interface BillForInvoice {
  readonly id: string;
  readonly platform: BillingPlatform;
  readonly status: BillStatus;
  readonly total: string;
  /** The REQUESTED or ISSUED invoice that already holds the bill, if any. */
  readonly invoiceId: string | null;
}

/**
 * What makes a bill invoiceable (001 §4.3): a paid Douyin bill whose total is above zero, on no
 * REQUESTED or ISSUED invoice. The one statement of the rule: `billRefusal` checks a bill against
 * it, and the account's invoiceable amount is summed in SQL with these values as parameters.
 */
export const INVOICEABLE = Object.freeze({ platform: BillingPlatform.DOUYIN, status: BillStatus.PAID, totalAbove: '0' });

/** Why one bill cannot be invoiced, most fundamental first. */
export function billRefusal(bill: BillForInvoice): { code: string; why: string } | null {
  if (bill.platform !== INVOICEABLE.platform) return { code: 'NOT_DOUYIN', why: 'Taobao fees are invoiced through the Taobao Open Platform’s own invoicing site, not here' };
  if (bill.status !== INVOICEABLE.status) return { code: 'BILL_NOT_PAID', why: 'only paid amounts are invoiced' };
  if (new D(bill.total).lte(INVOICEABLE.totalAbove)) return { code: 'ZERO_AMOUNT', why: 'nothing was paid on it' };
  if (bill.invoiceId !== null) return { code: 'ALREADY_INVOICED', why: `already on invoice ${bill.invoiceId}` };
  return null;
}

/** The refusal reason of each bill code. */
const BILL_REASONS: Readonly<Record<string, RefusalReason>> = {
  NOT_DOUYIN: RefusalReason.BILL_NOT_DOUYIN,
  BILL_NOT_PAID: RefusalReason.BILL_NOT_PAID,
  ZERO_AMOUNT: RefusalReason.BILL_ZERO_AMOUNT,
  ALREADY_INVOICED: RefusalReason.ALREADY_INVOICED,
};

/**
 * Whether these bills (in the order requested) may go on one invoice, and its amount: the exact
 * sum of their totals. Refused as INVALID_STATE whose state is the first refused bill's code
 * (NOT_DOUYIN, BILL_NOT_PAID, ZERO_AMOUNT, ALREADY_INVOICED); every refused bill is a failed check (its reason and `billId`).
 */
export function invoiceAmount(bills: readonly BillForInvoice[]): Result<string> {
  const refused = bills.map((b) => ({ b, r: billRefusal(b) })).filter((x) => x.r !== null);
  if (refused.length > 0) {
    return invalidStateOf(
      refused[0].r!.code,
      'requestInvoice',
      refused.map(({ b, r }) => failedCheck(BILL_REASONS[r!.code], `bill ${b.id}: ${r!.code} (${r!.why})`, { billId: b.id, ...(b.invoiceId !== null && r!.code === 'ALREADY_INVOICED' ? { invoiceId: b.invoiceId } : {}) })),
    );
  }
  return ok(bills.reduce((s, b) => s.plus(b.total), new D(0)).toFixed(2));
}

/** REQUESTED → ISSUED or REJECTED; a decided invoice is final. */
const DECISIONS: Readonly<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  [InvoiceStatus.REQUESTED]: [InvoiceStatus.ISSUED, InvoiceStatus.REJECTED],
  [InvoiceStatus.ISSUED]: [],
  [InvoiceStatus.REJECTED]: [],
};

/** An operator's decision: allowed only from REQUESTED. */
export function checkDecision(current: InvoiceStatus, to: InvoiceStatus, action: 'issueInvoice' | 'rejectInvoice'): Result<true> {
  return DECISIONS[current].includes(to) ? ok(true) : invalidState(current, action, `the invoice is ${current}; only a REQUESTED invoice can be issued or rejected`, RefusalReason.ALREADY_DECIDED, { status: current });
}

export function checkInvoiceNo(invoiceNo: string): Violation[] {
  return INVOICE_LIMITS.invoiceNo.test(invoiceNo) ? [] : [violation('invoiceNo', 'BAD_INVOICE_NO', 'the invoice number is 8 to 20 digits')];
}

export function checkRejectReason(reason: string): Violation[] {
  const r = reason.trim();
  if (r.length === 0) return [violation('reason', 'REQUIRED', `a reason of 1 to ${INVOICE_LIMITS.reasonMax} characters`)];
  if (chars(r) > INVOICE_LIMITS.reasonMax) return [violation('reason', 'TOO_LONG', `the reason must be at most ${INVOICE_LIMITS.reasonMax} characters (got ${chars(r)})`)];
  return [];
}

import { BillingPlatform, LedgerKind } from './billing.enums';
import { D, Dec } from './money';

/** An unpaid bill as settlement sees it. */
export interface UnpaidBill {
  readonly id: string;
  /** What the developer owes on it, after coupons (yuan). */
  readonly total: string;
  /** Its coupon lines, credited when it is paid (yuan; default 0). */
  readonly couponTotal?: string;
  /** Default TAOBAO (no deposit deduction). */
  readonly platform?: BillingPlatform;
  readonly period?: string;
  /** The day it was issued (`YYYY-MM-DD`): a Douyin bill is overdue for the deposit a month later. */
  readonly issuedOn?: string;
}

/** A ledger entry settlement asks for (the ledger writes it). */
export interface SettlementEntry {
  readonly kind: LedgerKind;
  readonly amount: string;
  readonly entryKey: string;
  readonly billId: string;
  readonly note: string;
}

/** Ways to cover a bill the balance does not. */
export interface SettlementFunding {
  /** Beijing today (`YYYY-MM-DD`): decides whether a Douyin bill is overdue for the deposit. */
  readonly today?: string;
  /** The deposit (yuan) old Douyin arrears may be deducted from (DOMAIN §6); default 0. */
  readonly deposit?: string | Dec;
  /**
   * Under ALIPAY_AUTO_DEBIT: collects `amount` for `bill` and answers the trade number, or null when
   * the debit failed. Absent for a PREPAID account.
   */
  readonly autoDebit?: (bill: UnpaidBill, amount: string) => Promise<string | null>;
}

export interface Settlement {
  readonly paid: readonly UnpaidBill[];
  readonly balanceAfter: string;
  readonly depositAfter: string;
  /** Bills still unpaid: the developer is in arrears while this is non-empty. */
  readonly stillUnpaid: readonly UnpaidBill[];
  /** The entries to write, in order: per bill its cover (RECHARGE or DEPOSIT_DEDUCTION) if any, CHARGE, COUPON. */
  readonly entries: readonly SettlementEntry[];
}

/**
 * Pays unpaid bills oldest first (DOMAIN §5: a recharge settles unpaid bills oldest first): from the
 * balance; for the part the balance does not cover, by an Alipay auto-debit of the shortfall when
 * the account has one; else, for a Douyin bill overdue by a month, from the deposit (DOMAIN §6).
 * A paid bill is charged its total plus its coupons (CHARGE) and credited its coupons (COUPON).
 * NOTE: strictly in order: it stops at the first bill nothing covers, so a later, smaller bill is
 * never paid ahead of an older one. The shortfall is the total less a positive balance.
 */
export async function settleOldestFirst(balance: string | Dec, unpaidOldestFirst: readonly UnpaidBill[], funding: SettlementFunding = {}): Promise<Settlement> {
  let left = new D(balance);
  let deposit = new D(funding.deposit ?? 0);
  const paid: UnpaidBill[] = [];
  const entries: SettlementEntry[] = [];
  let i = 0;
  for (; i < unpaidOldestFirst.length; i++) {
    const bill = unpaidOldestFirst[i];
    const total = new D(bill.total);
    if (left.lt(total)) {
      const short = total.minus(left.gt(0) ? left : 0);
      let covered = false;
      if (funding.autoDebit) {
        const tradeNo = await funding.autoDebit(bill, short.toFixed(2));
        if (tradeNo !== null) {
          entries.push({ kind: LedgerKind.RECHARGE, amount: short.toFixed(2), entryKey: `AUTODEBIT:bill:${bill.id}`, billId: bill.id, note: `Alipay auto-debit ${tradeNo}` });
          left = left.plus(short);
          covered = true;
        }
      }
      if (!covered && bill.platform === BillingPlatform.DOUYIN && funding.today !== undefined && bill.issuedOn !== undefined && overdueForDeposit(bill.issuedOn, funding.today) && deposit.gte(short)) {
        entries.push({ kind: LedgerKind.DEPOSIT_DEDUCTION, amount: short.toFixed(2), entryKey: `DEPOSIT:bill:${bill.id}`, billId: bill.id, note: `arrears of ${bill.period} over one month old, deducted from the deposit` });
        deposit = deposit.minus(short);
        left = left.plus(short);
        covered = true;
      }
      if (!covered) break;
    }
    const coupon = new D(bill.couponTotal ?? 0);
    entries.push({ kind: LedgerKind.CHARGE, amount: total.plus(coupon).neg().toFixed(2), entryKey: `CHARGE:bill:${bill.id}`, billId: bill.id, note: `${bill.platform} bill ${bill.period}` });
    if (coupon.gt(0)) entries.push({ kind: LedgerKind.COUPON, amount: coupon.toFixed(2), entryKey: `COUPON:bill:${bill.id}`, billId: bill.id, note: `coupon on ${bill.period}` });
    left = left.minus(total);
    paid.push(bill);
  }
  return { paid, balanceAfter: left.toFixed(2), depositAfter: deposit.toFixed(2), stillUnpaid: unpaidOldestFirst.slice(i), entries };
}

/**
 * Douyin (DOMAIN §6): arrears older than one month are deducted from the deposit. A bill settled
 * (issued) on `issuedOn` is overdue for deposit deduction from the same day of the next month.
 */
export function overdueForDeposit(issuedOn: string, today: string): boolean {
  const [y, m, d] = issuedOn.split('-').map(Number);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const due = `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return today >= due;
}

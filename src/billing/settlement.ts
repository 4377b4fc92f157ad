import { D, Dec } from './money';

export interface UnpaidBill {
  readonly id: string;
  readonly total: string;
}

export interface Settlement {
  readonly paid: readonly UnpaidBill[];
  readonly balanceAfter: string;
  /** Bills still unpaid: the developer is in arrears while this is non-empty. */
  readonly stillUnpaid: readonly UnpaidBill[];
}

/**
 * Pays unpaid bills oldest first from a prepaid balance (DOMAIN §5: a recharge settles unpaid
 * bills oldest first). NOTE: strictly in order — it stops at the first bill the balance cannot
 * cover, so a later, smaller bill is never paid ahead of an older one.
 */
export function settleOldestFirst(balance: string | Dec, unpaidOldestFirst: readonly UnpaidBill[]): Settlement {
  let left = new D(balance);
  const paid: UnpaidBill[] = [];
  let i = 0;
  for (; i < unpaidOldestFirst.length; i++) {
    const bill = unpaidOldestFirst[i];
    if (left.lt(bill.total)) break;
    left = left.minus(bill.total);
    paid.push(bill);
  }
  return { paid, balanceAfter: left.toFixed(2), stillUnpaid: unpaidOldestFirst.slice(i) };
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

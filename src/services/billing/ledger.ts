import { EntityManager } from 'typeorm';
import { BillingPlatform, BillStatus, LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { overdueForDeposit } from '../../billing/settlement';
import { BillingAccountEntity } from '../../db/entities';
import { PaymentProvider } from './payment-provider';

/** A ledger entry about to be written. */
export interface NewEntry {
  kind: LedgerKind;
  amount: string;
  entryKey: string;
  billId?: string | null;
  note?: string;
}

/**
 * Makes sure every developer has an account row to lock (INSERT IGNORE: racing creators are
 * harmless). Reads first without locks and inserts only the missing rows: an INSERT IGNORE on an
 * existing, locked account would wait on it while holding a shared lock on the developer row.
 */
export async function ensureAccounts(em: EntityManager, developerIds: readonly string[]): Promise<void> {
  if (developerIds.length === 0) return;
  const have = new Set<string>(
    (await em.query(`SELECT developer_id FROM billing_account WHERE developer_id IN (${developerIds.map(() => '?').join(',')})`, [...developerIds])).map((r: { developer_id: string }) => r.developer_id),
  );
  const missing = developerIds.filter((id) => !have.has(id));
  if (missing.length === 0) return;
  await em.query(`INSERT IGNORE INTO billing_account (developer_id, balance, deposit) SELECT id, 0, 0 FROM developer WHERE id IN (${missing.map(() => '?').join(',')})`, missing);
}

/** Locks the developers' account rows, in id order (one order everywhere: no lock-order deadlocks). */
export async function lockAccounts(em: EntityManager, developerIds: readonly string[]): Promise<BillingAccountEntity[]> {
  if (developerIds.length === 0) return [];
  return em
    .createQueryBuilder(BillingAccountEntity, 'a')
    .setLock('pessimistic_write')
    .where('a.developer_id IN (:...ids)', { ids: [...developerIds] })
    .orderBy('a.developer_id', 'ASC')
    .getMany();
}

/** Appends entries and moves the locked account's balance by their sum, in the caller's transaction. */
export async function post(em: EntityManager, account: BillingAccountEntity, entries: readonly NewEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await em.query(
    `INSERT INTO ledger_entry (developer_id, kind, amount, entry_key, bill_id, note) VALUES ${entries.map(() => '(?,?,?,?,?,?)').join(',')}`,
    entries.flatMap((e) => [account.developerId, e.kind, e.amount, e.entryKey, e.billId ?? null, e.note ?? '']),
  );
  const sum = entries.reduce((s, e) => s.plus(e.amount), new D(0));
  account.balance = new D(account.balance).plus(sum).toFixed(2);
  await em.query('UPDATE billing_account SET balance = ?, deposit = ? WHERE developer_id = ?', [account.balance, account.deposit, account.developerId]);
}

/** `post` for many locked accounts at once: one INSERT of entries, one upsert of balances (bulk billing runs). */
export async function postMany(em: EntityManager, batch: readonly { account: BillingAccountEntity; entries: readonly NewEntry[] }[]): Promise<void> {
  const work = batch.filter((b) => b.entries.length > 0);
  if (work.length === 0) return;
  const all = work.flatMap((b) => b.entries.map((e) => [b.account.developerId, e.kind, e.amount, e.entryKey, e.billId ?? null, e.note ?? '']));
  for (let i = 0; i < all.length; i += 2000) {
    const slice = all.slice(i, i + 2000);
    await em.query(`INSERT INTO ledger_entry (developer_id, kind, amount, entry_key, bill_id, note) VALUES ${slice.map(() => '(?,?,?,?,?,?)').join(',')}`, slice.flat());
  }
  for (const b of work) b.account.balance = b.entries.reduce((s, e) => s.plus(e.amount), new D(b.account.balance)).toFixed(2);
  // The rows exist and are locked by this transaction: the upsert only updates them.
  await em.query(
    `INSERT INTO billing_account (developer_id, balance, deposit) VALUES ${work.map(() => '(?,?,?)').join(',')}
     ON DUPLICATE KEY UPDATE balance = VALUES(balance), deposit = VALUES(deposit)`,
    work.flatMap((b) => [b.account.developerId, b.account.balance, b.account.deposit]),
  );
}

interface UnpaidRow {
  id: string;
  total: string;
  coupon_total: string;
  platform: BillingPlatform;
  period: string;
  issued_on: string | Date;
}

const isoDate = (v: string | Date): string => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

/**
 * Settles the locked accounts' unpaid bills, oldest first (DOMAIN §5): from the balance; else,
 * under ALIPAY_AUTO_DEBIT, by debiting the bill through the provider; else, for a Douyin bill
 * overdue by a month, from the deposit (DOMAIN §6). Stops at the first bill none of these covers.
 * Then sets or clears each developer's `restricted_for_arrears` (the hook callPermission reads).
 * Bills are read with FOR UPDATE so a concurrent settlement can never pay one twice.
 */
export async function settleAccounts(em: EntityManager, accounts: readonly BillingAccountEntity[], provider: PaymentProvider, today: string, now: Date): Promise<void> {
  if (accounts.length === 0) return;
  const ids = accounts.map((a) => a.developerId);
  const rows: (UnpaidRow & { developer_id: string })[] = await em.query(
    `SELECT id, developer_id, total, coupon_total, platform, period, issued_on FROM bill
      WHERE developer_id IN (${ids.map(() => '?').join(',')}) AND status = 'UNPAID'
      ORDER BY developer_id, period_start, id FOR UPDATE`,
    ids,
  );
  const byDev = new Map<string, UnpaidRow[]>();
  for (const r of rows) (byDev.get(r.developer_id) ?? byDev.set(r.developer_id, []).get(r.developer_id)!).push(r);

  const paidIds: string[] = [];
  const batch: { account: BillingAccountEntity; entries: NewEntry[] }[] = [];
  const restricted: string[] = [];
  const clear: string[] = [];
  for (const account of accounts) {
    const unpaid = byDev.get(account.developerId) ?? [];
    const entries: NewEntry[] = [];
    let balance = new D(account.balance);
    let deposit = new D(account.deposit);
    let stuck = false;
    for (const bill of unpaid) {
      const total = new D(bill.total);
      if (balance.lt(total)) {
        const short = total.minus(balance.gt(0) ? balance : 0);
        let covered = false;
        if (account.paymentMode === PaymentMode.ALIPAY_AUTO_DEBIT && account.alipayAgreementNo) {
          const debit = await provider.autoDebit({ agreementNo: account.alipayAgreementNo, amount: short.toFixed(2), idempotencyKey: `bill:${bill.id}` });
          if (debit.ok) {
            entries.push({ kind: LedgerKind.RECHARGE, amount: short.toFixed(2), entryKey: `AUTODEBIT:bill:${bill.id}`, billId: bill.id, note: `Alipay auto-debit ${debit.tradeNo}` });
            balance = balance.plus(short);
            covered = true;
          }
        }
        if (!covered && bill.platform === BillingPlatform.DOUYIN && overdueForDeposit(isoDate(bill.issued_on), today) && deposit.gte(short)) {
          entries.push({ kind: LedgerKind.DEPOSIT_DEDUCTION, amount: short.toFixed(2), entryKey: `DEPOSIT:bill:${bill.id}`, billId: bill.id, note: `arrears of ${bill.period} over one month old, deducted from the deposit` });
          deposit = deposit.minus(short);
          balance = balance.plus(short);
          covered = true;
        }
        if (!covered) {
          stuck = true;
          break;
        }
      }
      const coupon = new D(bill.coupon_total);
      entries.push({ kind: LedgerKind.CHARGE, amount: total.plus(coupon).neg().toFixed(2), entryKey: `CHARGE:bill:${bill.id}`, billId: bill.id, note: `${bill.platform} bill ${bill.period}` });
      if (coupon.gt(0)) entries.push({ kind: LedgerKind.COUPON, amount: coupon.toFixed(2), entryKey: `COUPON:bill:${bill.id}`, billId: bill.id, note: `coupon on ${bill.period}` });
      balance = balance.minus(total);
      paidIds.push(bill.id);
    }
    account.deposit = deposit.toFixed(2);
    if (entries.length > 0) batch.push({ account, entries });
    (stuck ? restricted : clear).push(account.developerId);
  }
  await postMany(em, batch);
  if (paidIds.length > 0) await em.query(`UPDATE bill SET status = '${BillStatus.PAID}', paid_at = ? WHERE id IN (${paidIds.map(() => '?').join(',')})`, [now, ...paidIds]);
  if (restricted.length > 0) await em.query(`UPDATE developer SET restricted_for_arrears = 1 WHERE id IN (${restricted.map(() => '?').join(',')})`, restricted);
  if (clear.length > 0) await em.query(`UPDATE developer SET restricted_for_arrears = 0 WHERE id IN (${clear.map(() => '?').join(',')})`, clear);
}

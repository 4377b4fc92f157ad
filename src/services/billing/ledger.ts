import { EntityManager } from 'typeorm';
import { BillingPlatform, BillStatus, LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { D, Dec } from '../../billing/money';
import { settleOldestFirst } from '../../billing/settlement';
import { BillingAccountEntity } from '../../db/entities';
import { runStatement, sqlDatetime, sqlDecimal, sqlText, Statement, tsvDecimal, tsvText } from './bulk-write';
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

/** What a developer owes: the number and the sum of its unpaid bills (the arrears). */
export async function unpaidOf(em: EntityManager, developerId: string): Promise<{ count: number; total: string }> {
  const [r] = await em.query(`SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS s FROM bill WHERE developer_id = ? AND status = 'UNPAID'`, [developerId]);
  return { count: Number(r.n), total: new D(r.s).toFixed(2) };
}

/** Locks the developers' account rows, in id order (one order everywhere: no lock-order deadlocks). */
export async function lockAccounts(em: EntityManager, developerIds: readonly string[]): Promise<BillingAccountEntity[]> {
  if (developerIds.length === 0) return [];
  return accountsFrom(await em.query(lockAccountsSql(developerIds)));
}

/**
 * `lockAccounts`' statement, formatted (for a caller sending it with others). Plain SQL, rows copied
 * into entities (`accountsFrom`): the query builder's SQL building and hydration were a visible share
 * of a billing chunk (50 accounts each).
 */
export function lockAccountsSql(developerIds: readonly string[]): string {
  return `SELECT developer_id, balance, deposit, payment_mode, alipay_agreement_no, new_isv, updated_at FROM billing_account
    WHERE developer_id IN (${developerIds.map(sqlText).join(',')}) ORDER BY developer_id FOR UPDATE`;
}

interface AccountRow {
  developer_id: string;
  balance: string;
  deposit: string;
  payment_mode: PaymentMode;
  alipay_agreement_no: string | null;
  new_isv: number | string;
  updated_at: Date;
}

/** The rows of `lockAccountsSql` as entities. */
export function accountsFrom(rows: readonly AccountRow[]): BillingAccountEntity[] {
  return rows.map((r) =>
    Object.assign(new BillingAccountEntity(), {
      developerId: r.developer_id,
      balance: r.balance,
      deposit: r.deposit,
      paymentMode: r.payment_mode,
      alipayAgreementNo: r.alipay_agreement_no,
      newIsv: Number(r.new_isv) === 1,
      updatedAt: r.updated_at,
    }),
  );
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
  for (const statement of postManySql(batch, false)) await runStatement(em, statement);
}

const LEDGER_COLUMNS = ['developer_id', 'kind', 'amount', 'entry_key', 'bill_id', 'note'];

/**
 * `postMany`'s statements, formatted, in order (moves the accounts' balances in memory now). The
 * entries as one LOAD DATA when `loadData` (the server parses tab-separated rows with less CPU than
 * the same rows as INSERT literals; see bulk-write.ts), else INSERTs of literals, not `?`
 * placeholders: no placeholder scan of a statement of thousands of values.
 */
function postManySql(batch: readonly { account: BillingAccountEntity; entries: readonly NewEntry[] }[], loadData: boolean): Statement[] {
  const work = batch.filter((b) => b.entries.length > 0);
  if (work.length === 0) return [];
  const out: Statement[] = [];
  if (loadData) {
    let rows = '';
    let count = 0;
    for (const b of work) {
      const dev = tsvText(b.account.developerId);
      for (const e of b.entries) {
        rows += `${dev}\t${e.kind}\t${tsvDecimal(e.amount)}\t${tsvText(e.entryKey)}\t${e.billId == null ? '\\N' : tsvDecimal(String(e.billId))}\t${tsvText(e.note ?? '')}\n`;
        count++;
      }
    }
    out.push({ table: 'ledger_entry', fields: LEDGER_COLUMNS, rows, expected: count });
  } else {
    const all = work.flatMap((b) => {
      const dev = sqlText(b.account.developerId);
      return b.entries.map((e) => `(${dev},${sqlText(e.kind)},${sqlDecimal(e.amount)},${sqlText(e.entryKey)},${e.billId == null ? 'NULL' : sqlDecimal(String(e.billId))},${sqlText(e.note ?? '')})`);
    });
    for (let i = 0; i < all.length; i += 2000) out.push(`INSERT INTO ledger_entry (${LEDGER_COLUMNS.join(', ')}) VALUES ${all.slice(i, i + 2000).join(',')}`);
  }
  for (const b of work) b.account.balance = b.entries.reduce((s, e) => s.plus(e.amount), new D(b.account.balance)).toFixed(2);
  // The rows exist and are locked by this transaction: the upsert only updates them.
  out.push(
    `INSERT INTO billing_account (developer_id, balance, deposit) VALUES ${work.map((b) => `(${sqlText(b.account.developerId)},${sqlDecimal(b.account.balance)},${sqlDecimal(b.account.deposit)})`).join(',')}
     ON DUPLICATE KEY UPDATE balance = VALUES(balance), deposit = VALUES(deposit)`,
  );
  return out;
}

export interface UnpaidRow {
  id: string;
  developer_id: string;
  total: string;
  coupon_total: string;
  platform: BillingPlatform;
  period: string;
  /** period_start as YYYY-MM-DD. NOTE: not aliased period_start: ORDER BY period_start would then sort this text instead of walking the index. */
  start_day: string;
  issued_on: string | Date;
}

const isoDate = (v: string | Date): string => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

const UNPAID_COLUMNS = `id, developer_id, total, coupon_total, platform, period, DATE_FORMAT(period_start, '%Y-%m-%d') AS start_day, issued_on`;

interface SettleState {
  account: BillingAccountEntity;
  entries: NewEntry[];
  balance: Dec;
  deposit: Dec;
  stuck: boolean;
  /** The last bill paid: the next read starts after it. */
  last: UnpaidRow | null;
  /** Bills this developer's current round reads. */
  limit: number;
}

/** Bills read per developer in settlement's first round; each further round doubles, up to the cap. */
const FIRST_ROUND = 16;
const ROUND_CAP = 1024;

/**
 * The first round for an account as read before its lock (the billing run reads accounts while it
 * prepares a chunk): one bill when it has nothing to pay with — no balance, no deposit, no
 * auto-debit — since its oldest unpaid bill will stop it; else `FIRST_ROUND`. Only a read size:
 * whatever the locked account holds, a developer that pays every bill of a round is read again
 * (`planSettlement`), so a stale figure costs a round trip, never a bill. In the bench, half the
 * developers are in arrears, and their 16 bills read and locked per chunk to pay none were a third
 * of settlement's reads (docs/billing.md, "Sixth pass").
 */
export function firstRoundFor(account: { balance: string; deposit: string; paymentMode: PaymentMode }): number {
  const nothingToPayWith = new D(account.balance).lte(0) && new D(account.deposit).lte(0) && account.paymentMode !== PaymentMode.ALIPAY_AUTO_DEBIT;
  return nothingToPayWith ? 1 : FIRST_ROUND;
}

/**
 * The next `limit` unpaid bills of each developer, oldest first, after the last bill it paid,
 * locked FOR UPDATE: one statement, a UNION ALL of one LIMITed range of idx_bill_developer_status
 * per developer, so only the rows settlement looks at are read and locked. (A locking clause inside
 * a parenthesized UNION member is accepted by MariaDB 10.11 and MySQL 8.)
 */
async function nextUnpaid(em: EntityManager, states: readonly SettleState[]): Promise<Map<string, UnpaidRow[]>> {
  return groupUnpaid(await em.query(nextUnpaidSql(states.map((st) => ({ developerId: st.account.developerId, last: st.last, limit: st.limit })))));
}

/** `nextUnpaid`'s statement, formatted (literals, not placeholders): `limit` bills of each developer. */
function nextUnpaidSql(devs: readonly { developerId: string; last: UnpaidRow | null; limit: number }[]): string {
  return devs
    .map(
      ({ developerId, last, limit }) =>
        `(SELECT ${UNPAID_COLUMNS} FROM bill WHERE developer_id = ${sqlText(developerId)} AND status = 'UNPAID'${
          last ? ` AND (period_start > ${sqlText(last.start_day)} OR (period_start = ${sqlText(last.start_day)} AND id > ${sqlDecimal(String(last.id))}))` : ''
        }
      ORDER BY period_start, id LIMIT ${Math.floor(limit)} FOR UPDATE)`,
    )
    .join(' UNION ALL ');
}

function groupUnpaid(rows: readonly UnpaidRow[]): Map<string, UnpaidRow[]> {
  const out = new Map<string, UnpaidRow[]>();
  for (const r of rows) (out.get(r.developer_id) ?? out.set(r.developer_id, []).get(r.developer_id)!).push(r);
  return out;
}

/**
 * Settlement's first reads for these developers, formatted, for a caller that sends them with other
 * statements (the billing run): lock the accounts (`lockAccountsSql`), then read each one's first
 * round of unpaid bills (`firstRounds`: bills per developer, `FIRST_ROUND` for one not named). Their
 * results go to `accountsFrom` and `planSettlement`'s `firstRound`, with the same `firstRounds`.
 */
export function settlementReadsSql(developerIds: readonly string[], firstRounds?: ReadonlyMap<string, number>): [lock: string, firstRound: string] {
  return [lockAccountsSql(developerIds), nextUnpaidSql(developerIds.map((developerId) => ({ developerId, last: null, limit: firstRounds?.get(developerId) ?? FIRST_ROUND })))];
}

/** Pays `unpaid` (oldest first) by the pure rule (`settleOldestFirst`) until one cannot be covered; records its entries on the state. */
async function payInOrder(st: SettleState, unpaid: readonly UnpaidRow[], provider: PaymentProvider, today: string, paidIds: string[]): Promise<void> {
  const { account } = st;
  const agreementNo = account.paymentMode === PaymentMode.ALIPAY_AUTO_DEBIT ? account.alipayAgreementNo : null;
  const bills = unpaid.map((r) => ({ id: r.id, total: r.total, couponTotal: r.coupon_total, platform: r.platform, period: r.period, issuedOn: isoDate(r.issued_on) }));
  const s = await settleOldestFirst(st.balance, bills, {
    today,
    deposit: st.deposit,
    autoDebit: agreementNo
      ? async (bill, amount) => {
          const debit = await provider.autoDebit({ agreementNo, amount, idempotencyKey: `bill:${bill.id}` });
          return debit.ok ? debit.tradeNo : null;
        }
      : undefined,
  });
  st.entries.push(...s.entries);
  st.balance = new D(s.balanceAfter);
  st.deposit = new D(s.depositAfter);
  if (s.paid.length > 0) st.last = unpaid[s.paid.length - 1];
  for (const b of s.paid) paidIds.push(b.id);
  if (s.stillUnpaid.length > 0) st.stuck = true;
}

/**
 * Settles the locked accounts' unpaid bills, oldest first (DOMAIN §5): from the balance; else,
 * under ALIPAY_AUTO_DEBIT, by debiting the bill through the provider; else, for a Douyin bill
 * overdue by a month, from the deposit (DOMAIN §6). Stops at the first bill none of these covers.
 * Then sets or clears each developer's `restricted_for_arrears` (the hook callPermission reads).
 * Bills are read with FOR UPDATE so a concurrent settlement can never pay one twice. They are read
 * in rounds, a few per developer at a time (16, then 32, 64...), until each developer is stuck on a
 * bill or has none left: a developer deep in arrears costs its oldest bills, not its whole backlog
 * (reading every unpaid bill of every developer of a billing chunk was a third of the billing bench).
 */
export async function settleAccounts(em: EntityManager, accounts: readonly BillingAccountEntity[], provider: PaymentProvider, today: string, now: Date): Promise<void> {
  for (const statement of await planSettlement(em, accounts, provider, today, now)) await runStatement(em, statement);
}

/** How `planSettlement` reads and writes for a caller that batches its statements (the billing run). */
export interface SettlementPlanOptions {
  /** The rows of `settlementReadsSql`'s second statement, when the caller already read them ... */
  firstRound?: readonly UnpaidRow[];
  /** ... and the sizes it read them with. */
  firstRounds?: ReadonlyMap<string, number>;
  /** The ledger entries as a LOAD DATA (on a connection that allows LOCAL INFILE), not an INSERT. */
  loadData?: boolean;
}

/**
 * `settleAccounts` up to its writes: reads (in rounds, locking) and decides, then returns the writes
 * as formatted statements, in order, for the caller to send (the billing run sends them in one round
 * trip with its lease renewal).
 */
export async function planSettlement(
  em: EntityManager,
  accounts: readonly BillingAccountEntity[],
  provider: PaymentProvider,
  today: string,
  now: Date,
  { firstRound, firstRounds, loadData = false }: SettlementPlanOptions = {},
): Promise<Statement[]> {
  if (accounts.length === 0) return [];
  const states = accounts.map(
    (account): SettleState => ({
      account,
      entries: [],
      balance: new D(account.balance),
      deposit: new D(account.deposit),
      stuck: false,
      last: null,
      limit: firstRounds?.get(account.developerId) ?? FIRST_ROUND,
    }),
  );
  const paidIds: string[] = [];
  let pending = states;
  for (let round = 0; pending.length > 0; round++) {
    const unpaid = round === 0 && firstRound ? groupUnpaid(firstRound) : await nextUnpaid(em, pending);
    const more: SettleState[] = [];
    for (const st of pending) {
      const bills = unpaid.get(st.account.developerId) ?? [];
      await payInOrder(st, bills, provider, today, paidIds);
      // Paid a full round: there may be more (the next round at least FIRST_ROUND, after a short first one).
      if (!st.stuck && bills.length === st.limit) {
        st.limit = Math.min(Math.max(st.limit * 2, FIRST_ROUND), ROUND_CAP);
        more.push(st);
      }
    }
    pending = more;
  }

  const batch: { account: BillingAccountEntity; entries: NewEntry[] }[] = [];
  const restricted: string[] = [];
  const clear: string[] = [];
  for (const st of states) {
    st.account.deposit = st.deposit.toFixed(2);
    if (st.entries.length > 0) batch.push({ account: st.account, entries: st.entries });
    (st.stuck ? restricted : clear).push(st.account.developerId);
  }
  const out = postManySql(batch, loadData);
  if (paidIds.length > 0) out.push(`UPDATE bill SET status = '${BillStatus.PAID}', paid_at = ${sqlDatetime(now)} WHERE id IN (${paidIds.map((id) => sqlDecimal(String(id))).join(',')})`);
  // One statement sets and clears the flags: restricted while stuck on a bill, clear otherwise.
  const all = [...restricted, ...clear];
  const flag = restricted.length > 0 ? `id IN (${restricted.map(sqlText).join(',')})` : '0';
  out.push(`UPDATE developer SET restricted_for_arrears = ${flag} WHERE id IN (${all.map(sqlText).join(',')})`);
  return out;
}

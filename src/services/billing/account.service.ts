import { DataSource, EntityManager } from 'typeorm';
import { LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { D, isMoneyFormat } from '../../billing/money';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { violation, Violation } from '../../domain/common/violation';
import { BillingAccountEntity, DeveloperEntity, LedgerEntryEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { ensureAccounts, lockAccounts, post, settleAccounts, unpaidOf } from './ledger';
import { PaymentProvider } from './payment-provider';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../../domain/common/role';

const KEY_RE = /^[A-Za-z0-9._:-]{1,100}$/;
/** NOTE: one recharge is capped at 1,000,000 yuan (a sandbox-era guard against typos). */
const MAX_RECHARGE = new D(1_000_000);

function checkAmount(field: string, value: string, allowNegative: boolean): Violation[] {
  const neg = allowNegative && value.startsWith('-');
  const body = neg ? value.slice(1) : value;
  if (!isMoneyFormat(body, 10)) return [violation(field, 'NOT_AN_AMOUNT', 'an amount in yuan with at most two decimals, e.g. "100.00"')];
  if (new D(body).lte(0)) return [violation(field, 'NOT_POSITIVE', allowNegative ? 'the amount must not be zero' : 'the amount must be above zero')];
  return [];
}

export interface AccountView {
  account: BillingAccountEntity;
  restrictedForArrears: boolean;
  unpaidTotal: string;
  unpaidCount: number;
  ledgerSum: string;
}

/** Money movements on developer accounts: every one locks the account row, writes ledger entries and moves the balance in one transaction. */
export class AccountService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly audit: AuditService,
  ) {}

  /**
   * Locks the account row. NOTE: the row is created beforehand OUTSIDE the transaction: inserting it
   * takes a shared lock on the developer row (foreign key), and holding that while settlement later
   * updates `developer.restricted_for_arrears` would deadlock two concurrent writers. Callers run
   * `ensureAccounts` before opening their transaction (not inside it: a second pool connection
   * taken while holding one starves the pool under load).
   */
  private async lockOne(em: EntityManager, developerId: string): Promise<BillingAccountEntity> {
    const [account] = await lockAccounts(em, [developerId]);
    if (!account) throw notFound('Developer', developerId);
    return account;
  }

  /** The account with its arrears; created empty on first read. */
  async view(developerId: string): Promise<AccountView> {
    const dev = await this.ds.manager.findOneBy(DeveloperEntity, { id: developerId });
    if (!dev) throw notFound('Developer', developerId);
    await ensureAccounts(this.ds.manager, [developerId]);
    const account = await this.ds.manager.findOneByOrFail(BillingAccountEntity, { developerId });
    const unpaid = await unpaidOf(this.ds.manager, developerId);
    const [l] = await this.ds.query('SELECT COALESCE(SUM(amount), 0) AS s FROM ledger_entry WHERE developer_id = ?', [developerId]);
    return { account, restrictedForArrears: dev.restrictedForArrears, unpaidTotal: unpaid.total, unpaidCount: unpaid.count, ledgerSum: new D(l.s).toFixed(2) };
  }

  /**
   * A prepaid recharge through the payment provider (sandbox in development): one RECHARGE entry,
   * then unpaid bills are settled oldest first and the arrears restriction lifted when none remain.
   * Idempotent by (developer, idempotencyKey): a repeat answers the account without a second entry.
   */
  async recharge(developerId: string, amount: string, idempotencyKey: string): Promise<Result<AccountView>> {
    const v = [...checkAmount('amount', amount, false)];
    if (!KEY_RE.test(idempotencyKey)) v.push(violation('idempotencyKey', 'BAD_KEY', '1–100 characters of letters, digits, . _ : -'));
    if (v.length === 0 && new D(amount).gt(MAX_RECHARGE)) v.push(violation('amount', 'TOO_LARGE', 'at most 1,000,000.00 per recharge'));
    if (v.length > 0) return invalidInput(v);
    await ensureAccounts(this.ds.manager, [developerId]);
    await this.ds.transaction(async (em) => {
      const account = await this.lockOne(em, developerId);
      const entryKey = `RECHARGE:${developerId}:${idempotencyKey}`;
      if (await em.existsBy(LedgerEntryEntity, { entryKey })) return; // already applied
      const paid = await this.provider.collectRecharge({ developerId, amount, idempotencyKey });
      if (!paid.ok) throw new Error(`payment provider refused the recharge: ${paid.reason}`);
      await post(em, account, [{ kind: LedgerKind.RECHARGE, amount: new D(amount).toFixed(2), entryKey, note: `recharge via ${this.provider.name} ${paid.tradeNo}` }]);
      const now = this.clock.now();
      await settleAccounts(em, [account], this.provider, beijingDate(now), now);
    });
    return ok(await this.view(developerId));
  }

  /**
   * An operator's adjustment, either sign (ADJUSTMENT entry). NOTE: a negative adjustment that would
   * take the balance below zero is refused (INSUFFICIENT_BALANCE): the ledger never overdraws.
   */
  async adjust(actor: Viewer, developerId: string, amount: string, reason: string, idempotencyKey: string): Promise<Result<AccountView>> {
    const v = [...checkAmount('amount', amount, true)];
    if (!KEY_RE.test(idempotencyKey)) v.push(violation('idempotencyKey', 'BAD_KEY', '1–100 characters of letters, digits, . _ : -'));
    if (!reason.trim() || reason.length > 300) v.push(violation('reason', 'REQUIRED', 'a reason of 1–300 characters'));
    if (v.length > 0) return invalidInput(v);
    await ensureAccounts(this.ds.manager, [developerId]);
    const refused = await this.ds.transaction(async (em) => {
      const account = await this.lockOne(em, developerId);
      const entryKey = `ADJUSTMENT:${developerId}:${idempotencyKey}`;
      if (await em.existsBy(LedgerEntryEntity, { entryKey })) return null;
      if (new D(account.balance).plus(amount).lt(0)) return account.balance;
      const before = { balance: account.balance };
      await post(em, account, [{ kind: LedgerKind.ADJUSTMENT, amount: new D(amount).toFixed(2), entryKey, note: reason.trim() }]);
      await this.audit.record(em, {
        actor,
        action: 'adjustBalance',
        entityType: 'BillingAccount',
        entityId: developerId,
        before,
        after: { balance: new D(before.balance).plus(amount).toFixed(2), amount: new D(amount).toFixed(2), reason: reason.trim(), idempotencyKey },
      });
      if (new D(amount).gt(0)) {
        const now = this.clock.now();
        await settleAccounts(em, [account], this.provider, beijingDate(now), now);
      }
      return null;
    });
    if (refused !== null) return invalidState('INSUFFICIENT_BALANCE', 'adjustBalance', `the balance ${refused} cannot cover ${amount}`, RefusalReason.INSUFFICIENT_BALANCE, { balance: refused, amount });
    return ok(await this.view(developerId));
  }

  /** The developer chooses PREPAID, or ALIPAY_AUTO_DEBIT with the agreement number they signed. */
  async setPaymentMode(developerId: string, mode: PaymentMode, agreementNo: string | null): Promise<Result<AccountView>> {
    if (mode === PaymentMode.ALIPAY_AUTO_DEBIT && !(agreementNo && /^[A-Za-z0-9-]{6,64}$/.test(agreementNo))) {
      return invalidInput([violation('agreementNo', 'REQUIRED', 'auto-debit needs the signed agreement number (6–64 letters, digits, -)')]);
    }
    await ensureAccounts(this.ds.manager, [developerId]);
    await this.ds.transaction(async (em) => {
      const account = await this.lockOne(em, developerId);
      await em.update(BillingAccountEntity, { developerId }, { paymentMode: mode, alipayAgreementNo: mode === PaymentMode.ALIPAY_AUTO_DEBIT ? agreementNo : null });
      Object.assign(account, { paymentMode: mode, alipayAgreementNo: mode === PaymentMode.ALIPAY_AUTO_DEBIT ? agreementNo : null });
      const now = this.clock.now();
      await settleAccounts(em, [account], this.provider, beijingDate(now), now);
    });
    return ok(await this.view(developerId));
  }

  /** Operator: the developer's deposit (Douyin) and whether they are a qualifying new ISV. */
  async setTerms(actor: Viewer, developerId: string, input: { deposit?: string | null; newIsv?: boolean | null }): Promise<Result<AccountView>> {
    if (input.deposit != null) {
      const v = isMoneyFormat(input.deposit, 12) ? [] : [violation('deposit', 'NOT_AN_AMOUNT', 'an amount in yuan ≥ 0 with at most two decimals')];
      if (v.length > 0) return invalidInput(v);
    }
    await ensureAccounts(this.ds.manager, [developerId]);
    await this.ds.transaction(async (em) => {
      const account = await this.lockOne(em, developerId);
      const before = { deposit: account.deposit, newIsv: account.newIsv };
      if (input.deposit != null) account.deposit = new D(input.deposit).toFixed(2);
      if (input.newIsv != null) account.newIsv = input.newIsv;
      await em.update(BillingAccountEntity, { developerId }, { deposit: account.deposit, newIsv: account.newIsv });
      await this.audit.record(em, { actor, action: 'setBillingTerms', entityType: 'BillingAccount', entityId: developerId, before, after: { deposit: account.deposit, newIsv: account.newIsv } });
      const now = this.clock.now();
      await settleAccounts(em, [account], this.provider, beijingDate(now), now);
    });
    return ok(await this.view(developerId));
  }

  /** Operator: settles every developer in arrears (auto-debit retries, Douyin deposit deductions). Returns how many are still in arrears. */
  async collectArrears(): Promise<{ developers: number; stillInArrears: number }> {
    const ids: string[] = (await this.ds.query(`SELECT DISTINCT developer_id AS id FROM bill WHERE status = 'UNPAID' ORDER BY developer_id`)).map((r: { id: string }) => r.id);
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      await ensureAccounts(this.ds.manager, chunk);
      await this.ds.transaction(async (em) => {
        const now = this.clock.now();
        await settleAccounts(em, await lockAccounts(em, chunk), this.provider, beijingDate(now), now);
      });
    }
    const [r] = await this.ds.query(`SELECT COUNT(DISTINCT developer_id) AS n FROM bill WHERE status = 'UNPAID'`);
    return { developers: ids.length, stillInArrears: Number(r.n) };
  }

  /** One page of the developer's ledger, newest first. */
  async ledger(developerId: string, limit: number, beforeId: string | null): Promise<{ rows: LedgerEntryEntity[]; hasNextPage: boolean }> {
    const qb = this.ds.getRepository(LedgerEntryEntity).createQueryBuilder('e').where('e.developer_id = :developerId', { developerId });
    if (beforeId) qb.andWhere('e.id < :beforeId', { beforeId });
    const rows = await qb.orderBy('e.id', 'DESC').take(limit + 1).getMany();
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }
}

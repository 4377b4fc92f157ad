import { DataSource, EntityManager } from 'typeorm';
import { LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { checkAdjustmentInput, checkRecharge, KeyedMovement, planAdjustment, planPaymentMode, planRecharge, planTerms, checkTermsInput } from '../../billing/account.rule';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { BillingAccountEntity, DeveloperEntity, LedgerEntryEntity } from '../../db/entities';
import { change, UNCHANGED } from '../common/change';
import { notFound } from '../common/errors';
import { ensureAccounts, lockAccounts, post, settleAccounts, unpaidOf } from './ledger';
import { PaymentProvider } from './payment-provider';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../../domain/common/role';

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
   * Idempotent by (developer, idempotencyKey): a repeat answers the account without a second entry
   * (and records nothing). NOTE: the provider is called inside the transaction, so it is never re-run.
   */
  async recharge(actor: Viewer, amount: string, idempotencyKey: string): Promise<Result<AccountView>> {
    const developerId = actor.subjectId!;
    const v = checkRecharge(amount, idempotencyKey);
    if (v.length > 0) return invalidInput(v);
    const entryKey = `RECHARGE:${developerId}:${idempotencyKey}`;
    await ensureAccounts(this.ds.manager, [developerId]);
    const moved = await this.keyedMovement(actor, {
      action: 'recharge',
      developerId,
      entryKey,
      rule: (_account, applied) => planRecharge(applied),
      write: async (em, account) => {
        const paid = await this.provider.collectRecharge({ developerId, amount, idempotencyKey });
        if (!paid.ok) throw new Error(`payment provider refused the recharge: ${paid.reason}`);
        await post(em, account, [{ kind: LedgerKind.RECHARGE, amount: new D(amount).toFixed(2), entryKey, note: `recharge via ${this.provider.name} ${paid.tradeNo}` }]);
        return { amount: new D(amount).toFixed(2), idempotencyKey, tradeNo: paid.tradeNo };
      },
      settles: true,
    });
    return this.then(developerId, moved);
  }

  /**
   * An operator's adjustment, either sign (ADJUSTMENT entry). NOTE: a negative adjustment that would
   * take the balance below zero is refused (INSUFFICIENT_BALANCE): the ledger never overdraws.
   */
  async adjust(actor: Viewer, developerId: string, amount: string, reason: string, idempotencyKey: string): Promise<Result<AccountView>> {
    const v = checkAdjustmentInput(amount, reason, idempotencyKey);
    if (v.length > 0) return invalidInput(v);
    const entryKey = `ADJUSTMENT:${developerId}:${idempotencyKey}`;
    await ensureAccounts(this.ds.manager, [developerId]);
    const moved = await this.keyedMovement(actor, {
      action: 'adjustBalance',
      developerId,
      entryKey,
      rule: (account, applied) => planAdjustment(account.balance, amount, applied),
      write: async (em, account) => {
        await post(em, account, [{ kind: LedgerKind.ADJUSTMENT, amount: new D(amount).toFixed(2), entryKey, note: reason.trim() }]);
        return { amount: new D(amount).toFixed(2), reason: reason.trim(), idempotencyKey };
      },
      // A credit may settle unpaid bills; a debit settles nothing.
      settles: new D(amount).gt(0),
    });
    return this.then(developerId, moved);
  }

  /** The developer chooses PREPAID, or ALIPAY_AUTO_DEBIT with the agreement number they signed. */
  async setPaymentMode(actor: Viewer, mode: PaymentMode, agreementNo: string | null): Promise<Result<AccountView>> {
    const developerId = actor.subjectId!;
    const planned = planPaymentMode(mode, agreementNo);
    if (!planned.ok) return planned;
    await ensureAccounts(this.ds.manager, [developerId]);
    return this.then(
      developerId,
      await change(this.ds, this.audit, {
        actor,
        action: 'setPaymentMode',
        lock: (em) => this.lockOne(em, developerId),
        rule: () => planned,
        before: (account) => ({ paymentMode: account.paymentMode, alipayAgreementNo: account.alipayAgreementNo }),
        save: async (em, account, columns) => {
          await em.update(BillingAccountEntity, { developerId }, columns);
          Object.assign(account, columns);
          await this.settle(em, account);
          return ok(columns);
        },
        audit: (_a, columns) => ({ entityType: 'BillingAccount', entityId: developerId, after: columns }),
      }),
    );
  }

  /** Operator: the developer's deposit (Douyin) and whether they are a qualifying new ISV. */
  async setTerms(actor: Viewer, developerId: string, input: { deposit?: string | null; newIsv?: boolean | null }): Promise<Result<AccountView>> {
    const v = checkTermsInput(input);
    if (v.length > 0) return invalidInput(v);
    await ensureAccounts(this.ds.manager, [developerId]);
    return this.then(
      developerId,
      await change(this.ds, this.audit, {
        actor,
        action: 'setBillingTerms',
        lock: (em) => this.lockOne(em, developerId),
        rule: (account) => planTerms(account, input),
        before: (account) => ({ deposit: account.deposit, newIsv: account.newIsv }),
        save: async (em, account, terms) => {
          Object.assign(account, terms);
          await em.update(BillingAccountEntity, { developerId }, terms);
          await this.settle(em, account);
          return ok(terms);
        },
        audit: (_a, terms) => ({ entityType: 'BillingAccount', entityId: developerId, after: terms }),
      }),
    );
  }

  /**
   * A keyed money movement on one account through `change()`: the account locked and the key
   * looked up, the pure rule, the entry posted once (`post`), unpaid bills settled when `settles`.
   * The entry records the balance before and after; a repeat of the key records nothing.
   */
  private keyedMovement(
    actor: Viewer,
    m: {
      action: string;
      developerId: string;
      entryKey: string;
      rule: (account: BillingAccountEntity, alreadyApplied: boolean) => Result<KeyedMovement>;
      write: (em: EntityManager, account: BillingAccountEntity) => Promise<Record<string, unknown>>;
      settles: boolean;
    },
  ): Promise<Result<Record<string, unknown> | null>> {
    const { action, developerId, entryKey, rule, write, settles } = m;
    return change(this.ds, this.audit, {
      actor,
      action,
      lock: async (em) => {
        const account = await this.lockOne(em, developerId);
        return { account, applied: await em.existsBy(LedgerEntryEntity, { entryKey }) };
      },
      rule: ({ account, applied }) => rule(account, applied),
      before: ({ account }) => ({ balance: account.balance }),
      save: async (em, { account }, movement) => {
        if (movement === 'REPEAT') return ok(null);
        const balanceBefore = account.balance;
        const written = await write(em, account);
        const balance = new D(balanceBefore).plus(String(written.amount)).toFixed(2);
        if (settles) await this.settle(em, account);
        return ok({ balance, ...written });
      },
      audit: (_l, written) => (written === null ? UNCHANGED : { entityType: 'BillingAccount', entityId: developerId, after: written }),
    });
  }

  private async settle(em: EntityManager, account: BillingAccountEntity): Promise<void> {
    const now = this.clock.now();
    await settleAccounts(em, [account], this.provider, beijingDate(now), now);
  }

  /** A change's refusal as it is, or the account after it. */
  private async then(developerId: string, r: Result<unknown>): Promise<Result<AccountView>> {
    return r.ok ? ok(await this.view(developerId)) : r;
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

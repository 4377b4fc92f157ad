import { DataSource, EntityManager } from 'typeorm';
import { BillingPlatform, LedgerKind } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { checkClosable, checkNotClosed } from '../../domain/developer/account-closure.rule';
import { Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { DeveloperEntity, MarketProductEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { ensureAccounts, lockAccounts, post, settleAccounts, unpaidOf } from '../billing/ledger';
import { PaymentProvider } from '../billing/payment-provider';
import { notFound } from '../common/errors';

export interface CloseAccountInput {
  /** The account's name typed again: closing cannot be undone. */
  confirmName: string;
  /** Needed when the balance is above zero: a balance is never withdrawn (DOMAIN §6), so closing gives it up. */
  forfeitBalance: boolean;
}

export interface AccountClosure {
  developer: DeveloperEntity;
  /** The deposit handed back (DOMAIN §6 / 001 §6.3: returned once no arrears remain). */
  depositReturned: string;
  /** The balance given up (a FORFEIT ledger entry). */
  balanceForfeited: string;
}

/** Usage of one platform the billing runs have not billed yet, by Beijing date. */
interface UnbilledRow {
  platform: BillingPlatform;
  first_day: string;
  last_day: string;
}

/**
 * Closing a developer account (注销, DOMAIN §6). In one transaction, under the billing-account lock:
 * settle what can be settled (auto-debit, deposit), then refuse while anything is owed or could still
 * be billed, or while buyers hold active subscriptions of the developer's market products; otherwise
 * return the deposit, forfeit the balance (if the developer agreed), hide the products and mark the
 * account closed. The same lock order as settlement: the account row, then the developer row.
 */
export class AccountClosureService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly audit: AuditService,
  ) {}

  async close(actor: Viewer, developerId: string, input: CloseAccountInput): Promise<Result<AccountClosure>> {
    if (!(await this.ds.manager.existsBy(DeveloperEntity, { id: developerId }))) throw notFound('Developer', developerId);
    await ensureAccounts(this.ds.manager, [developerId]);
    return this.ds.transaction(async (em) => {
      const [account] = await lockAccounts(em, [developerId]);
      const dev = await em.findOneOrFail(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } });
      const open = checkNotClosed(dev.closedAt);
      if (!open.ok) return open;
      if (input.confirmName.trim() !== dev.name) {
        return invalidInput<AccountClosure>([violation('confirmName', 'NAME_MISMATCH', 'type the account name exactly as registered to confirm the closure')]);
      }

      const now = this.clock.now();
      const today = beijingDate(now);
      await settleAccounts(em, [account], this.provider, today, now);
      const unpaid = await unpaidOf(em, developerId);
      const unbilled = await this.unbilledUsage(em, developerId);
      const [subs] = await em.query(
        `SELECT COUNT(*) AS n FROM market_subscription s JOIN market_product p ON p.id = s.product_id WHERE p.provider_id = ? AND s.status = 'ACTIVE'`,
        [developerId],
      );
      const closable = checkClosable({
        unpaid,
        unbilled: unbilled.map((u) => ({ platform: u.platform, firstDay: u.first_day, lastDay: u.last_day })),
        activeSubscriptions: Number(subs.n),
        balance: account.balance,
        forfeitBalance: input.forfeitBalance,
      });
      if (!closable.ok) return closable;
      const balance = new D(account.balance);

      const before = { closedAt: null, balance: account.balance, deposit: account.deposit };
      const depositReturned = account.deposit;
      if (balance.gt(0)) {
        await post(em, account, [{ kind: LedgerKind.FORFEIT, amount: balance.neg().toFixed(2), entryKey: `FORFEIT:${developerId}`, note: 'balance given up on closing the account' }]);
      }
      account.deposit = '0.00';
      await em.query('UPDATE billing_account SET deposit = 0 WHERE developer_id = ?', [developerId]);
      await em.update(MarketProductEntity, { providerId: developerId }, { visible: false });
      await em.update(DeveloperEntity, { id: developerId }, { closedAt: now });
      await this.audit.record(em, {
        actor,
        action: 'closeDeveloperAccount',
        entityType: 'Developer',
        entityId: developerId,
        before,
        after: { closedAt: now.toISOString(), balance: account.balance, depositReturned, balanceForfeited: balance.toFixed(2) },
      });
      return ok({ developer: await em.findOneByOrFail(DeveloperEntity, { id: developerId }), depositReturned, balanceForfeited: balance.toFixed(2) });
    });
  }

  /**
   * Usage no bill covers yet, per platform: a Taobao day's usage is billed in the bill of that day,
   * a Douyin day's in the bill of its month (both keyed by app, platform and period).
   */
  private unbilledUsage(em: EntityManager, developerId: string): Promise<UnbilledRow[]> {
    return em.query(
      `SELECT a.billing_platform AS platform, DATE_FORMAT(MIN(u.usage_date), '%Y-%m-%d') AS first_day, DATE_FORMAT(MAX(u.usage_date), '%Y-%m-%d') AS last_day
         FROM usage_daily u
         JOIN app a ON a.id = u.app_id AND a.owner_id = ?
         LEFT JOIN bill b ON b.app_id = u.app_id AND b.platform = a.billing_platform
              AND b.period = IF(a.billing_platform = 'TAOBAO', DATE_FORMAT(u.usage_date, '%Y-%m-%d'), DATE_FORMAT(u.usage_date, '%Y-%m'))
        WHERE u.quantity > 0 AND b.id IS NULL
        GROUP BY a.billing_platform ORDER BY a.billing_platform`,
      [developerId],
    );
  }
}

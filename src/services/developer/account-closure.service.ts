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
import { change, UNCHANGED } from '../common/change';
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

/** Not closed yet, and the name typed again exactly as registered. */
function checkConfirmed(dev: DeveloperEntity, input: CloseAccountInput): Result<true> {
  const open = checkNotClosed(dev.closedAt);
  if (!open.ok) return open;
  return input.confirmName.trim() === dev.name ? ok(true) : invalidInput<true>([violation('confirmName', 'NAME_MISMATCH', 'type the account name exactly as registered to confirm the closure')]);
}

/**
 * Closing a developer account (注销, DOMAIN §6), in two changes under the billing-account lock:
 * settle what can be settled (auto-debit, deposit); then refuse while anything is owed or could still
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
    // 1. Settle what can be settled (auto-debit, deposit) first, as its own change: what the account
    //    pays stays paid when the closure is then refused, as after a recharge. Its ledger entries
    //    are its record (settlement writes no audit entry anywhere).
    const settled = await change(this.ds, this.audit, {
      actor,
      action: 'closeDeveloperAccount',
      lock: (em) => this.lockAccountAndDeveloper(em, developerId),
      rule: ({ dev }) => checkConfirmed(dev, input),
      save: async (em, { account }) => {
        const now = this.clock.now();
        await settleAccounts(em, [account], this.provider, beijingDate(now), now);
        return ok(true);
      },
      audit: () => UNCHANGED,
    });
    if (!settled.ok) return settled as Result<never>;
    // 2. Close: every check again under the same locks (anything may have moved in between).
    let closedAt: Date | null = null;
    return change(this.ds, this.audit, {
      actor,
      action: 'closeDeveloperAccount',
      lock: async (em) => {
        const locked = await this.lockAccountAndDeveloper(em, developerId);
        const [subs] = await em.query(
          `SELECT COUNT(*) AS n FROM market_subscription s JOIN market_product p ON p.id = s.product_id WHERE p.provider_id = ? AND s.status = 'ACTIVE'`,
          [developerId],
        );
        return { ...locked, unpaid: await unpaidOf(em, developerId), unbilled: await this.unbilledUsage(em, developerId), activeSubscriptions: Number(subs.n) };
      },
      rule: ({ dev, account, unpaid, unbilled, activeSubscriptions }) => {
        const confirmed = checkConfirmed(dev, input);
        if (!confirmed.ok) return confirmed;
        return checkClosable({
          unpaid,
          unbilled: unbilled.map((u) => ({ platform: u.platform, firstDay: u.first_day, lastDay: u.last_day })),
          activeSubscriptions,
          balance: account.balance,
          forfeitBalance: input.forfeitBalance,
        });
      },
      before: ({ account }) => ({ closedAt: null, balance: account.balance, deposit: account.deposit }),
      save: async (em, { account }) => {
        const now = this.clock.now();
        closedAt = now;
        const balance = new D(account.balance);
        const depositReturned = account.deposit;
        if (balance.gt(0)) {
          await post(em, account, [{ kind: LedgerKind.FORFEIT, amount: balance.neg().toFixed(2), entryKey: `FORFEIT:${developerId}`, note: 'balance given up on closing the account' }]);
        }
        account.deposit = '0.00';
        await em.query('UPDATE billing_account SET deposit = 0 WHERE developer_id = ?', [developerId]);
        await em.update(MarketProductEntity, { providerId: developerId }, { visible: false });
        await em.update(DeveloperEntity, { id: developerId }, { closedAt: now });
        return ok({ developer: await em.findOneByOrFail(DeveloperEntity, { id: developerId }), depositReturned, balanceForfeited: balance.toFixed(2) });
      },
      audit: ({ account }, closed) => ({
        entityType: 'Developer',
        entityId: developerId,
        after: { closedAt: closedAt!.toISOString(), balance: account.balance, depositReturned: closed.depositReturned, balanceForfeited: closed.balanceForfeited },
      }),
    });
  }

  /** The same lock order as settlement: the account row, then the developer row. */
  private async lockAccountAndDeveloper(em: EntityManager, developerId: string) {
    const [account] = await lockAccounts(em, [developerId]);
    const dev = await em.findOneOrFail(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } });
    return { account, dev };
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

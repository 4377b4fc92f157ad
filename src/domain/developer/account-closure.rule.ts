import Decimal from 'decimal.js';
import { failedCheck, FailedCheck, RefusalReason } from '../common/refusal-reason';
import { invalidState, invalidStateOf, ok, Result } from '../common/result';

const ACTION = 'closeDeveloperAccount';

/** What the closure checks read, measured under the billing-account lock after settling. */
export interface ClosureFacts {
  /** Unpaid bills left after settling: how many, and their total in yuan (2-decimal string). */
  readonly unpaid: { readonly count: number; readonly total: string };
  /** Usage no bill covers yet, per platform, by Beijing date (`YYYY-MM-DD`). */
  readonly unbilled: readonly { readonly platform: string; readonly firstDay: string; readonly lastDay: string }[];
  /** Active subscriptions buyers hold of the developer's market products. */
  readonly activeSubscriptions: number;
  /** The prepaid balance in yuan. */
  readonly balance: string;
  /** The developer agreed to give the balance up. */
  readonly forfeitBalance: boolean;
}

/** A closed account is closed for good: refused ACCOUNT_CLOSED. */
export function checkNotClosed(closedAt: Date | null): Result<true> {
  return closedAt === null
    ? ok(true)
    : invalidState('CLOSED', ACTION, `the account was closed at ${closedAt.toISOString()}`, RefusalReason.ACCOUNT_CLOSED, { closedAt: closedAt.toISOString() });
}

/**
 * Closing a developer account (注销, DOMAIN §6): refused while anything is owed (IN_ARREARS) or could
 * still be billed (UNBILLED_USAGE), while buyers hold active subscriptions of the developer's market
 * products (ACTIVE_SUBSCRIPTIONS), or while a balance remains that the developer did not agree to
 * give up (BALANCE_REMAINING: a balance is never withdrawn or transferred). Every failed check is
 * returned, in that order; `currentState` is the first's reason.
 */
export function checkClosable(f: ClosureFacts): Result<true> {
  const failed: FailedCheck[] = [];
  if (f.unpaid.count > 0) {
    failed.push(failedCheck(RefusalReason.IN_ARREARS, `${f.unpaid.count} unpaid bills (${f.unpaid.total} yuan) must be paid before the account can be closed`, { unpaidBills: f.unpaid.count, unpaidTotal: f.unpaid.total }));
  }
  if (f.unbilled.length > 0) {
    const what = f.unbilled.map((u) => `${u.platform} usage from ${u.firstDay} to ${u.lastDay}`).join('; ');
    failed.push(
      failedCheck(
        RefusalReason.UNBILLED_USAGE,
        `${what} is not billed yet: close the account after its bills are issued and paid (a Taobao day is billed once it is over, a Douyin month on the 5th of the next)`,
        Object.fromEntries(f.unbilled.flatMap((u) => [[`${u.platform}.firstDay`, u.firstDay], [`${u.platform}.lastDay`, u.lastDay]])),
      ),
    );
  }
  if (f.activeSubscriptions > 0) {
    failed.push(failedCheck(RefusalReason.ACTIVE_SUBSCRIPTIONS, `buyers hold ${f.activeSubscriptions} active subscriptions of your market products: they must expire or be closed first`, { activeSubscriptions: f.activeSubscriptions }));
  }
  const balance = new Decimal(f.balance);
  if (balance.gt(0) && !f.forfeitBalance) {
    failed.push(
      failedCheck(RefusalReason.BALANCE_REMAINING, `the balance of ${balance.toFixed(2)} yuan cannot be withdrawn or transferred: spend it, or close with forfeitBalance: true to give it up`, { balance: balance.toFixed(2) }),
    );
  }
  return failed.length === 0 ? ok(true) : invalidStateOf(failed[0].reason, ACTION, failed);
}

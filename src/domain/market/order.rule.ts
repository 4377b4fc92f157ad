import { failedCheck, FailedCheck, RefusalReason } from '../common/refusal-reason';
import { invalidState, invalidStateOf, ok, Result } from '../common/result';
import { BillingCycle, ProductStatus, SubscriptionStatus } from './market.enums';
import { releaseAt, subscriptionStatusAt } from './production.rule';

/** A subscription as the order rules see it. */
export interface SubscriptionForOrder {
  readonly cycle: BillingCycle;
  readonly trial: boolean;
  readonly status: SubscriptionStatus;
  readonly expiresAt: Date | null;
}

/** A NEW order buys only a LISTED product (004 §4.2.3). */
export function checkBuyable(productStatus: ProductStatus): Result<true> {
  return productStatus === ProductStatus.LISTED
    ? ok(true)
    : invalidState(productStatus, 'placeOrder', 'only a LISTED product can be bought', RefusalReason.PRODUCT_NOT_LISTED, { status: productStatus });
}

/**
 * A RENEW order (004 §4.2.3): a ONE_TIME purchase is never renewed, a trial is not renewed (a NEW
 * order buys the version), and renewal closes 7 days after expiry (the provider released the
 * service). Every failed rule is listed; `currentState` is the first's (the subscription's status,
 * TRIAL, or RELEASED).
 */
export function checkRenewable(sub: SubscriptionForOrder, now: Date): Result<true> {
  const failed: { state: string; check: FailedCheck }[] = [];
  if (sub.cycle === BillingCycle.ONE_TIME) failed.push({ state: sub.status, check: failedCheck(RefusalReason.ONE_TIME_PURCHASE, 'a ONE_TIME purchase is never renewed') });
  if (sub.trial) failed.push({ state: 'TRIAL', check: failedCheck(RefusalReason.TRIAL, 'a trial is not renewed: place a NEW order for the version') });
  if (sub.expiresAt !== null && subscriptionStatusAt(sub.expiresAt, now) === SubscriptionStatus.RELEASED) {
    const releasedAt = releaseAt(sub.expiresAt).toISOString();
    failed.push({
      state: SubscriptionStatus.RELEASED,
      check: failedCheck(RefusalReason.RENEWAL_CLOSED, `renewal closed at ${releasedAt}, 7 days after expiry; the provider released the service`, { expiresAt: sub.expiresAt.toISOString(), releasedAt }),
    });
  }
  return failed.length === 0 ? ok(true) : invalidStateOf(failed[0].state, 'placeOrder', failed.map((f) => f.check));
}

/**
 * An upgrade (004 §4.2.8): only of an active subscription, never of a trial (a NEW order buys the
 * version). Every failed rule is listed; `currentState` is the first's (the status now, or TRIAL).
 */
export function checkUpgradable(sub: SubscriptionForOrder, now: Date): Result<true> {
  const status = subscriptionStatusAt(sub.expiresAt, now);
  const failed: { state: string; check: FailedCheck }[] = [];
  if (status !== SubscriptionStatus.ACTIVE) failed.push({ state: status, check: failedCheck(RefusalReason.SUBSCRIPTION_NOT_ACTIVE, 'only an active subscription can be upgraded', { status }) });
  if (sub.trial) failed.push({ state: 'TRIAL', check: failedCheck(RefusalReason.TRIAL, 'a trial is not upgraded: place a NEW order') });
  return failed.length === 0 ? ok(true) : invalidStateOf(failed[0].state, 'upgrade', failed.map((f) => f.check));
}

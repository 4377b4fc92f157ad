import { NotificationStatus, SubscriptionStatus } from './market.enums';
import { RefusalReason } from '../common/refusal-reason';
import { invalidState, ok, Result } from '../common/result';

/** DOMAIN §7 / 004 §6: delivery attempts before the notification stops. */
export const MAX_DELIVERY_ATTEMPTS = 120;

/** Days after expiry when the provider is told to release a subscription; renewal closes then. */
export const RELEASE_AFTER_DAYS = 7;

/**
 * Backoff after the n-th failed attempt: 30 s doubling, capped at 1 hour.
 * NOTE: DOMAIN fixes only the 120 attempts; the delays are our decision.
 */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 3_600_000);
}

/** State after a failed attempt: PENDING with the next attempt time, or STOPPED at 120. */
export function afterFailure(failedAttempts: number, now: Date): { status: NotificationStatus; nextAttemptAt: Date | null } {
  return failedAttempts >= MAX_DELIVERY_ATTEMPTS
    ? { status: NotificationStatus.STOPPED, nextAttemptAt: null }
    : { status: NotificationStatus.PENDING, nextAttemptAt: new Date(now.getTime() + retryDelayMs(failedAttempts)) };
}

/** The instant a subscription is released: 7 days after it expires. */
export const releaseAt = (expiresAt: Date): Date => new Date(expiresAt.getTime() + RELEASE_AFTER_DAYS * 86_400_000);

/** A subscription's status at `now`: ACTIVE before expiry, CLOSED up to 7 days after, then RELEASED. */
export function subscriptionStatusAt(expiresAt: Date | null, now: Date): SubscriptionStatus {
  if (expiresAt === null || now < expiresAt) return SubscriptionStatus.ACTIVE;
  return now < releaseAt(expiresAt) ? SubscriptionStatus.CLOSED : SubscriptionStatus.RELEASED;
}

/** A provider resets a notification's error count so delivery starts again: not once it was DELIVERED (ALREADY_DELIVERED). */
export function checkResettable(status: NotificationStatus): Result<true> {
  return status === NotificationStatus.DELIVERED ? invalidState(status, 'resetNotificationErrors', 'the notification was delivered', RefusalReason.ALREADY_DELIVERED) : ok(true);
}

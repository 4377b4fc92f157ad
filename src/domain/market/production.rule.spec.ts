import { afterFailure, checkResettable, MAX_DELIVERY_ATTEMPTS, releaseAt, retryDelayMs, subscriptionStatusAt } from './production.rule';
import { RefusalReason } from '../common/refusal-reason';
import { NotificationStatus, SubscriptionStatus } from './market.enums';

describe('production notification retries (120 attempts, then stop)', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
    [119, 3_600_000],
  ])('after %i failures the next attempt waits %i ms', (n, ms) => {
    expect(retryDelayMs(n)).toBe(ms);
  });

  it('the 119th failure still retries; the 120th stops', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    expect(afterFailure(119, now).status).toBe(NotificationStatus.PENDING);
    expect(afterFailure(MAX_DELIVERY_ATTEMPTS, now)).toEqual({ status: NotificationStatus.STOPPED, nextAttemptAt: null });
  });
});

describe('subscription after expiry (closed, then released 7 days later)', () => {
  const expires = new Date('2026-12-01T00:00:00Z');
  it.each([
    ['2026-11-30T23:59:59Z', SubscriptionStatus.ACTIVE],
    ['2026-12-01T00:00:00Z', SubscriptionStatus.CLOSED],
    ['2026-12-07T23:59:59Z', SubscriptionStatus.CLOSED],
    ['2026-12-08T00:00:00Z', SubscriptionStatus.RELEASED],
  ])('at %s it is %s', (now, status) => {
    expect(subscriptionStatusAt(expires, new Date(now))).toBe(status);
  });
  it('a one-time purchase (no expiry) stays active', () => {
    expect(subscriptionStatusAt(null, new Date('2030-01-01T00:00:00Z'))).toBe(SubscriptionStatus.ACTIVE);
  });
  it('release is 7 days after expiry', () => {
    expect(releaseAt(expires).toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });
});

describe("resetting a notification's errors (004 §6)", () => {
  it('a STOPPED notification after 120 failures is reset; a DELIVERED one is refused ALREADY_DELIVERED', () => {
    expect(checkResettable(NotificationStatus.STOPPED)).toEqual({ ok: true, value: true });
    expect(checkResettable(NotificationStatus.DELIVERED)).toMatchObject({ ok: false, refusal: { reason: RefusalReason.ALREADY_DELIVERED } });
  });
});

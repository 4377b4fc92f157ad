import { RefusalReason } from '../common/refusal-reason';
import { BillingCycle, ProductStatus, SubscriptionStatus } from './market.enums';
import { checkBuyable, checkRenewable, checkUpgradable, SubscriptionForOrder } from './order.rule';

const NOW = new Date('2026-11-20T04:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const sub = (patch: Partial<SubscriptionForOrder> = {}): SubscriptionForOrder => ({ cycle: BillingCycle.MONTH, trial: false, status: SubscriptionStatus.ACTIVE, expiresAt: days(10), ...patch });

const outcome = (r: ReturnType<typeof checkRenewable>) =>
  r.ok ? 'ok' : r.refusal.kind === 'INVALID_STATE' ? { state: r.refusal.currentState, reasons: r.refusal.failedChecks.map((c) => c.reason) } : r.refusal.kind;

describe('renewal (DOMAIN §7: one-time has no renewal; 7 days after expiry renewal is no longer possible)', () => {
  it.each<[string, Partial<SubscriptionForOrder>, ReturnType<typeof outcome>]>([
    ['a monthly subscription 10 days before expiry', {}, 'ok'],
    ['expired 6 days ago (closed, still renewable)', { expiresAt: days(-6) }, 'ok'],
    ['expired 7 days ago (released)', { expiresAt: days(-7) }, { state: 'RELEASED', reasons: [RefusalReason.RENEWAL_CLOSED] }],
    ['a ONE_TIME purchase', { cycle: BillingCycle.ONE_TIME, expiresAt: null }, { state: 'ACTIVE', reasons: [RefusalReason.ONE_TIME_PURCHASE] }],
    ['a trial', { trial: true }, { state: 'TRIAL', reasons: [RefusalReason.TRIAL] }],
    ['a trial released 8 days after expiry: both rules named', { trial: true, expiresAt: days(-8) }, { state: 'TRIAL', reasons: [RefusalReason.TRIAL, RefusalReason.RENEWAL_CLOSED] }],
  ])('%s', (_what, patch, expected) => {
    expect(outcome(checkRenewable(sub(patch), NOW))).toEqual(expected);
  });

  it('a released subscription carries its expiry and release times', () => {
    expect(checkRenewable(sub({ expiresAt: new Date('2026-11-01T00:00:00Z') }), NOW)).toMatchObject({
      refusal: { figures: [{ name: 'expiresAt', value: '2026-11-01T00:00:00.000Z' }, { name: 'releasedAt', value: '2026-11-08T00:00:00.000Z' }] },
    });
  });
});

describe('upgrade: only an active subscription, never a trial', () => {
  it.each<[string, Partial<SubscriptionForOrder>, ReturnType<typeof outcome>]>([
    ['active', {}, 'ok'],
    ['expired yesterday (closed)', { expiresAt: days(-1) }, { state: 'CLOSED', reasons: [RefusalReason.SUBSCRIPTION_NOT_ACTIVE] }],
    ['an active trial', { trial: true }, { state: 'TRIAL', reasons: [RefusalReason.TRIAL] }],
    ['a closed trial: both named', { trial: true, expiresAt: days(-1) }, { state: 'CLOSED', reasons: [RefusalReason.SUBSCRIPTION_NOT_ACTIVE, RefusalReason.TRIAL] }],
  ])('%s', (_what, patch, expected) => {
    expect(outcome(checkUpgradable(sub(patch), NOW))).toEqual(expected);
  });
});

describe('a NEW order buys only a LISTED product', () => {
  it.each([
    [ProductStatus.LISTED, 'ok'],
    [ProductStatus.DRAFT, { state: 'DRAFT', reasons: [RefusalReason.PRODUCT_NOT_LISTED] }],
    [ProductStatus.IN_REVIEW, { state: 'IN_REVIEW', reasons: [RefusalReason.PRODUCT_NOT_LISTED] }],
  ])('%s', (status, expected) => {
    expect(outcome(checkBuyable(status))).toEqual(expected);
  });
});

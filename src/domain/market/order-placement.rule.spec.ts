import { RefusalReason } from '../common/refusal-reason';
import { STANDARD } from './example-004.fixture';
import { BillingCycle, ProductStatus, SaleMode, SubscriptionStatus } from './market.enums';
import { planNewOrder, planRenewal, planUpgradeOrder } from './order-placement.rule';

const product = { status: ProductStatus.LISTED, saleMode: SaleMode.BY_CYCLE, needsBuyerPhone: false, needsBuyerEmail: false };
const version = { id: '7', name: 'Standard', hidden: false, trialDays: 15 };
const now = new Date('2026-12-02T02:00:00Z');
const selection = { quantities: [{ code: 'yonghushu', quantity: 10 }], choices: [{ code: 'xinghao', value: 'APP+WAP+WeChat' }, { code: 'quyu', value: 'Shanghai' }] };

describe('placing a market order (004 §4.2.3, DOMAIN §7): the pure rule placeOrder calls', () => {
  it("004's example: standard edition, 1 year new, 10 users, APP+WAP+WeChat, Shanghai = 208 yuan, expiring a year on", () => {
    const r = planNewOrder({ product, version, priced: STANDARD, trialUsed: false, now }, { cycle: BillingCycle.YEAR, length: 1, ...selection });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.amount.toFixed(2)).toBe('208.00');
    expect(r.value.lines.map((l) => l.amount)).toEqual(['12.00', '100.00', '60.00', '36.00']);
    expect(r.value.length).toBe(1);
    expect(r.value.expiresAt!.getTime()).toBeGreaterThan(now.getTime());
  });

  it('a trial costs 0.00 for its 15 days and is taken once per buyer and version', () => {
    const trial = planNewOrder({ product, version, priced: STANDARD, trialUsed: false, now }, { trial: true, ...selection });
    expect(trial).toMatchObject({ ok: true, value: { trial: true, length: 0, lines: [{ key: 'TRIAL', amount: '0.00' }] } });
    if (trial.ok) expect(trial.value.expiresAt!.getTime() - now.getTime()).toBe(15 * 86_400_000);
    const again = planNewOrder({ product, version, priced: STANDARD, trialUsed: true, now }, { trial: true, ...selection });
    expect(again).toMatchObject({ ok: false, refusal: { kind: 'INVALID_INPUT', violations: [{ field: 'trial', rule: 'TRIAL_ALREADY_USED' }] } });
  });

  it('only a LISTED product is bought; a hidden version is not', () => {
    expect(planNewOrder({ product: { ...product, status: ProductStatus.DRAFT }, version, priced: STANDARD, trialUsed: false, now }, selection)).toMatchObject({ ok: false, refusal: { reason: RefusalReason.PRODUCT_NOT_LISTED } });
    expect(planNewOrder({ product, version: { ...version, hidden: true }, priced: STANDARD, trialUsed: false, now }, { cycle: BillingCycle.YEAR, ...selection })).toMatchObject({
      ok: false,
      refusal: { violations: [{ field: 'versionId', rule: 'VERSION_HIDDEN' }] },
    });
  });

  it('a renewal runs on from the expiry at renewal prices; a trial is not renewed', () => {
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    const sub = { versionId: '7', cycle: BillingCycle.YEAR, trial: false, status: SubscriptionStatus.ACTIVE, expiresAt, ...selection };
    const r = planRenewal({ sub, saleMode: SaleMode.BY_CYCLE, priced: STANDARD, now }, 1);
    expect(r).toMatchObject({ ok: true, value: { length: 1 } });
    if (r.ok) expect(r.value.amount.toFixed(2)).toBe('208.00');
    expect(planRenewal({ sub: { ...sub, trial: true }, saleMode: SaleMode.BY_CYCLE, priced: STANDARD, now }, 1)).toMatchObject({ ok: false, refusal: { reason: RefusalReason.TRIAL } });
  });

  it('an upgrade of the same version scales up (10 → 20 users) and never down; the difference is never negative', () => {
    const sub = { versionId: '7', cycle: BillingCycle.YEAR, trial: false, status: SubscriptionStatus.ACTIVE, expiresAt: new Date(now.getTime() + 365 * 86_400_000), ...selection };
    const ends = { current: { version, priced: STANDARD }, target: { version, priced: STANDARD }, rules: [], now, sub, saleMode: SaleMode.BY_CYCLE };
    const up = planUpgradeOrder(ends, { quantities: [{ code: 'yonghushu', quantity: 20 }] });
    expect(up.ok).toBe(true);
    if (up.ok) expect(up.value.amount.toFixed(2)).toBe('100.00'); // 20 × 10 − 10 × 10 for the whole remaining year
    const down = planUpgradeOrder(ends, { quantities: [{ code: 'yonghushu', quantity: 5 }] });
    expect(down.ok).toBe(false);
  });
});

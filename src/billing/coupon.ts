import { D } from './money';
import { CouponPolicy } from './price-list';

/**
 * The one coupon an appkey gets on a Beijing day (DOMAIN §5): the policies valid that day for this
 * developer; a new-ISV policy, where it applies, REPLACES the general one (never stacks); otherwise
 * the largest. Returns null when none applies (e.g. before 2022-05-01).
 */
export function couponFor(policies: readonly CouponPolicy[], platform: string, date: string, isNewIsv: boolean): CouponPolicy | null {
  const valid = policies.filter((p) => p.platform === platform && p.validFrom <= date && (p.validTo === null || date <= p.validTo) && (!p.newIsvOnly || isNewIsv));
  if (valid.length === 0) return null;
  const pool = valid.some((p) => p.newIsvOnly) ? valid.filter((p) => p.newIsvOnly) : valid;
  return pool.reduce((a, b) => (new D(b.amount).gt(a.amount) ? b : a));
}

/**
 * The coupon of a bill for `period` (DOMAIN §5): coupons are per appkey per *day*, so only a
 * one-day (Taobao) period carries one; a month carries none.
 */
export function periodCouponFor(policies: readonly CouponPolicy[], platform: string, period: { start: string; days: number }, isNewIsv: boolean): CouponPolicy | null {
  return period.days === 1 ? couponFor(policies, platform, period.start, isNewIsv) : null;
}

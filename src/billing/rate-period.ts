import { periodCouponFor } from './coupon';
import { BillingPeriod } from './period';
import { ChargeDef, CouponPolicy, PriceListDef, priceListOn } from './price-list';
import { PeriodUsage, RatedBill, rateBill } from './rate-bill';

/** What rating one app's period reads besides its usage: the same inputs a billing run reads. */
export interface PeriodTerms {
  readonly platform: string;
  readonly period: BillingPeriod;
  /** The platform's price lists; the one in force on the period's first day prices it. */
  readonly lists: readonly Pick<PriceListDef, 'id' | 'platform' | 'effectiveFrom' | 'charges'>[];
  readonly coupons: readonly CouponPolicy[];
  /** The owner is a qualifying new ISV (operator-set). */
  readonly newIsv: boolean;
  /** Quality-app discount percent in force on the period's last day (Douyin), or null. */
  readonly discountPercent: string | null;
  /** A draft list to rate with instead of the list in force (a preview); null for the real one. */
  readonly draft?: { readonly id: string; readonly charges: readonly ChargeDef[] } | null;
}

export type RatedPeriod = { readonly ok: true; readonly priceListId: string; readonly bill: RatedBill } | { readonly ok: false; readonly rule: 'NO_PRICE_LIST'; readonly message: string };

/**
 * Rates one app's period exactly as the billing run does: the price list in force on the period's
 * first day (a Taobao day: that day; a Douyin month: its 1st), the day's coupon (one-day periods
 * only; a new-ISV coupon replaces the general one), the quality discount, then `rateBill`. A draft
 * list replaces only the charges; coupon and discount stay the period's own.
 */
export function ratePeriod(terms: PeriodTerms, usage: PeriodUsage): RatedPeriod {
  const list = terms.draft ?? priceListOn(terms.lists, terms.platform, terms.period.start);
  if (!list) return { ok: false, rule: 'NO_PRICE_LIST', message: `no ${terms.platform} price list is in force on ${terms.period.start}` };
  const coupon = periodCouponFor(terms.coupons, terms.platform, terms.period, terms.newIsv);
  return { ok: true, priceListId: list.id, bill: rateBill({ charges: list.charges, usage, coupon, discountPercent: terms.discountPercent }) };
}

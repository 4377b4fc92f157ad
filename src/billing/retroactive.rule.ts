import { addDays } from '../domain/common/beijing-time';
import { alreadyBilled, ok, Result } from '../domain/common/result';
import { D } from './money';
import { CouponPolicy } from './price-list';

/** The last Beijing day of a billing period key: a Taobao day is itself, a Douyin month ("2026-10") its last day. */
export function lastDayOfPeriod(key: string): string {
  if (key.length === 10) return key;
  const [y, m] = key.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** The latest day any of these periods (bills issued, runs started) covers; null when none. */
export function lastBilledDay(periodKeys: readonly (string | null)[]): string | null {
  let last: string | null = null;
  for (const k of periodKeys) if (k) {
    const d = lastDayOfPeriod(k);
    if (last === null || d > last) last = d;
  }
  return last;
}

const minDay = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * The first day a price list change re-prices (issue 17 "no retroactive prices"): a new list, or a
 * replaced one whose charges or example flag changed, prices every day from its `effectiveFrom`;
 * a replacement identical to the list in force changes nothing (null).
 */
export function priceListFirstAffectedDay(
  before: { effectiveFrom: string; isExample: boolean; charges: unknown } | null,
  after: { effectiveFrom: string; isExample: boolean; charges: unknown },
): string | null {
  if (before && before.isExample === after.isExample && JSON.stringify(before.charges) === JSON.stringify(after.charges)) return null;
  return after.effectiveFrom;
}

/**
 * The first day a coupon policy change alters: for a new policy, or one whose amount, platform or
 * new-ISV rule changed, the earlier of the two validity starts; otherwise the first day of the
 * difference between the old and the new validity (a moved start: the earlier start; a moved end:
 * the day after the earlier end). Null when nothing changes.
 */
export function couponPolicyFirstAffectedDay(before: CouponPolicy | null, after: CouponPolicy): string | null {
  if (!before || before.platform !== after.platform || before.newIsvOnly !== after.newIsvOnly || !new D(before.amount).eq(after.amount)) {
    return minDay(before?.validFrom ?? null, after.validFrom);
  }
  let first: string | null = null;
  if (before.validFrom !== after.validFrom) first = minDay(before.validFrom, after.validFrom);
  if (before.validTo !== after.validTo) {
    // The earlier end (null = open) is where the two validities part.
    const earlierEnd = before.validTo === null ? after.validTo : after.validTo === null ? before.validTo : minDay(before.validTo, after.validTo);
    first = minDay(first, addDays(earlierEnd!, 1));
  }
  return first;
}

/** A change refused because it would re-price a day already billed (unless the operator asks to re-rate). */
export interface RetroactiveChange {
  readonly firstAffectedDay: string;
  readonly lastBilledDay: string;
}

/** Whether a change first affecting `firstAffected` reaches a billed day: the figures of the refusal, or null when it does not. */
export function retroactiveChange(firstAffected: string | null, lastBilled: string | null): RetroactiveChange | null {
  if (firstAffected === null || lastBilled === null || firstAffected > lastBilled) return null;
  return { firstAffectedDay: firstAffected, lastBilledDay: lastBilled };
}

/** A price change checked against what each platform it touches has billed. */
export interface PriceChangeCheck {
  /** The first day the change re-prices (null: none). */
  readonly firstAffected: string | null;
  /** Each touched platform's last billed day (null: nothing billed yet). */
  readonly lastBilled: readonly { readonly platform: string; readonly day: string | null }[];
  /** The operator asks to re-rate billed days (issue 17). */
  readonly rerate: boolean;
  /** The input that reaches billed days (`effectiveFrom`, `validFrom`). */
  readonly field: string;
}

/**
 * Whether a price change may be written (issue 17): one that reaches a billed day on any platform
 * it touches is refused ALREADY_BILLED unless the operator asks to re-rate. Answers how far the
 * change reaches back (the latest billed day reached), null when it reaches none.
 */
export function checkPriceChange(c: PriceChangeCheck): Result<RetroactiveChange | null> {
  let reach: RetroactiveChange | null = null;
  for (const { platform, day } of c.lastBilled) {
    const r = retroactiveChange(c.firstAffected, day);
    if (r && !c.rerate) return alreadyBilled(c.field, platform, r.firstAffectedDay, r.lastBilledDay);
    if (r && (!reach || r.lastBilledDay > reach.lastBilledDay)) reach = r;
  }
  return ok(reach);
}

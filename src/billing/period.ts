import { addDays, isIsoDate } from '../domain/common/beijing-time';
import { BillingPlatform } from './price-list';

/** A billing period: Taobao bills one Beijing day ("2026-11-19"), Douyin one calendar month ("2026-10"). */
export interface BillingPeriod {
  readonly key: string;
  readonly start: string;
  readonly end: string;
  readonly days: number;
}

export type PeriodCheck = { ok: true; period: BillingPeriod } | { ok: false; rule: string; message: string };

/** The first day of the month after `yyyymm`'s month. */
const nextMonthStart = (yyyymm: string): string => {
  const [y, m] = yyyymm.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Parses a period key of a platform without asking whether it may be billed yet: a Taobao day
 * ("2026-11-19") or a Douyin calendar month ("2026-10"). What an estimate or a preview rates.
 */
export function parseBillingPeriod(platform: BillingPlatform, key: string): PeriodCheck {
  if (platform === BillingPlatform.TAOBAO) {
    if (!isIsoDate(key)) return { ok: false, rule: 'NOT_A_DATE', message: 'a Taobao period is a Beijing date YYYY-MM-DD' };
    return { ok: true, period: { key, start: key, end: key, days: 1 } };
  }
  if (!/^\d{4}-\d{2}$/.test(key) || !isIsoDate(`${key}-01`)) return { ok: false, rule: 'NOT_A_MONTH', message: 'a Douyin period is a month YYYY-MM' };
  const end = addDays(nextMonthStart(key), -1);
  return { ok: true, period: { key, start: `${key}-01`, end, days: Number(end.slice(8, 10)) } };
}

/**
 * Parses a period for a platform and checks it may be billed on Beijing date `today`:
 * a Taobao day once it is over (today is after it); a Douyin month from the 5th of the next month
 * (DOMAIN §6: settled on the 5th for the previous calendar month).
 */
export function billingPeriod(platform: BillingPlatform, key: string, today: string): PeriodCheck {
  const parsed = parseBillingPeriod(platform, key);
  if (!parsed.ok) return parsed;
  if (platform === BillingPlatform.TAOBAO) {
    if (key >= today) return { ok: false, rule: 'PERIOD_NOT_OVER', message: `${key} is not over yet (today is ${today} in Beijing)` };
    return parsed;
  }
  const settleOn = `${nextMonthStart(key).slice(0, 7)}-05`;
  if (today < settleOn) return { ok: false, rule: 'NOT_SETTLEMENT_DAY', message: `${key} is settled on ${settleOn} (today is ${today} in Beijing)` };
  return parsed;
}

/** Every date from start to end inclusive. */
export function datesOf(period: BillingPeriod): string[] {
  const out: string[] = [];
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) out.push(d);
  return out;
}

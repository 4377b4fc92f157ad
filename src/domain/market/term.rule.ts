import { BillingCycle } from './market.enums';

const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The end of a term bought at `start`: `length` calendar months or years later, on the Beijing
 * wall clock; a day missing in the target month clamps to its last day (Jan 31 + 1 month = Feb 28).
 * ONE_TIME purchases never expire (null).
 */
export function termEnd(start: Date, cycle: BillingCycle, length: number): Date | null {
  if (cycle === BillingCycle.ONE_TIME) return null;
  const months = cycle === BillingCycle.MONTH ? length : length * 12;
  const b = new Date(start.getTime() + OFFSET_MS);
  const y = b.getUTCFullYear();
  const m = b.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const t = Date.UTC(y, m, Math.min(b.getUTCDate(), lastDay), b.getUTCHours(), b.getUTCMinutes(), b.getUTCSeconds(), b.getUTCMilliseconds());
  return new Date(t - OFFSET_MS);
}

/** The end of a trial of `days` days started at `start`. */
export const trialEnd = (start: Date, days: number): Date => new Date(start.getTime() + days * 86_400_000);

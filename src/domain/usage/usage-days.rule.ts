import { addDays, isIsoDate } from '../common/beijing-time';
import { violation, Violation } from '../common/violation';
import { apiMeterParts, Meter, packageOfMeter } from './meter';
import { ApiCategory, CallSource, DataSyncPackage } from './usage.enums';

/** How many days `App.usage(from, to)` answers at most. */
export const MAX_USAGE_DAYS = 90;

export interface MeterRow {
  readonly date: string;
  readonly meter: string;
  readonly quantity: string;
  readonly successful: string;
}

export interface UsageDay {
  readonly date: string;
  readonly apiCalls: { category: ApiCategory; source: CallSource; calls: number; successful: number }[];
  /** All API calls of the day: what counts against the daily quota. */
  readonly calls: number;
  readonly successfulCalls: number;
  readonly dataSyncNewOrders: number;
  /** Every data-sync package reported held that day (billing charges the dearest). */
  readonly dataSyncPackages: DataSyncPackage[];
  readonly waliMessages: number;
  readonly crmRelations: number;
}

/** Checks a usage range: two dates, from ≤ to, at most 90 days. */
export function checkUsageRange(from: string, to: string): Violation[] {
  const out: Violation[] = [];
  if (!isIsoDate(from)) out.push(violation('from', 'NOT_A_DATE', 'from is a date, YYYY-MM-DD'));
  if (!isIsoDate(to)) out.push(violation('to', 'NOT_A_DATE', 'to is a date, YYYY-MM-DD'));
  if (out.length > 0) return out;
  if (from > to) return [violation('to', 'BEFORE_FROM', 'to is on or after from')];
  if (addDays(from, MAX_USAGE_DAYS - 1) < to) return [violation('to', 'RANGE_TOO_LONG', `at most ${MAX_USAGE_DAYS} days at once`)];
  return [];
}

/** Every day from `from` to `to`, with what the gateway reported for it (zeros where nothing was). */
export function usageDays(rows: readonly MeterRow[], from: string, to: string): UsageDay[] {
  const byDate = new Map<string, MeterRow[]>();
  for (const r of rows) (byDate.get(r.date) ?? byDate.set(r.date, []).get(r.date)!).push(r);
  const days: UsageDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = { date, apiCalls: [] as UsageDay['apiCalls'], calls: 0, successfulCalls: 0, dataSyncNewOrders: 0, dataSyncPackages: [] as DataSyncPackage[], waliMessages: 0, crmRelations: 0 };
    for (const r of byDate.get(date) ?? []) {
      const quantity = Number(r.quantity);
      const api = apiMeterParts(r.meter);
      const pkg = api ? null : packageOfMeter(r.meter);
      if (api) {
        day.apiCalls.push({ category: api.category, source: api.source, calls: quantity, successful: Number(r.successful) });
        day.calls += quantity;
        day.successfulCalls += Number(r.successful);
      } else if (r.meter === Meter.DATA_SYNC_ORDERS) day.dataSyncNewOrders += quantity;
      else if (pkg && quantity > 0) day.dataSyncPackages.push(pkg);
      else if (r.meter === Meter.WALI_MESSAGES) day.waliMessages += quantity;
      else if (r.meter === Meter.CRM_RELATIONS) day.crmRelations += quantity;
    }
    days.push(day);
  }
  return days;
}

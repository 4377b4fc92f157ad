import { EntityManager } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { BillingPeriod, datesOf } from '../../billing/period';
import { ChargeDef, CouponPolicy, PACKAGE_METER } from '../../billing/price-list';
import { RatedBill } from '../../billing/rate-bill';
import { ratePeriod } from '../../billing/rate-period';
import { CouponPolicyEntity, PriceListEntity } from '../../db/entities';

/** One app's period to rate: which app, whose, on which platform profile, which period. */
export interface AppPeriod {
  appId: string;
  ownerId: string;
  platform: BillingPlatform;
  period: BillingPeriod;
}

/** One app's usage in a period, in the shape the rating engine reads. */
export interface AppUsage {
  appId: string;
  totals: Record<string, number>;
  packagesByDay: string[][];
}

/** An app-period rated without writing: the price list used and the bill it would make. */
export interface RatedAppPeriod extends AppPeriod {
  /** The list in force (or the draft's id); null when no list of the platform is in force then (nothing rated). */
  priceListId: string | null;
  bill: RatedBill | null;
}

const PACKAGE_PREFIX = `${PACKAGE_METER}:`;
const keyOf = (appId: string, date: string) => `${appId}|${date}`;

/**
 * The usage of several app-periods from `usage_daily` in one statement: quantities summed per meter
 * over each period, the packages held kept per day (what `rateBill` reads). The billing run reads
 * its chunks through this too (`usageDailySource.usageOf`), so an estimate, a preview and a bill
 * see the same figures. Keyed by position in `items`.
 */
export async function readPeriodUsage(em: EntityManager, items: readonly { appId: string; period: BillingPeriod }[]): Promise<AppUsage[]> {
  if (items.length === 0) return [];
  const slots = new Map<string, { usage: AppUsage; day: number }>();
  let from = items[0].period.start;
  let to = items[0].period.end;
  const out = items.map(({ appId, period }) => {
    const dates = datesOf(period);
    const usage: AppUsage = { appId: String(appId), totals: {}, packagesByDay: dates.map(() => []) };
    dates.forEach((d, day) => slots.set(keyOf(String(appId), d), { usage, day }));
    if (period.start < from) from = period.start;
    if (period.end > to) to = period.end;
    return usage;
  });
  const appIds = [...new Set(items.map((i) => String(i.appId)))];
  const rows: UsageRow[] = await em.query(
    `SELECT ${USAGE_ROW_COLUMNS} FROM usage_daily
      WHERE app_id IN (${appIds.map(() => '?').join(',')}) AND usage_date BETWEEN ? AND ? AND quantity > 0`,
    [...appIds, from, to],
  );
  for (const r of rows) {
    const slot = slots.get(keyOf(String(r.app_id), String(r.usage_date)));
    if (slot) addRow(slot.usage, slot.day, r);
  }
  return out;
}

/** A row into its app's usage: a package held on that day, or a quantity added to its meter's total. */
function addRow(usage: AppUsage, day: number, r: UsageRow): void {
  if (r.meter.startsWith(PACKAGE_PREFIX)) usage.packagesByDay[day].push(r.meter.slice(PACKAGE_PREFIX.length));
  else usage.totals[r.meter] = (usage.totals[r.meter] ?? 0) + Number(r.quantity);
}

/** A `usage_daily` row as `readPeriodUsage` reads it (`USAGE_ROW_COLUMNS`, rows with `quantity > 0`). */
export interface UsageRow {
  app_id: string;
  usage_date: string;
  meter: string;
  quantity: string;
}

/** The columns of a `UsageRow`, for a reader that selects the rows itself. */
export const USAGE_ROW_COLUMNS = `app_id, DATE_FORMAT(usage_date, '%Y-%m-%d') AS usage_date, meter, quantity`;

/** One app's usage in a period from its rows (with `quantity > 0`), as `readPeriodUsage` folds them. */
export function usageFromRows(appId: string, period: BillingPeriod, rows: readonly UsageRow[]): AppUsage {
  const dates = datesOf(period);
  const day = new Map(dates.map((d, i) => [d, i]));
  const usage: AppUsage = { appId: String(appId), totals: {}, packagesByDay: dates.map(() => []) };
  for (const r of rows) {
    const i = day.get(String(r.usage_date));
    if (i !== undefined && String(r.app_id) === usage.appId) addRow(usage, i, r);
  }
  return usage;
}

/**
 * Quality-app discounts (DOMAIN §6) of these apps in force on `date`: the latest `effective_from` on
 * or before it, per app (a 0 row ends a discount). The billing run passes a Douyin month's last day.
 */
export async function qualityDiscountsOn(em: EntityManager, appIds: readonly string[], date: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (appIds.length === 0) return out;
  const rows: { app_id: string; percent: string }[] = await em.query(
    `SELECT d.app_id, d.percent FROM quality_discount d
      WHERE d.app_id IN (${appIds.map(() => '?').join(',')}) AND d.effective_from = (
        SELECT MAX(d2.effective_from) FROM quality_discount d2 WHERE d2.app_id = d.app_id AND d2.effective_from <= ?)`,
    [...appIds, date],
  );
  for (const r of rows) out.set(String(r.app_id), r.percent);
  return out;
}

/**
 * Rates app-periods as the billing run would, writing nothing (no bill, no account, no run):
 * the month-to-date estimate of the days not billed yet and the operator's price-list preview read
 * through here. Reads, for any number of app-periods: their usage (one statement), the platforms'
 * price lists and coupon policies (one each), the owners' new-ISV flags (one; a missing account is
 * not a new ISV, as the run creates it) and the Douyin discounts (one per distinct month end).
 * `draft` rates every item with those charges instead of the list in force.
 */
export async function rateAppPeriods(em: EntityManager, items: readonly AppPeriod[], draft: { id: string; charges: readonly ChargeDef[] } | null = null): Promise<RatedAppPeriod[]> {
  if (items.length === 0) return [];
  const platforms = [...new Set(items.map((i) => i.platform))];
  const owners = [...new Set(items.map((i) => i.ownerId))];
  const [usage, lists, coupons, accounts] = await Promise.all([
    readPeriodUsage(em, items),
    draft ? Promise.resolve([] as PriceListEntity[]) : em.getRepository(PriceListEntity).createQueryBuilder('p').where('p.platform IN (:...platforms)', { platforms }).getMany(),
    em.getRepository(CouponPolicyEntity).createQueryBuilder('c').where('c.platform IN (:...platforms)', { platforms }).getMany(),
    em.query(`SELECT developer_id FROM billing_account WHERE new_isv = 1 AND developer_id IN (${owners.map(() => '?').join(',')})`, owners) as Promise<{ developer_id: string }[]>,
  ]);
  const newIsv = new Set(accounts.map((a) => String(a.developer_id)));
  const policies: CouponPolicy[] = coupons.map((c) => ({ ...c }));
  // NOTE: the discount in force on the period's last day (the run's rule); only Douyin bills carry one.
  const discounts = new Map<string, Map<string, string>>();
  const douyinEnds = [...new Set(items.filter((i) => i.platform === BillingPlatform.DOUYIN).map((i) => i.period.end))];
  for (const end of douyinEnds) {
    const apps = [...new Set(items.filter((i) => i.platform === BillingPlatform.DOUYIN && i.period.end === end).map((i) => String(i.appId)))];
    discounts.set(end, await qualityDiscountsOn(em, apps, end));
  }
  return items.map((item, i) => {
    const rated = ratePeriod(
      {
        platform: item.platform,
        period: item.period,
        lists,
        coupons: policies,
        newIsv: newIsv.has(String(item.ownerId)),
        discountPercent: item.platform === BillingPlatform.DOUYIN ? (discounts.get(item.period.end)?.get(String(item.appId)) ?? null) : null,
        draft,
      },
      usage[i],
    );
    return rated.ok ? { ...item, priceListId: rated.priceListId, bill: rated.bill } : { ...item, priceListId: null, bill: null };
  });
}

/** The exact sum of rated bills' totals, two decimals. */
export const sumTotals = (bills: readonly (RatedBill | null)[]): string => bills.reduce((s, b) => (b ? s.plus(b.total) : s), new D(0)).toFixed(2);

import { DataSource } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { parseBillingPeriod } from '../../billing/period';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { AppPeriod, RatedAppPeriod, rateAppPeriods, sumTotals } from './period-rating';

/**
 * "Usage on a day (Taobao) or in a month (Douyin) that no bill of the app's platform covers yet":
 * the condition the month-to-date rows and the estimate share, on `usage_daily u` joined to `app a`.
 */
export const UNBILLED_USAGE = `u.quantity > 0 AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.app_id = u.app_id AND b.platform = a.billing_platform
  AND b.period = (CASE a.billing_platform WHEN 'TAOBAO' THEN DATE_FORMAT(u.usage_date, '%Y-%m-%d') ELSE DATE_FORMAT(u.usage_date, '%Y-%m') END))`;

/** An ESTIMATE of an app's cost not billed yet this Beijing month: never a bill. Amounts: yuan, 2 decimals. */
export interface CostEstimate {
  developerId: string;
  appId: string;
  platform: BillingPlatform;
  month: string;
  /** The clock the estimate was made at. */
  asOf: Date;
  /** Each period not billed yet, rated as the billing run will rate it (Taobao: a day each; Douyin: the month so far). */
  periods: RatedAppPeriod[];
  /** The sum of the periods' totals. */
  total: string;
}

/**
 * Today's cost before the bill (issue 19): the days of the current Beijing month with usage and no
 * bill yet — today's included — rated through the same reader and rules as the billing run
 * (`rateAppPeriods`: the list in force on each day, the day's coupon, the Douyin discount), writing
 * nothing. With no late usage, a day's estimate is the bill that day's run writes.
 */
export class CostEstimateService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The estimates of every app of these developers with unbilled usage this month, by
   * developer: two statements to find and read the usage, three or four for the terms, whatever the
   * number of developers and apps.
   */
  async ofDevelopers(developerIds: readonly string[]): Promise<CostEstimate[]> {
    if (developerIds.length === 0) return [];
    const now = this.clock.now();
    const today = beijingDate(now);
    const month = today.slice(0, 7);
    const found: { app_id: string; owner_id: string; platform: BillingPlatform; period: string }[] = await this.ds.query(
      `SELECT DISTINCT u.app_id, a.owner_id, a.billing_platform AS platform,
              CASE a.billing_platform WHEN 'TAOBAO' THEN DATE_FORMAT(u.usage_date, '%Y-%m-%d') ELSE DATE_FORMAT(u.usage_date, '%Y-%m') END AS period
         FROM app a JOIN usage_daily u ON u.app_id = a.id AND u.usage_date BETWEEN ? AND ?
        WHERE a.owner_id IN (${developerIds.map(() => '?').join(',')}) AND ${UNBILLED_USAGE}
        ORDER BY u.app_id, period`,
      [`${month}-01`, today, ...developerIds],
    );
    const items: AppPeriod[] = [];
    for (const r of found) {
      const parsed = parseBillingPeriod(r.platform, r.period);
      if (parsed.ok) items.push({ appId: String(r.app_id), ownerId: String(r.owner_id), platform: r.platform, period: parsed.period });
    }
    const rated = await rateAppPeriods(this.ds.manager, items);
    const byApp = new Map<string, CostEstimate>();
    for (const r of rated) {
      // NOTE: a period no price list covers has nothing to estimate; the run refuses it (NO_PRICE_LIST) too.
      if (!r.bill) continue;
      const key = `${r.appId}|${r.platform}`;
      const e = byApp.get(key) ?? byApp.set(key, { developerId: r.ownerId, appId: r.appId, platform: r.platform, month, asOf: now, periods: [], total: '0.00' }).get(key)!;
      e.periods.push(r);
    }
    for (const e of byApp.values()) e.total = sumTotals(e.periods.map((p) => p.bill));
    return [...byApp.values()];
  }
}

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';
import { couponFor } from '../../billing/coupon';
import { D } from '../../billing/money';
import { billingPeriod, BillingPeriod, datesOf } from '../../billing/period';
import { CouponPolicy, PACKAGE_METER, priceListOn } from '../../billing/price-list';
import { RatedBill, rateBill } from '../../billing/rate-bill';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { violation } from '../../domain/common/violation';
import { CouponPolicyEntity, PriceListEntity } from '../../db/entities';
import { ensureAccounts, lockAccounts, settleAccounts } from './ledger';
import { PaymentProvider } from './payment-provider';

/** One app's usage in a period, in the shape the rating engine reads. */
export interface AppUsage {
  appId: string;
  totals: Record<string, number>;
  packagesByDay: string[][];
}

/**
 * Where billing reads usage: the usage helper's `usage_daily` table (one row per app, Beijing date
 * and meter). Narrow on purpose, so a bench or another source can stand in.
 */
export interface UsageSource {
  /**
   * Ids of the platform's apps with any usage in the period, not billed yet for it: grouped by owner
   * (ascending owner, then app id), so a chunk holds a developer's apps together and settles it once.
   */
  appsToBill(em: EntityManager, platform: BillingPlatform, period: BillingPeriod): Promise<string[]>;
  /** The period's usage of these apps. */
  usageOf(em: EntityManager, appIds: readonly string[], period: BillingPeriod): Promise<Map<string, AppUsage>>;
}

const PACKAGE_PREFIX = `${PACKAGE_METER}:`;

/** Reads `usage_daily` (issue 4): sums quantities per meter over the period; packages kept per day. */
export const usageDailySource: UsageSource = {
  async appsToBill(em, platform, period) {
    const rows: { id: string }[] = await em.query(
      `SELECT DISTINCT a.owner_id, u.app_id AS id FROM usage_daily u
         JOIN app a ON a.id = u.app_id AND a.billing_platform = ?
         LEFT JOIN bill b ON b.app_id = u.app_id AND b.platform = ? AND b.period = ?
        WHERE u.usage_date BETWEEN ? AND ? AND u.quantity > 0 AND b.id IS NULL
        ORDER BY a.owner_id, u.app_id`,
      [platform, platform, period.key, period.start, period.end],
    );
    return rows.map((r) => String(r.id));
  },
  async usageOf(em, appIds, period) {
    const out = new Map<string, AppUsage>();
    if (appIds.length === 0) return out;
    const dates = datesOf(period);
    const dayIndex = new Map(dates.map((d, i) => [d, i]));
    const rows: { app_id: string; usage_date: string | Date; meter: string; quantity: string }[] = await em.query(
      `SELECT app_id, DATE_FORMAT(usage_date, '%Y-%m-%d') AS usage_date, meter, quantity FROM usage_daily
        WHERE app_id IN (${appIds.map(() => '?').join(',')}) AND usage_date BETWEEN ? AND ? AND quantity > 0`,
      [...appIds, period.start, period.end],
    );
    for (const id of appIds) out.set(String(id), { appId: String(id), totals: {}, packagesByDay: dates.map(() => []) });
    for (const r of rows) {
      const u = out.get(String(r.app_id))!;
      if (r.meter.startsWith(PACKAGE_PREFIX)) u.packagesByDay[dayIndex.get(String(r.usage_date))!].push(r.meter.slice(PACKAGE_PREFIX.length));
      else u.totals[r.meter] = (u.totals[r.meter] ?? 0) + Number(r.quantity);
    }
    return out;
  },
};

export interface BillingRunReport {
  runId: string;
  platform: BillingPlatform;
  period: string;
  appsConsidered: number;
  billsCreated: number;
  /** Bills another run (or an earlier run) had already written: left as they were. */
  billsSkipped: number;
  linesWritten: number;
  total: string;
}

const CHUNK = 500;

/**
 * Billing runs (Lago's billing service): rates every app of a platform with usage in a period and
 * writes one bill per (app, platform, period), then charges it. Idempotent by construction:
 * INSERT IGNORE on the unique key; a run writes lines and ledger entries only for the bills it
 * inserted itself (identified by its run id), in the same transaction. So a second run, or two at
 * once, leave exactly one set of bills and entries.
 */
export class BillingRunService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly usage: UsageSource = usageDailySource,
  ) {}

  async run(platform: BillingPlatform, periodKey: string, onProgress?: (done: number, total: number) => void): Promise<Result<BillingRunReport>> {
    const now = this.clock.now();
    const today = beijingDate(now);
    const check = billingPeriod(platform, periodKey, today);
    if (!check.ok) return invalidInput([violation('period', check.rule, check.message)]);
    const period = check.period;
    const lists = await this.ds.getRepository(PriceListEntity).findBy({ platform });
    // NOTE: a month is billed with the price list in force on its first day.
    const list = priceListOn(lists, platform, period.start);
    if (!list) return invalidInput([violation('period', 'NO_PRICE_LIST', `no ${platform} price list is in force on ${period.start}`)]);
    const coupons: CouponPolicy[] = (await this.ds.getRepository(CouponPolicyEntity).findBy({ platform })).map((c) => ({ ...c }));

    const runId = randomUUID();
    const report: BillingRunReport = { runId, platform, period: period.key, appsConsidered: 0, billsCreated: 0, billsSkipped: 0, linesWritten: 0, total: '0.00' };
    let total = new D(0);
    const appIds = await this.usage.appsToBill(this.ds.manager, platform, period);
    report.appsConsidered = appIds.length;
    onProgress?.(0, appIds.length);
    for (let i = 0; i < appIds.length; i += CHUNK) {
      const chunk = appIds.slice(i, i + CHUNK);
      const r = await this.withDeadlockRetry(() => this.billChunk(chunk, platform, period, list, coupons, runId, today, now));
      report.billsCreated += r.created;
      report.billsSkipped += chunk.length - r.created;
      report.linesWritten += r.lines;
      total = total.plus(r.total);
      onProgress?.(Math.min(i + CHUNK, appIds.length), appIds.length);
    }
    report.total = total.toFixed(2);
    return ok(report);
  }

  private async withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT') || attempt >= 5) throw err;
      }
    }
  }

  private async billChunk(
    appIds: string[],
    platform: BillingPlatform,
    period: BillingPeriod,
    list: PriceListEntity,
    coupons: CouponPolicy[],
    runId: string,
    today: string,
    now: Date,
  ): Promise<{ created: number; lines: number; total: string }> {
    const em = this.ds.manager;
    const usage = await this.usage.usageOf(em, appIds, period);
    const apps: { id: string; appkey: string; owner_id: string }[] = await em.query(`SELECT id, appkey, owner_id FROM app WHERE id IN (${appIds.map(() => '?').join(',')})`, appIds);
    const owners = [...new Set(apps.map((a) => a.owner_id))].sort();
    const newIsv = new Set<string>(
      (await em.query(`SELECT developer_id FROM billing_account WHERE new_isv = 1 AND developer_id IN (${owners.map(() => '?').join(',')})`, owners)).map((r: { developer_id: string }) => r.developer_id),
    );
    const discounts = new Map<string, string>();
    if (platform === BillingPlatform.DOUYIN) {
      // The discount in force on the period's last day (latest effective_from ≤ end).
      const rows: { app_id: string; percent: string }[] = await em.query(
        `SELECT d.app_id, d.percent FROM quality_discount d
          WHERE d.app_id IN (${appIds.map(() => '?').join(',')}) AND d.effective_from = (
            SELECT MAX(d2.effective_from) FROM quality_discount d2 WHERE d2.app_id = d.app_id AND d2.effective_from <= ?)`,
        [...appIds, period.end],
      );
      for (const r of rows) discounts.set(String(r.app_id), r.percent);
    }

    const rated = new Map<string, RatedBill>();
    for (const app of apps) {
      const u = usage.get(String(app.id));
      if (!u) continue;
      // NOTE: coupons are per appkey per day: only daily (Taobao) bills carry one.
      const coupon = period.days === 1 ? couponFor(coupons, platform, period.start, newIsv.has(app.owner_id)) : null;
      rated.set(String(app.id), rateBill({ charges: list.charges, usage: u, coupon, discountPercent: discounts.get(String(app.id)) ?? null }));
    }

    // Account rows exist before the transaction (see AccountService.lockOne: no FK lock held across it).
    await ensureAccounts(this.ds.manager, owners);
    return this.ds.transaction(async (tx) => {
      const values = apps.filter((a) => rated.has(String(a.id)));
      if (values.length === 0) return { created: 0, lines: 0, total: '0.00' };
      await tx.query(
        `INSERT IGNORE INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on)
         VALUES ${values.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
        values.flatMap((a) => {
          const bill = rated.get(String(a.id))!;
          const coupon = bill.lines.filter((l) => l.kind === 'COUPON').reduce((s, l) => s.minus(l.amount), new D(0));
          return [a.id, a.appkey, a.owner_id, platform, period.key, period.start, period.end, BillStatus.UNPAID, bill.total, coupon.toFixed(2), list.id, runId, today];
        }),
      );
      const ours: { id: string; app_id: string; developer_id: string }[] = await tx.query(
        `SELECT id, app_id, developer_id FROM bill WHERE run_id = ? AND app_id IN (${values.map(() => '?').join(',')})`,
        [runId, ...values.map((a) => a.id)],
      );
      const lineRows: unknown[] = [];
      let lineCount = 0;
      let total = new D(0);
      for (const b of ours) {
        const bill = rated.get(String(b.app_id))!;
        total = total.plus(bill.total);
        bill.lines.forEach((l, pos) => {
          lineCount++;
          lineRows.push(b.id, pos + 1, l.kind, l.code, l.label, l.quantity, l.unitPrice, l.preciseAmount, l.amount, l.explanation.slice(0, 500));
        });
      }
      for (let i = 0; i < lineRows.length; i += 10 * 2000) {
        const slice = lineRows.slice(i, i + 10 * 2000);
        await tx.query(
          `INSERT INTO bill_line (bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation) VALUES ${Array.from({ length: slice.length / 10 }, () => '(?,?,?,?,?,?,?,?,?,?)').join(',')}`,
          slice,
        );
      }
      const devs = [...new Set(ours.map((b) => b.developer_id))].sort();
      await settleAccounts(tx, await lockAccounts(tx, devs), this.provider, today, now);
      return { created: ours.length, lines: lineCount, total: total.toFixed(2) };
    });
  }
}

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Adjustment, adjustmentOf, BilledLine } from '../../billing/adjustment.rule';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';
import { couponFor } from '../../billing/coupon';
import { D } from '../../billing/money';
import { billingPeriod, BillingPeriod } from '../../billing/period';
import { CouponPolicy, priceListOn } from '../../billing/price-list';
import { rateBill } from '../../billing/rate-bill';
import { addDays, beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { CouponPolicyEntity, PriceListEntity } from '../../db/entities';
import { BillKind } from '../../db/entities/bill.entity';
import { observeAdjustment } from '../../observability/metrics';
import { retryOnLockConflict } from '../common/transaction';
import { usageDailySource, UsageSource } from './billing-run.service';
import { ensureAccounts, lockAccounts, settleAccounts } from './ledger';
import { PaymentProvider } from './payment-provider';

/** Why an adjustment bill was written. */
export enum AdjustmentReason {
  /** Usage reported after its period was billed. */
  LATE_USAGE = 'LATE_USAGE',
  /** An operator changed a price list or coupon policy reaching billed days and asked to re-rate them. */
  RERATE = 'RERATE',
}

export interface BillAdjustmentOptions {
  /**
   * How far back the late-usage sweep looks, in days before today (Beijing): the ingestion window
   * (35 days, usage older is refused per record) plus a margin.
   */
  windowDays: number;
  /**
   * The sweep also reads usage changed up to this many seconds before its watermark and before each
   * bill was written: a billing run reads usage a moment before it inserts the bill, and a usage
   * transaction may commit a moment after its timestamp. Usage re-read needlessly adjusts nothing.
   */
  slackSeconds: number;
}

export const DEFAULT_ADJUSTMENT_OPTIONS: BillAdjustmentOptions = Object.freeze({ windowDays: 40, slackSeconds: 600 });

/** What a sweep or a re-rate did. */
export interface AdjustmentReport {
  /** The batch id every adjustment bill of this sweep or re-rate carries in `run_id`. */
  batchId: string;
  reason: AdjustmentReason;
  /** App-periods re-rated. */
  considered: number;
  /** Adjustment bills written (a difference of 0.00 writes none). */
  adjusted: number;
  /** The sum of the adjustments written (yuan, either sign). */
  total: string;
}

/** One app-period to re-rate. */
interface Target {
  appId: string;
  platform: BillingPlatform;
  period: string;
}

const LATE_USAGE_WATERMARK = 'LATE_USAGE';

/**
 * Adjustment bills (issue 17, docs/billing.md "Late usage and adjustments"): an app-period already
 * billed is re-rated whole — all its usage, the price list and coupons in force for it — and the
 * difference from every bill of the period so far is written as one more bill of the period (the
 * next `sequence`), settled like any bill. Paid bills never change. Exactly once by construction:
 * the adjuster locks the developer's account, then the period's bills, and takes the difference
 * against what they hold, so a second adjuster of the same period (another replica, a retry, a
 * second sweep) finds nothing left to adjust; UNIQUE (app, platform, period, sequence) backs it.
 */
export class BillAdjustmentService {
  private readonly options: BillAdjustmentOptions;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly usage: UsageSource = usageDailySource,
    options: Partial<BillAdjustmentOptions> = {},
  ) {
    this.options = { ...DEFAULT_ADJUSTMENT_OPTIONS, ...options };
  }

  /**
   * The late-usage sweep (the scheduler's LATE_USAGE job, each day after that night's billing):
   * finds app-periods with a bill whose usage changed after its watermark and after (or just
   * before) the bill was written, adjusts each, then moves the watermark to where it started.
   * Times are the database's (NOW(3), usage_daily.updated_at, bill.created_at): never a server's.
   */
  async sweepLateUsage(): Promise<AdjustmentReport> {
    const slack = this.options.slackSeconds;
    const [marks]: { since: string; horizon: string }[] = await this.ds.query(
      `SELECT DATE_FORMAT(COALESCE((SELECT value FROM billing_watermark WHERE name = ?) - INTERVAL ? SECOND, NOW(3) - INTERVAL ? DAY), '%Y-%m-%d %H:%i:%s.%f') AS since,
              DATE_FORMAT(NOW(3), '%Y-%m-%d %H:%i:%s.%f') AS horizon`,
      [LATE_USAGE_WATERMARK, slack, this.options.windowDays + 1],
    );
    const firstDay = `${addDays(beijingDate(this.clock.now()), -this.options.windowDays).slice(0, 7)}-01`;
    // Usage rows of the window changed since the watermark, joined to their period's first bill
    // (the unique key: one index dive per row); late when changed after the bill was written, less the slack.
    const rows: { app_id: string; platform: BillingPlatform; period: string }[] = await this.ds.query(
      `SELECT u.app_id, b.platform, b.period
         FROM usage_daily u
         JOIN app a ON a.id = u.app_id
         JOIN bill b ON b.app_id = u.app_id AND b.platform = a.billing_platform AND b.sequence = 0
                    AND b.period = IF(a.billing_platform = 'TAOBAO', DATE_FORMAT(u.usage_date, '%Y-%m-%d'), DATE_FORMAT(u.usage_date, '%Y-%m'))
        WHERE u.usage_date >= ? AND u.updated_at > ?
        GROUP BY u.app_id, b.platform, b.period, b.created_at
       HAVING MAX(u.updated_at) > b.created_at - INTERVAL ? SECOND
        ORDER BY b.period, u.app_id`,
      [firstDay, marks.since, slack],
    );
    const report = await this.adjustAll(
      rows.map((r) => ({ appId: String(r.app_id), platform: r.platform, period: r.period })),
      AdjustmentReason.LATE_USAGE,
    );
    await this.ds.query(`INSERT INTO billing_watermark (name, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = GREATEST(value, VALUES(value))`, [LATE_USAGE_WATERMARK, marks.horizon]);
    return report;
  }

  /**
   * Re-rates every billed app-period of the platform that ends on or after `fromDay` (an operator's
   * explicit re-rate after a price list or coupon policy change reaching billed days). Periods the
   * change does not touch come out at 0.00 and write nothing.
   */
  async rerate(platform: BillingPlatform, fromDay: string): Promise<AdjustmentReport> {
    const fromKey = platform === BillingPlatform.TAOBAO ? fromDay : fromDay.slice(0, 7);
    const rows: { app_id: string; period: string }[] = await this.ds.query(
      `SELECT app_id, period FROM bill WHERE platform = ? AND period >= ? AND sequence = 0 ORDER BY period, app_id`,
      [platform, fromKey],
    );
    return this.adjustAll(
      rows.map((r) => ({ appId: String(r.app_id), platform, period: r.period })),
      AdjustmentReason.RERATE,
    );
  }

  private async adjustAll(targets: readonly Target[], reason: AdjustmentReason): Promise<AdjustmentReport> {
    const report: AdjustmentReport = { batchId: randomUUID(), reason, considered: 0, adjusted: 0, total: '0.00' };
    let total = new D(0);
    const lists = new Map<BillingPlatform, { lists: PriceListEntity[]; coupons: CouponPolicy[] }>();
    for (const t of targets) {
      if (!lists.has(t.platform)) {
        lists.set(t.platform, {
          lists: await this.ds.getRepository(PriceListEntity).findBy({ platform: t.platform }),
          coupons: (await this.ds.getRepository(CouponPolicyEntity).findBy({ platform: t.platform })).map((c) => ({ ...c })),
        });
      }
      report.considered++;
      const written = await this.adjust(t, reason, report.batchId, lists.get(t.platform)!);
      if (written) {
        report.adjusted++;
        total = total.plus(written.total);
        observeAdjustment(t.platform, reason);
      }
    }
    report.total = total.toFixed(2);
    return report;
  }

  /**
   * Adjusts one app-period, in one transaction: locks the owner's account (settlement's order:
   * account, then bills), then the period's bills; re-rates the whole period; writes the difference
   * as the next bill of the period with its lines and settles the developer. Returns null when the
   * period has no bill yet (the billing run will bill it whole) or the difference is 0.00.
   */
  private async adjust(t: Target, reason: AdjustmentReason, batchId: string, pricing: { lists: PriceListEntity[]; coupons: CouponPolicy[] }): Promise<{ billId: string; adjustment: Adjustment; total: string } | null> {
    const now = this.clock.now();
    const today = beijingDate(now);
    const check = billingPeriod(t.platform, t.period, today);
    if (!check.ok) return null;
    const period: BillingPeriod = check.period;
    // NOTE: the list in force for the period, as the billing run chose it: a day's, or a month's first day's.
    const list = priceListOn(pricing.lists, t.platform, period.start);
    if (!list) return null;
    const [app]: { id: string; appkey: string; owner_id: string }[] = await this.ds.query(`SELECT id, appkey, owner_id FROM app WHERE id = ?`, [t.appId]);
    if (!app) return null;
    // Outside the transaction, as the billing run does (the FK insert's shared lock on developer).
    await ensureAccounts(this.ds.manager, [app.owner_id]);
    return retryOnLockConflict(() =>
      this.ds.transaction('READ COMMITTED', async (tx) => {
        const [account] = await lockAccounts(tx, [app.owner_id]);
        const bills: { id: string; sequence: number }[] = await tx.query(`SELECT id, sequence FROM bill WHERE app_id = ? AND platform = ? AND period = ? ORDER BY sequence FOR UPDATE`, [
          t.appId,
          t.platform,
          t.period,
        ]);
        if (bills.length === 0) return null;
        const billed: BilledLine[] = (
          await tx.query(`SELECT kind, code, label, quantity, unit_price, precise_amount, amount FROM bill_line WHERE bill_id IN (${bills.map(() => '?').join(',')})`, bills.map((b) => b.id))
        ).map((l: Record<string, string>) => ({ kind: l.kind, code: l.code, label: l.label, quantity: l.quantity, unitPrice: l.unit_price, preciseAmount: l.precise_amount, amount: l.amount }));
        const usage = (await this.usage.usageOf(tx, [t.appId], period)).get(t.appId)!;
        let discountPercent: string | null = null;
        if (t.platform === BillingPlatform.DOUYIN) {
          // The discount in force on the month's last day, as the billing run applies it.
          const [d]: { percent: string }[] = await tx.query(`SELECT percent FROM quality_discount WHERE app_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1`, [t.appId, period.end]);
          discountPercent = d?.percent ?? null;
        }
        // NOTE: coupons are per appkey per day (daily bills only); the new-ISV flag is the account's now.
        const coupon = period.days === 1 ? couponFor(pricing.coupons, t.platform, period.start, account.newIsv) : null;
        const rerated = rateBill({ charges: list.charges, usage, coupon, discountPercent });
        const adjustment = adjustmentOf({ rerated, billed, charges: list.charges });
        if (!adjustment) return null;
        const first = bills[0];
        const sequence = Math.max(...bills.map((b) => Number(b.sequence))) + 1;
        const res: { insertId: number | string } = await tx.query(
          `INSERT INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on, kind, sequence, adjusts_bill_id, adjustment_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [t.appId, app.appkey, app.owner_id, t.platform, period.key, period.start, period.end, BillStatus.UNPAID, adjustment.total, adjustment.couponTotal, list.id, batchId, today, BillKind.ADJUSTMENT, sequence, first.id, reason],
        );
        const billId = String(res.insertId);
        await tx.query(
          `INSERT INTO bill_line (bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation) VALUES ${adjustment.lines.map(() => '(?,?,?,?,?,?,?,?,?,?)').join(',')}`,
          adjustment.lines.flatMap((l, i) => [billId, i + 1, l.kind, l.code, l.label, l.quantity, l.unitPrice, l.preciseAmount, l.amount, l.explanation.slice(0, 500)]),
        );
        // Settled like any bill: oldest first with the developer's other unpaid bills (a credit pays at once).
        await settleAccounts(tx, [account], this.provider, today, now);
        return { billId, adjustment, total: adjustment.total };
      }),
    );
  }
}

import { DataSource } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { BillingPeriod, parseBillingPeriod } from '../../billing/period';
import { ChargeDef, validateCharges } from '../../billing/price-list';
import { RatedBill } from '../../billing/rate-bill';
import { isNumericId } from '../../domain/common/ids';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { violation } from '../../domain/common/violation';
import { AppEntity, BillEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { rateAppPeriods } from './period-rating';
import { KeysetPage, KeyValue, pageByKeyset, SortKey } from '../common/pagination';

/** The adjustment bills of an app-period, in sequence order (unique within the period). */
export const ADJUSTMENT_ORDER: SortKey<BillEntity>[] = [{ sql: 'b.sequence', dir: 'ASC', kind: 'number', of: (b) => b.sequence }];

/** The id a draft price list is rated under (it is never stored). */
export const DRAFT_PRICE_LIST_ID = 'DRAFT';

/** A draft price list's rating of one app-period beside the bill issued for it (if any). */
export interface BillPreview {
  appId: string;
  platform: BillingPlatform;
  period: BillingPeriod;
  /** The draft's rating of the period's real usage, with the period's own coupon and discount. */
  draft: RatedBill;
  /** The period's first bill as issued; null when the period has no bill yet. */
  issued: BillEntity | null;
  /** What the period was billed in all: the first bill and its adjustments (yuan, 2 decimals); null without a bill. */
  issuedTotal: string | null;
  /** draft total − issuedTotal (yuan, 2 decimals); null without an issued bill. */
  difference: string | null;
}

/**
 * The operator's price-list preview (issue 17 §5): rates the real usage of an app's period under a
 * draft list through the billing run's own reader and rules (`rateAppPeriods`) and sets it beside
 * the bill as issued. Writes nothing: no bill, line, ledger entry, account, run or audit row.
 */
export class BillPreviewService {
  /** One page of an app-period's adjustment bills (sequence 1, 2 …), in sequence order, paged in SQL. */
  pageAdjustments(appId: string, platform: BillingPlatform, periodKey: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<BillEntity>> {
    const qb = this.ds
      .getRepository(BillEntity)
      .createQueryBuilder('b')
      .where('b.app_id = :appId AND b.platform = :platform AND b.period = :period AND b.sequence > 0', { appId, platform, period: periodKey });
    return pageByKeyset(qb, ADJUSTMENT_ORDER, limit, after);
  }

  constructor(private readonly ds: DataSource) {}

  async preview(appId: string, periodKey: string, charges: ChargeDef[]): Promise<Result<BillPreview>> {
    const v = validateCharges(charges).map((x) => violation(`priceList.${x.field}`, x.rule, x.message));
    if (v.length > 0) return invalidInput(v);
    const app = isNumericId(appId) ? await this.ds.manager.findOneBy(AppEntity, { id: appId }) : null;
    if (!app) throw notFound('App', appId);
    const platform = app.billingPlatform;
    const parsed = parseBillingPeriod(platform, periodKey);
    if (!parsed.ok) return invalidInput([violation('period', parsed.rule, `${parsed.message} (the app is billed on ${platform})`)]);
    const period = parsed.period;
    const where = { appId: String(app.id), platform, period: period.key };
    // The period's first bill, and the sum of it and its adjustments in SQL (the adjustments themselves are paged: `pageAdjustments`).
    const [[rated], issued, [sum]] = await Promise.all([
      rateAppPeriods(this.ds.manager, [{ appId: String(app.id), ownerId: app.ownerId, platform, period }], { id: DRAFT_PRICE_LIST_ID, charges }),
      this.ds.getRepository(BillEntity).findOne({ where: { ...where, sequence: 0 } }),
      this.ds.query('SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS total FROM bill WHERE app_id = ? AND platform = ? AND period = ?', [where.appId, platform, period.key]) as Promise<{ n: string; total: string }[]>,
    ]);
    const draft = rated.bill!;
    const issuedTotal = Number(sum.n) > 0 ? new D(sum.total).toFixed(2) : null;
    return ok({
      appId: String(app.id),
      platform,
      period,
      draft,
      issued: issued ?? null,
      issuedTotal,
      difference: issuedTotal === null ? null : new D(draft.total).minus(issuedTotal).toFixed(2),
    });
  }
}

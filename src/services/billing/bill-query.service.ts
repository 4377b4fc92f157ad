import { isNumericId } from '../../domain/common/ids';
import { DataSource } from 'typeorm';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { isStaff, Viewer } from '../../domain/common/role';
import { BillEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { UNBILLED_USAGE } from './cost-estimate.service';
import { KeysetPage, keysetCondition, keysetOrderBy, KeyValue, pageDescById, SortKey } from '../common/pagination';

export interface BillFilter {
  appId?: string | null;
  platform?: BillingPlatform | null;
  period?: string | null;
  status?: BillStatus | null;
  developerId?: string | null;
  /** true: on a REQUESTED or ISSUED invoice; false: on none. */
  invoiced?: boolean | null;
}

/** An app's bills of the current Beijing month on one platform profile. Amounts: yuan, 2 decimals. */
export interface AppMonthToDate {
  month: string;
  developerId: string;
  appId: string;
  appkey: string;
  platform: BillingPlatform;
  bills: number;
  total: string;
  unpaid: string;
}

/** Reading bills: a developer sees their own; reviewers and operators see all. */
interface MonthToDateRow {
  developer_id: string;
  app_id: string;
  appkey: string;
  platform: BillingPlatform;
  n: string;
  total: string;
  unpaid: string;
}

const monthToDateOfRow = (r: MonthToDateRow, month: string): AppMonthToDate => ({
  month,
  developerId: r.developer_id,
  appId: String(r.app_id),
  appkey: r.appkey,
  platform: r.platform,
  bills: Number(r.n),
  total: new D(r.total).toFixed(2),
  unpaid: new D(r.unpaid).toFixed(2),
});

/** Month-to-date rows: app id, then platform name (unique per app). */
export const MONTH_TO_DATE_ORDER: SortKey<AppMonthToDate>[] = [
  { sql: 'app_id', dir: 'ASC', kind: 'number', of: (r) => Number(r.appId) },
  { sql: 'CAST(platform AS CHAR)', dir: 'ASC', kind: 'string', of: (r) => r.platform },
];

export class BillQueryService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, filter: BillFilter, limit: number, beforeId: string | null): Promise<{ rows: BillEntity[]; hasNextPage: boolean; totalCount: number }> {
    const qb = this.ds.getRepository(BillEntity).createQueryBuilder('b');
    if (!isStaff(viewer)) qb.andWhere('b.developer_id = :me', { me: viewer.subjectId });
    else if (filter.developerId) qb.andWhere('b.developer_id = :dev', { dev: filter.developerId });
    if (filter.appId) qb.andWhere('b.app_id = :appId', { appId: isNumericId(filter.appId) ? filter.appId : '0' });
    if (filter.platform) qb.andWhere('b.platform = :platform', { platform: filter.platform });
    if (filter.period) qb.andWhere('b.period = :period', { period: filter.period });
    if (filter.status) qb.andWhere('b.status = :status', { status: filter.status });
    if (filter.invoiced != null) qb.andWhere(`${filter.invoiced ? '' : 'NOT '}EXISTS (SELECT 1 FROM invoice_bill ib WHERE ib.bill_id = b.id AND ib.live = 1)`);
    return pageDescById(qb, 'b', limit, beforeId);
  }

  async get(viewer: Viewer, id: string): Promise<BillEntity> {
    const bill = isNumericId(id) ? await this.ds.manager.findOneBy(BillEntity, { id }) : null;
    if (!bill || !(isStaff(viewer) || bill.developerId === viewer.subjectId)) throw notFound('Bill', id);
    return bill;
  }

  /**
   * Month-to-date totals per app (Beijing month of today): the sum of the bills written so far
   * this month, paid and unpaid, and a row (0 bills) for every app whose usage of the month is not
   * billed yet — today's usage is billed once the day is over; its ESTIMATE is `CostEstimateService`.
   */
  /**
   * One page of it, paged in SQL in app id then platform name order (a developer's own rows; staff
   * read one developer's, or every developer's when none is named), with the total count.
   */
  async pageMonthToDate(viewer: Viewer, developerId: string | null, limit: number, after: KeyValue[] | null): Promise<KeysetPage<AppMonthToDate>> {
    const dev = isStaff(viewer) ? developerId : viewer.subjectId;
    const { sql, params, month } = this.monthToDateSql(dev ? [dev] : null);
    const cond = after ? keysetCondition(MONTH_TO_DATE_ORDER, after) : null;
    // One statement: the whole list's count is a window over every row, taken before the cursor's filter.
    const rows: (MonthToDateRow & { keyset_total: string })[] = await this.ds.query(
      `SELECT * FROM (SELECT g.*, COUNT(*) OVER () AS keyset_total FROM (${sql}) g) mtd_rows
        ${cond ? `WHERE ${cond.sql}` : ''} ORDER BY ${keysetOrderBy(MONTH_TO_DATE_ORDER)} LIMIT ?`,
      [...params, ...(cond?.params ?? []), limit + 1],
    );
    // Past the last row the page is empty and holds no count: only then is it counted on its own.
    const n = rows[0]?.keyset_total ?? (after ? (await this.ds.query(`SELECT COUNT(*) AS n FROM (${sql}) g`, params))[0].n : 0);
    const page = rows.slice(0, limit).map((r) => monthToDateOfRow(r, month));
    return { rows: page, hasNextPage: rows.length > limit, totalCount: Number(n) };
  }

  /**
   * The same for several developers at once (every developer when `developerIds` is null), in app
   * id order: one statement for a page of apps of any owners.
   */
  async monthToDateOf(developerIds: readonly string[] | null): Promise<AppMonthToDate[]> {
    const { sql, params, month } = this.monthToDateSql(developerIds);
    const rows: MonthToDateRow[] = await this.ds.query(`${sql} ORDER BY app_id, platform`, params);
    return rows.map((r) => monthToDateOfRow(r, month));
  }

  /** The grouped month-to-date rows of some developers (all when null): bills of the month, and apps with unbilled usage. */
  private monthToDateSql(developerIds: readonly string[] | null): { sql: string; params: unknown[]; month: string } {
    const today = beijingDate(this.clock.now());
    const month = today.slice(0, 7);
    const devs = developerIds ? [[...developerIds]] : [];
    const sql = `SELECT developer_id, app_id, appkey, platform, SUM(n) AS n, SUM(total) AS total, SUM(unpaid) AS unpaid FROM (
         SELECT developer_id, app_id, appkey, platform, COUNT(*) AS n, SUM(total) AS total, SUM(CASE WHEN status = ? THEN total ELSE 0 END) AS unpaid
           FROM bill WHERE period_start >= ? AND period_start <= ? ${developerIds ? 'AND developer_id IN (?)' : ''}
          GROUP BY developer_id, app_id, appkey, platform
         UNION ALL
         SELECT a.owner_id, a.id, a.appkey, a.billing_platform, 0, 0, 0 FROM app a
          WHERE ${developerIds ? 'a.owner_id IN (?) AND' : ''} EXISTS (SELECT 1 FROM usage_daily u WHERE u.app_id = a.id AND u.usage_date BETWEEN ? AND ? AND ${UNBILLED_USAGE})
       ) mtd GROUP BY developer_id, app_id, appkey, platform`;
    return { sql, params: [BillStatus.UNPAID, `${month}-01`, `${month}-31`, ...devs, ...devs, `${month}-01`, today], month };
  }

  /** CSV of a period's bills (RFC 4180, header row, one row per bill, amounts as written). */
  async csv(viewer: Viewer, platform: BillingPlatform, period: string): Promise<string> {
    const qb = this.ds.getRepository(BillEntity).createQueryBuilder('b').where('b.platform = :platform AND b.period = :period', { platform, period });
    if (!isStaff(viewer)) qb.andWhere('b.developer_id = :me', { me: viewer.subjectId });
    const rows = await qb.orderBy('b.id', 'ASC').getMany();
    const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const header = 'bill_id,appkey,developer_id,platform,period,period_start,period_end,status,coupon,total';
    return [header, ...rows.map((b) => [b.id, b.appkey, b.developerId, b.platform, b.period, b.periodStart, b.periodEnd, b.status, new D(b.couponTotal).neg().toFixed(2), b.total].map((x) => esc(String(x))).join(','))].join('\n') + '\n';
  }
}

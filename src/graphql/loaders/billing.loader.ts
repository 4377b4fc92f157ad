import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { BillLineEntity } from '../../db/entities';
import { AppMonthToDate, BillQueryService } from '../../services/billing/bill-query.service';
import { CostEstimate, CostEstimateService } from '../../services/billing/cost-estimate.service';

/** A bill's lines: prevents one SELECT per bill when a page of bills asks for `lines`. */
export const billLinesLoader = (ds: DataSource) =>
  new DataLoader<string, BillLineEntity[]>(
    async (ids) => {
      const rows = await ds.getRepository(BillLineEntity).createQueryBuilder('l').where('l.bill_id IN (:...ids)', { ids: [...ids] }).orderBy('l.bill_id').addOrderBy('l.position').getMany();
      const byBill = new Map<string, BillLineEntity[]>();
      for (const r of rows) (byBill.get(String(r.billId)) ?? byBill.set(String(r.billId), []).get(String(r.billId))!).push(r);
      return ids.map((id) => byBill.get(String(id)) ?? []);
    },
    { maxBatchSize: 500 },
  );

/** A developer's month-to-date rows, whole and by app. */
export interface MonthToDateOfDeveloper {
  readonly rows: AppMonthToDate[];
  readonly byApp: ReadonlyMap<string, AppMonthToDate[]>;
}

/**
 * Month-to-date bills by developer: one statement for root `monthToDate` and every
 * `App.monthToDate` of a page (instead of one per app); apps of several owners batch into one IN.
 */
export const monthToDateByDeveloperLoader = (bills: BillQueryService) =>
  new DataLoader<string, MonthToDateOfDeveloper>(
    async (developerIds) => {
      const rows = await bills.monthToDateOf(developerIds);
      const byDev = new Map<string, { rows: AppMonthToDate[]; byApp: Map<string, AppMonthToDate[]> }>(developerIds.map((d) => [d, { rows: [], byApp: new Map() }]));
      for (const r of rows) {
        const dev = byDev.get(r.developerId);
        if (!dev) continue;
        dev.rows.push(r);
        (dev.byApp.get(r.appId) ?? dev.byApp.set(r.appId, []).get(r.appId)!).push(r);
      }
      return developerIds.map((d) => byDev.get(d)!);
    },
    { maxBatchSize: 500 },
  );

/**
 * A developer's month-to-date estimates by `appId|platform`: prevents rating each month-to-date row
 * on its own (a usage read and the terms per app); every row of a page shares one batch.
 */
export const costEstimateByDeveloperLoader = (estimates: CostEstimateService) =>
  new DataLoader<string, ReadonlyMap<string, CostEstimate>>(
    async (developerIds) => {
      const byDev = new Map<string, Map<string, CostEstimate>>(developerIds.map((d) => [d, new Map()]));
      for (const e of await estimates.ofDevelopers(developerIds)) byDev.get(e.developerId)?.set(`${e.appId}|${e.platform}`, e);
      return developerIds.map((d) => byDev.get(d)!);
    },
    { maxBatchSize: 500 },
  );

import { SortKey } from '../../services/common/pagination';
import { childPagesLoader } from './keyset.loader';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { WENT_ONLINE } from '../../domain/app/operator-controls.rule';
import { AppOperatorQuotaEntity, AppSuspensionEntity } from '../../db/entities';

/** Operator quotas by app id, latest date first: prevents one SELECT per app when a list of apps shows quota today. */
export const operatorQuotasByAppLoader = (ds: DataSource) =>
  new DataLoader<string, AppOperatorQuotaEntity[]>(
    async (ids) => {
      const rows = await ds.getRepository(AppOperatorQuotaEntity).find({ where: { appId: In([...ids]) }, order: { effectiveFrom: 'DESC' } });
      const byApp = new Map<string, AppOperatorQuotaEntity[]>();
      for (const r of rows) byApp.set(String(r.appId), [...(byApp.get(String(r.appId)) ?? []), r]);
      return ids.map((id) => byApp.get(String(id)) ?? []);
    },
    { maxBatchSize: 500 },
  );

/** The open suspension by app id: prevents one SELECT per suspended app in a list. */
export const openSuspensionByAppLoader = (ds: DataSource) =>
  new DataLoader<string, AppSuspensionEntity | null>(
    async (ids) => {
      const rows = await ds.getRepository(AppSuspensionEntity).find({ where: { appId: In([...ids]), restoredAt: IsNull() }, order: { id: 'DESC' } });
      const byApp = new Map<string, AppSuspensionEntity>();
      for (const r of rows) if (!byApp.has(String(r.appId))) byApp.set(String(r.appId), r);
      return ids.map((id) => byApp.get(String(id)) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** Whether a developer has an app that went online (ONLINE or SUSPENDED): prevents one SELECT per developer shown. */
export const wentOnlineByOwnerLoader = (ds: DataSource) =>
  new DataLoader<string, boolean>(
    async (ownerIds) => {
      const rows: { owner_id: string }[] = await ds.query(`SELECT DISTINCT owner_id FROM app WHERE owner_id IN (${ownerIds.map(() => '?').join(',')}) AND status IN (${WENT_ONLINE.map(() => '?').join(',')})`, [
        ...ownerIds,
        ...WENT_ONLINE,
      ]);
      const yes = new Set(rows.map((r) => r.owner_id));
      return ownerIds.map((id) => yes.has(id));
    },
    { maxBatchSize: 500 },
  );


/** An app's operator-set quotas: latest effective date first, then newest id (unique). */
export const OPERATOR_QUOTA_ORDER: SortKey<OperatorQuotaRow>[] = [
  { sql: 'effective_from', dir: 'DESC', kind: 'string', of: (q) => q.effectiveFrom },
  { sql: 'id', dir: 'DESC', kind: 'number', of: (q) => Number(q.id) },
];

export type OperatorQuotaRow = Pick<AppOperatorQuotaEntity, 'id' | 'appId' | 'kind' | 'dailyQuota' | 'effectiveFrom' | 'contractReference' | 'basis' | 'setAt'>;

/** Pages of operator-set quotas by app id, paged in SQL: one SELECT for a page of apps, not one per app. */
export const operatorQuotaPagesByAppLoader = (ds: DataSource) =>
  childPagesLoader<OperatorQuotaRow>(ds, {
    table: 'app_operator_quota',
    parent: 'app_id',
    select: "id, app_id, kind, daily_quota, DATE_FORMAT(effective_from, '%Y-%m-%d') AS effective_from, contract_reference, basis, set_at",
    keys: OPERATOR_QUOTA_ORDER,
    map: (r) => ({
      id: String(r.id),
      appId: String(r.app_id),
      kind: r.kind as AppOperatorQuotaEntity['kind'],
      dailyQuota: Number(r.daily_quota),
      effectiveFrom: String(r.effective_from),
      contractReference: (r.contract_reference as string | null) ?? null,
      basis: (r.basis as string | null) ?? null,
      setAt: new Date(r.set_at as Date),
    }),
  });

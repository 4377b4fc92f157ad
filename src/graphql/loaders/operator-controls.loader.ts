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


import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { EmergencyGrantEntity } from '../../db/entities';

/** Key: `${appId}|${beijingDate}`. */
export const emergencyKey = (appId: string, date: string): string => `${appId}|${date}`;

/**
 * Emergency calls granted per (app, Beijing date): prevents one SELECT per app when a list of
 * apps asks for `quotaToday`. One SELECT per distinct date in the batch (in practice: today).
 */
export const emergencyCallsLoader = (ds: DataSource) =>
  new DataLoader<string, number>(
    async (keys) => {
      const idsByDate = new Map<string, string[]>();
      for (const k of keys) {
        const [appId, date] = k.split('|');
        idsByDate.set(date, [...(idsByDate.get(date) ?? []), appId]);
      }
      const byKey = new Map<string, number>();
      for (const [date, ids] of idsByDate) {
        const rows = await ds.getRepository(EmergencyGrantEntity).findBy({ grantDate: date, appId: In(ids) });
        for (const g of rows) byKey.set(emergencyKey(String(g.appId), date), g.grantedCalls);
      }
      return keys.map((k) => byKey.get(k) ?? 0);
    },
    { maxBatchSize: 500 },
  );

import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';

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
        // Raw rows: two columns of a handful of grants, nothing for the entity to add.
        const rows: { app_id: string; granted_calls: number }[] = await ds.query('SELECT app_id, granted_calls FROM emergency_grant WHERE grant_date = ? AND app_id IN (?)', [date, ids]);
        for (const g of rows) byKey.set(emergencyKey(String(g.app_id), date), g.granted_calls);
      }
      return keys.map((k) => byKey.get(k) ?? 0);
    },
    { maxBatchSize: 500 },
  );

import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';

export interface UsageDailyRow {
  readonly date: string;
  readonly meter: string;
  readonly quantity: string;
  readonly successful: string;
}

/** Key: `${appId}|${from}|${to}` (Beijing dates). */
export const usageKey = (appId: string, from: string, to: string): string => `${appId}|${from}|${to}`;

/**
 * Reported usage per app over a date range: prevents one SELECT per app when a list of apps asks
 * for `usage` or `usageToday`. One SELECT per distinct range in the batch (usually one).
 */
export const usageDailyLoader = (ds: DataSource) =>
  new DataLoader<string, UsageDailyRow[]>(
    async (keys) => {
      const idsByRange = new Map<string, string[]>();
      for (const k of keys) {
        const [appId, from, to] = k.split('|');
        const range = `${from}|${to}`;
        idsByRange.set(range, [...(idsByRange.get(range) ?? []), appId]);
      }
      const byKey = new Map<string, UsageDailyRow[]>();
      for (const [range, ids] of idsByRange) {
        const [from, to] = range.split('|');
        const rows: { app_id: string; d: string; meter: string; quantity: string; successful: string }[] = await ds.query(
          `SELECT app_id, DATE_FORMAT(usage_date, '%Y-%m-%d') AS d, meter, quantity, successful FROM usage_daily
            WHERE app_id IN (${ids.map(() => '?').join(',')}) AND usage_date BETWEEN ? AND ? ORDER BY usage_date, meter`,
          [...ids, from, to],
        );
        for (const r of rows) {
          const key = usageKey(String(r.app_id), from, to);
          (byKey.get(key) ?? byKey.set(key, []).get(key)!).push({ date: r.d, meter: r.meter, quantity: String(r.quantity), successful: String(r.successful) });
        }
      }
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: 500 },
  );

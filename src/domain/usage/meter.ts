import { ApiCategory, CallSource, DataSyncPackage } from './usage.enums';

/** Prefix shared by every API-call meter (the calls counted against the daily quota). */
export const API_METER_PREFIX = 'API:';

/**
 * The meter the price list's package-fee charge reads: the packages held each day, stored as one
 * row `DATA_SYNC_PACKAGE:<package>` per package held.
 */
export const PACKAGE_METER = 'DATA_SYNC_PACKAGE';

/** Prefix of the per-package rows of PACKAGE_METER. */
export const PACKAGE_METER_PREFIX = `${PACKAGE_METER}:`;

/**
 * Meter keys of the `usage_daily` table: one row per (app, Beijing date, meter). The one home of
 * their spelling: ingestion writes them, the usage views read them and the price lists price them.
 * - `API:<category>:<source>`: quantity = calls, successful = successful calls;
 * - `DATA_SYNC_ORDERS`: new main (parent) orders synced;
 * - `DATA_SYNC_PACKAGE:<package>`: quantity 1 = the package was held that day (every package seen is kept);
 * - `WALI_MESSAGES`: new Wali chat messages; `CRM_RELATIONS`: CRM user relations.
 */
export const Meter = {
  api: (category: ApiCategory, source: CallSource): string => `${API_METER_PREFIX}${category}:${source}`,
  DATA_SYNC_ORDERS: 'DATA_SYNC_ORDERS',
  dataSyncPackage: (pkg: DataSyncPackage): string => `${PACKAGE_METER_PREFIX}${pkg}`,
  WALI_MESSAGES: 'WALI_MESSAGES',
  CRM_RELATIONS: 'CRM_RELATIONS',
} as const;

/** The category and source of an API-call meter, or null for another meter. */
export function apiMeterParts(meter: string): { category: ApiCategory; source: CallSource } | null {
  if (!meter.startsWith(API_METER_PREFIX)) return null;
  const [, category, source] = meter.split(':');
  return { category: category as ApiCategory, source: source as CallSource };
}

/** The package of a `DATA_SYNC_PACKAGE:<package>` row, or null for another meter. */
export function packageOfMeter(meter: string): DataSyncPackage | null {
  return meter.startsWith(PACKAGE_METER_PREFIX) ? (meter.slice(PACKAGE_METER_PREFIX.length) as DataSyncPackage) : null;
}

/** Meters whose day figure is a level (the highest reported), not a sum: CRM relations and data-sync packages. */
export function isLevelMeter(meter: string): boolean {
  return meter === Meter.CRM_RELATIONS || meter.startsWith(PACKAGE_METER_PREFIX);
}

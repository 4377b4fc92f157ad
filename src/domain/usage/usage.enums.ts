/** API categories the gateway meters (DOMAIN §5: free, basic, value-added, the two Cainiao logistics kinds). */
export enum ApiCategory {
  FREE = 'FREE',
  BASIC = 'BASIC',
  VALUE_ADDED = 'VALUE_ADDED',
  LOGISTICS_TRACKING = 'LOGISTICS_TRACKING',
  LOGISTICS_EXCEPTION = 'LOGISTICS_EXCEPTION',
}

/** Where a call came from: inside the platform cloud (JuShiTa / Doudian cloud) or outside. */
export enum CallSource {
  IN_CLOUD = 'IN_CLOUD',
  OUT_OF_CLOUD = 'OUT_OF_CLOUD',
}

/** Data-sync packages, lowest first (DOMAIN §5: basic 0, advanced 79, platinum 149, flagship 299 yuan/day). */
export enum DataSyncPackage {
  BASIC = 'BASIC',
  ADVANCED = 'ADVANCED',
  PLATINUM = 'PLATINUM',
  FLAGSHIP = 'FLAGSHIP',
}

/**
 * Meter keys of the `usage_daily` table: one row per (app, Beijing date, meter).
 * - `API:<category>:<source>`: quantity = calls, successful = successful calls;
 * - `DATA_SYNC_ORDERS`: new main (parent) orders synced;
 * - `DATA_SYNC_PACKAGE:<package>`: quantity 1 = the package was held that day (every package seen is kept);
 * - `WALI_MESSAGES`: new Wali chat messages; `CRM_RELATIONS`: CRM user relations.
 */
export const Meter = {
  api: (category: ApiCategory, source: CallSource): string => `API:${category}:${source}`,
  DATA_SYNC_ORDERS: 'DATA_SYNC_ORDERS',
  dataSyncPackage: (pkg: DataSyncPackage): string => `DATA_SYNC_PACKAGE:${pkg}`,
  WALI_MESSAGES: 'WALI_MESSAGES',
  CRM_RELATIONS: 'CRM_RELATIONS',
} as const;

/** Prefix shared by every API-call meter (the calls counted against the daily quota). */
export const API_METER_PREFIX = 'API:';

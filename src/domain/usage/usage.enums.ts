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

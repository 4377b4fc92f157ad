import { AppStatus } from '../app/app.enums';

export enum QuotaSource {
  /** DEVELOPING, IN_REVIEW, REJECTED: the tag's development-test quota. */
  DEVELOPMENT_TEST = 'DEVELOPMENT_TEST',
  /** ONLINE with no traffic package: the tag's default online quota. */
  TAG_DEFAULT = 'TAG_DEFAULT',
  /** ONLINE with a granted traffic package: the last package granted. */
  TRAFFIC_PACKAGE = 'TRAFFIC_PACKAGE',
  /** ONLINE on a UV_BASED tag with no operator-set quota: the gateway applies UV rules. */
  UV_BASED = 'UV_BASED',
  /** SUSPENDED: no calls. */
  SUSPENDED = 'SUSPENDED',
}

export interface QuotaInput {
  status: AppStatus;
  /** The tag's development-test quota, calls per day. */
  devTestQuota: number;
  /** The tag's default online quota; null for UV-based tags. */
  defaultOnlineQuota: number | null;
  /** The last traffic package granted to the app (calls per day), if any. */
  grantedTrafficQuota: number | null;
}

export interface QuotaToday {
  /** Calls per Beijing day; null when UV-based rules govern (no fixed number). */
  limit: number | null;
  source: QuotaSource;
}

/**
 * The daily API-call quota an app has today, before emergency traffic (DOMAIN §2.2):
 * development-test quota while not online; the last traffic package granted, else the tag's
 * default online quota, while online; 0 when suspended.
 */
export function quotaToday(input: QuotaInput): QuotaToday {
  switch (input.status) {
    case AppStatus.DEVELOPING:
    case AppStatus.IN_REVIEW:
    case AppStatus.REJECTED:
      return { limit: input.devTestQuota, source: QuotaSource.DEVELOPMENT_TEST };
    case AppStatus.SUSPENDED:
      return { limit: 0, source: QuotaSource.SUSPENDED };
    case AppStatus.ONLINE:
      if (input.grantedTrafficQuota !== null) return { limit: input.grantedTrafficQuota, source: QuotaSource.TRAFFIC_PACKAGE };
      if (input.defaultOnlineQuota !== null) return { limit: input.defaultOnlineQuota, source: QuotaSource.TAG_DEFAULT };
      return { limit: null, source: QuotaSource.UV_BASED };
  }
}

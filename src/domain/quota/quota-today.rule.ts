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
  /** ONLINE on a CONTRACT tag with an operator-set quota in force (its contract is named). */
  CONTRACT = 'CONTRACT',
  /** ONLINE on a UV_BASED tag with an operator-set quota in force (e.g. XTAO_SITE's monthly adjustment by transaction volume). */
  UV_OPERATOR_SET = 'UV_OPERATOR_SET',
  /** SUSPENDED: no calls. */
  SUSPENDED = 'SUSPENDED',
}

/** What the app shows about today's quota. */
export enum QuotaState {
  NORMAL = 'NORMAL',
  /** "Limit reached, emergency traffic granted": shown until 24:00 Beijing time. */
  LIMIT_REACHED_EMERGENCY_GRANTED = 'LIMIT_REACHED_EMERGENCY_GRANTED',
}

export interface QuotaInput {
  status: AppStatus;
  /** The tag's development-test quota, calls per day. */
  devTestQuota: number;
  /** The tag's default online quota; null for UV-based tags. */
  defaultOnlineQuota: number | null;
  /** The last traffic package granted to the app (calls per day), if any. */
  grantedTrafficQuota: number | null;
  /** Emergency calls granted to the app for today, if any (see `emergencyTraffic`). */
  emergencyCallsToday?: number | null;
  /** An operator-set quota in force today (CONTRACT and UV_BASED tags only, issue 18). */
  operatorQuota?: { readonly dailyQuota: number; readonly source: QuotaSource.CONTRACT | QuotaSource.UV_OPERATOR_SET } | null;
}

export interface QuotaToday {
  /** Calls per Beijing day, emergency traffic included; null when UV-based rules govern (no fixed number). */
  limit: number | null;
  /** The quota before emergency traffic. */
  baseLimit: number | null;
  source: QuotaSource;
  /** Emergency calls granted for today (0 when none). */
  emergencyCalls: number;
  state: QuotaState;
}

type Base = Pick<QuotaToday, 'limit' | 'source'>;

function baseQuota(input: QuotaInput): Base {
  switch (input.status) {
    case AppStatus.DEVELOPING:
    case AppStatus.IN_REVIEW:
    case AppStatus.REJECTED:
      return { limit: input.devTestQuota, source: QuotaSource.DEVELOPMENT_TEST };
    case AppStatus.SUSPENDED:
      return { limit: 0, source: QuotaSource.SUSPENDED };
    case AppStatus.ONLINE:
      if (input.operatorQuota) return { limit: input.operatorQuota.dailyQuota, source: input.operatorQuota.source };
      if (input.grantedTrafficQuota !== null) return { limit: input.grantedTrafficQuota, source: QuotaSource.TRAFFIC_PACKAGE };
      if (input.defaultOnlineQuota !== null) return { limit: input.defaultOnlineQuota, source: QuotaSource.TAG_DEFAULT };
      return { limit: null, source: QuotaSource.UV_BASED };
  }
}

/**
 * The daily API-call quota an app has today (DOMAIN §2.2): development-test quota while not
 * online; an operator-set quota in force (CONTRACT and UV_BASED tags), else the last traffic package
 * granted, else the tag's default online quota, while online;
 * 0 when suspended; plus today's emergency traffic, which only an ONLINE app with a fixed quota keeps.
 */
export function quotaToday(input: QuotaInput): QuotaToday {
  const base = baseQuota(input);
  const emergency = input.status === AppStatus.ONLINE && base.limit !== null ? (input.emergencyCallsToday ?? 0) : 0;
  return {
    limit: base.limit === null ? null : base.limit + emergency,
    baseLimit: base.limit,
    source: base.source,
    emergencyCalls: emergency,
    state: emergency > 0 ? QuotaState.LIMIT_REACHED_EMERGENCY_GRANTED : QuotaState.NORMAL,
  };
}

/** Tags whose apps never get emergency traffic (DOMAIN §2.2; their quota is UV-based). */
export const NO_EMERGENCY_TRAFFIC_TAGS: ReadonlySet<string> = new Set(['WIRELESS_BUYER', 'XTAO_SITE']);

export enum EmergencyRefusal {
  NOT_ONLINE = 'NOT_ONLINE',
  TAG_EXCLUDED = 'TAG_EXCLUDED',
  NO_FIXED_QUOTA = 'NO_FIXED_QUOTA',
  ALREADY_GRANTED_TODAY = 'ALREADY_GRANTED_TODAY',
  LIMIT_NOT_REACHED = 'LIMIT_NOT_REACHED',
}

export interface EmergencyInput {
  status: AppStatus;
  tagCode: string;
  /** Today's quota before emergency traffic. */
  baseLimit: number | null;
  alreadyGrantedToday: boolean;
  /** Calls metered today; null when the gateway reports the limit reached (it counts in real time). */
  usedToday: number | null;
}

export type EmergencyDecision = { grant: true; calls: number } | { grant: false; reason: EmergencyRefusal };

/**
 * Emergency traffic (DOMAIN §2.2, Decision): when an ONLINE app's calls reach its quota, grant
 * 50% of the quota (rounded down) for the rest of that Beijing day, at most once per app per
 * day; never for WIRELESS_BUYER and XTAO_SITE apps nor where no fixed quota applies.
 */
export function emergencyTraffic(input: EmergencyInput): EmergencyDecision {
  if (input.status !== AppStatus.ONLINE) return { grant: false, reason: EmergencyRefusal.NOT_ONLINE };
  if (NO_EMERGENCY_TRAFFIC_TAGS.has(input.tagCode)) return { grant: false, reason: EmergencyRefusal.TAG_EXCLUDED };
  if (input.baseLimit === null || input.baseLimit <= 0) return { grant: false, reason: EmergencyRefusal.NO_FIXED_QUOTA };
  if (input.alreadyGrantedToday) return { grant: false, reason: EmergencyRefusal.ALREADY_GRANTED_TODAY };
  if (input.usedToday !== null && input.usedToday < input.baseLimit) return { grant: false, reason: EmergencyRefusal.LIMIT_NOT_REACHED };
  return { grant: true, calls: Math.floor(input.baseLimit / 2) };
}

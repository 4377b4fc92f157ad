import { createHash } from 'node:crypto';
import { AppStatus } from '../app/app.enums';
import { beijingEndOfDay } from '../common/beijing-time';
import { QuotaInput, QuotaToday, quotaToday } from '../quota/quota-today.rule';
import { CallDenial, callPermission, CallPermission } from './call-permission.rule';
import { ApiCategory, CallSource } from './usage.enums';

/** What the gateway's decisions about one app depend on, read in one statement for many apps. */
export interface AppQuotaState {
  appId: string;
  appkey: string;
  name: string;
  ownerId: string;
  status: AppStatus;
  tagCode: string;
  grantedTrafficQuota: number | null;
  devTestQuota: number;
  defaultOnlineQuota: number | null;
  valueAddedOutOfCloudPermitted: boolean;
  restrictedForArrears: boolean;
  ownerClosed: boolean;
  /** Emergency calls granted for the date (0 when none). */
  emergencyCalls: number;
  /** API calls metered on the date, all categories and sources. */
  usedToday: number;
  /** An operator-set quota in force for the date (CONTRACT and UV-based tags; issue 18), or null. */
  operatorQuota?: QuotaInput['operatorQuota'];
  /** The Beijing day the app was created (ingestion refuses usage dated before it; issue 17). */
  createdOn?: string;
}

/** One app's entry of the gateway's quota snapshot: enough to decide calls locally until `validUntil`. */
export interface QuotaSnapshotEntry {
  appkey: string;
  known: boolean;
  status: AppStatus | null;
  accountClosed: boolean;
  quota: QuotaToday | null;
  usedToday: number;
  restrictedForArrears: boolean;
  valueAddedOutOfCloudPermitted: boolean;
  /** 24:00 Beijing of the date: quota, emergency traffic and counts start again. */
  resetsAt: Date;
  validUntil: Date;
  /** Changes whenever any decision input above changes (the date included). */
  version: string;
}

/** The quota of an app on its date, emergency traffic included (DOMAIN §2.2). */
export function quotaOfState(s: AppQuotaState): QuotaToday {
  return quotaToday({
    status: s.status,
    devTestQuota: s.devTestQuota,
    defaultOnlineQuota: s.defaultOnlineQuota,
    grantedTrafficQuota: s.grantedTrafficQuota,
    emergencyCallsToday: s.emergencyCalls,
    operatorQuota: s.operatorQuota ?? null,
  });
}

/**
 * The decision for one call of an app in a given state: the very rule `callPermission` answers
 * with, so a gateway deciding from a snapshot entry and one asking `callPermission` agree.
 */
export function permissionOfState(s: AppQuotaState | undefined, category: ApiCategory, source: CallSource): CallPermission & { limit: number | null; usedToday: number } {
  if (!s) return { allowed: false, reason: CallDenial.UNKNOWN_APPKEY, message: 'no app has this appkey', limit: null, usedToday: 0 };
  const quota = quotaOfState(s);
  const answer = callPermission({
    status: s.status,
    ownerClosed: s.ownerClosed,
    category,
    source,
    valueAddedOutOfCloudPermitted: s.valueAddedOutOfCloudPermitted,
    restrictedForArrears: s.restrictedForArrears,
    limit: quota.limit,
    usedToday: s.usedToday,
  });
  return { ...answer, limit: quota.limit, usedToday: s.usedToday };
}

/**
 * A snapshot entry for an appkey on a Beijing date: valid until the earlier of the reset
 * (24:00 Beijing) and `now + ttlSeconds`. NOTE: the version is a hash of every decision input and
 * the date, so any change (a suspension, a payment, a grant, one more metered call, a new day) gives
 * a new version, and equal versions mean equal decisions.
 */
export function snapshotEntry(appkey: string, s: AppQuotaState | undefined, date: string, now: Date, ttlSeconds: number): QuotaSnapshotEntry {
  const resetsAt = beijingEndOfDay(date);
  const validUntil = new Date(Math.min(resetsAt.getTime(), now.getTime() + ttlSeconds * 1000));
  const quota = s ? quotaOfState(s) : null;
  const inputs = s
    ? [date, s.status, s.ownerClosed, quota!.limit, quota!.baseLimit, quota!.source, quota!.emergencyCalls, s.usedToday, s.restrictedForArrears, s.valueAddedOutOfCloudPermitted]
    : [date, 'UNKNOWN'];
  return {
    appkey,
    known: s !== undefined,
    status: s?.status ?? null,
    accountClosed: s?.ownerClosed ?? false,
    quota,
    usedToday: s?.usedToday ?? 0,
    restrictedForArrears: s?.restrictedForArrears ?? false,
    valueAddedOutOfCloudPermitted: s?.valueAddedOutOfCloudPermitted ?? false,
    resetsAt,
    validUntil,
    version: createHash('sha256').update(JSON.stringify(inputs)).digest('base64url').slice(0, 16),
  };
}

/** The fields of a snapshot entry a call decision reads, as the gateway receives them. */
export interface SnapshotDecisionInput {
  known: boolean;
  status: AppStatus | null;
  accountClosed: boolean;
  /** Today's limit including emergency traffic; null where UV-based rules govern. */
  limit: number | null;
  /** Calls so far: the entry's usedToday plus what the gateway counted since it was taken. */
  usedToday: number;
  restrictedForArrears: boolean;
  valueAddedOutOfCloudPermitted: boolean;
}

/**
 * The gateway's local decision from a snapshot entry (issue 14): the same rule, in the same order,
 * as `callPermission` (unknown appkey; closed account; suspended; value-added out of cloud;
 * arrears; quota), so a decision from an entry equals the answer `callPermission` gives for the
 * state the entry was taken from.
 */
export function permissionFromSnapshot(e: SnapshotDecisionInput, category: ApiCategory, source: CallSource): CallPermission {
  if (!e.known || e.status === null) return { allowed: false, reason: CallDenial.UNKNOWN_APPKEY, message: 'no app has this appkey' };
  return callPermission({
    status: e.status,
    ownerClosed: e.accountClosed,
    category,
    source,
    valueAddedOutOfCloudPermitted: e.valueAddedOutOfCloudPermitted,
    restrictedForArrears: e.restrictedForArrears,
    limit: e.limit,
    usedToday: e.usedToday,
  });
}

import { AppStatus } from '../app/app.enums';
import { ApiCategory, CallSource } from './usage.enums';

export enum CallDenial {
  /** No app has the appkey (decided by the service, not the rule). */
  UNKNOWN_APPKEY = 'UNKNOWN_APPKEY',
  /** The owner closed the developer account (DOMAIN §6): its apps call nothing, free APIs included. */
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
  APP_SUSPENDED = 'APP_SUSPENDED',
  VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN = 'VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN',
  DEVELOPER_IN_ARREARS = 'DEVELOPER_IN_ARREARS',
  QUOTA_EXHAUSTED = 'QUOTA_EXHAUSTED',
}

export interface CallPermissionInput {
  status: AppStatus;
  /** The owner closed the developer account. */
  ownerClosed: boolean;
  category: ApiCategory;
  source: CallSource;
  valueAddedOutOfCloudPermitted: boolean;
  /** Billing's hook: the owner has unpaid bills (DOMAIN §5: charged API access is restricted). */
  restrictedForArrears: boolean;
  /** Today's limit including emergency traffic; null where UV-based rules govern. */
  limit: number | null;
  /** Calls metered today (all categories and sources). */
  usedToday: number;
}

export type CallPermission = { allowed: true } | { allowed: false; reason: CallDenial; message: string };

/**
 * Whether the gateway may let one call through (issue 4), checked in this order: an app of a closed
 * account calls nothing; a SUSPENDED app
 * calls nothing; VALUE_ADDED from OUT_OF_CLOUD needs the operator's permission; a developer in
 * arrears may call FREE APIs only; the day's calls must be below today's limit (emergency
 * traffic included). NOTE: "reached" means used ≥ limit, so the limit-th call is the last one let through.
 */
export function callPermission(input: CallPermissionInput): CallPermission {
  if (input.ownerClosed) return { allowed: false, reason: CallDenial.ACCOUNT_CLOSED, message: "the app's developer account is closed" };
  if (input.status === AppStatus.SUSPENDED) return { allowed: false, reason: CallDenial.APP_SUSPENDED, message: 'the app is suspended' };
  if (input.category === ApiCategory.VALUE_ADDED && input.source === CallSource.OUT_OF_CLOUD && !input.valueAddedOutOfCloudPermitted) {
    return { allowed: false, reason: CallDenial.VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN, message: 'value-added APIs may be called from outside the cloud only with permission' };
  }
  if (input.restrictedForArrears && input.category !== ApiCategory.FREE) {
    return { allowed: false, reason: CallDenial.DEVELOPER_IN_ARREARS, message: 'the developer has unpaid bills: charged APIs are restricted until paid' };
  }
  if (input.limit !== null && input.usedToday >= input.limit) {
    return { allowed: false, reason: CallDenial.QUOTA_EXHAUSTED, message: `${input.usedToday} calls today reached the limit of ${input.limit}` };
  }
  return { allowed: true };
}

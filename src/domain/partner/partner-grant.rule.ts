import { RefusalReason } from '../common/refusal-reason';
import { invalidInput, invalidState, ok, Result } from '../common/result';
import { violation } from '../common/violation';

/** A partner id is the subject of its PARTNER credential: the same shape tokens allow. */
export const PARTNER_ID = /^[A-Za-z0-9_\-:.]{1,64}$/;

/** The developer's grant to one partner, if there ever was one. */
export interface GrantState {
  readonly revokedAt: Date | null;
}

/** A partner already holding access is refused ALREADY_GRANTED (also when a concurrent first grant won the unique key). */
export const alreadyGranted = <T>(partnerId: string): Result<T> => invalidState('GRANTED', 'grantPartnerAccess', `partner ${partnerId} already has access`, RefusalReason.ALREADY_GRANTED, { partnerId });

/**
 * A developer grants a partner access (DOMAIN §1): a well-formed partner id, a registered
 * developer, and no unrevoked grant to that partner. Answers whether a revoked grant is renewed
 * (true) or a first one inserted (false).
 */
export function checkGrant(partnerId: string, developerRegistered: boolean, existing: GrantState | null): Result<boolean> {
  if (!PARTNER_ID.test(partnerId)) return invalidInput([violation('partnerId', 'INVALID_PARTNER_ID', 'partnerId must be 1–64 characters of [A-Za-z0-9_-:.]')]);
  if (!developerRegistered) return invalidInput([violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) before granting access')]);
  if (existing && existing.revokedAt === null) return alreadyGranted(partnerId);
  return ok(existing !== null);
}

/** Revoking: only an unrevoked grant (NOT_GRANTED otherwise). */
export function checkRevoke(partnerId: string, existing: GrantState): Result<true> {
  return existing.revokedAt === null ? ok(true) : invalidState('REVOKED', 'revokePartnerAccess', `partner ${partnerId} has no access to revoke`, RefusalReason.NOT_GRANTED, { partnerId });
}

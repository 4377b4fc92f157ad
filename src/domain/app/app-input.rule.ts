import { AppFunction, AppStatus } from './app.enums';
import { Violation, violation } from '../common/violation';
import { isEnumValue } from '../common/enum-values';
import { RefusalReason } from '../common/refusal-reason';
import { invalidInput, invalidState, ok, Result } from '../common/result';

/** Field limits for an app's profile. NOTE: DOMAIN is silent on lengths; these are our decision. */
export const APP_LIMITS = Object.freeze({
  nameMin: 2,
  nameMax: 50,
  descriptionMax: 500,
  urlMax: 500,
  declaredFunctionsMax: Object.keys(AppFunction).length,
});

export interface AppProfileInput {
  name?: string | null;
  description?: string | null;
  logoUrl?: string | null;
  callbackUrl?: string | null;
  declaredFunctions?: readonly string[] | null;
}

/** True when `value` parses as an absolute http: or https: URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function checkUrl(field: string, value: string | null | undefined, out: Violation[]): void {
  if (value === undefined || value === null || value === '') return;
  if (value.length > APP_LIMITS.urlMax) out.push(violation(field, 'TOO_LONG', `${field} must be at most ${APP_LIMITS.urlMax} characters`));
  else if (!isHttpUrl(value)) out.push(violation(field, 'NOT_HTTP_URL', `${field} must be an http:// or https:// URL`));
}

/**
 * Checks an app's profile fields. `partial` is for updates: absent fields are left alone, but a
 * present field must still be valid. Returns every violation, never throws.
 */
export function checkAppProfile(input: AppProfileInput, partial: boolean): Violation[] {
  const out: Violation[] = [];
  if (input.name !== undefined || !partial) {
    const name = (input.name ?? '').trim();
    if (name.length < APP_LIMITS.nameMin) {
      out.push(violation('name', name.length === 0 ? 'REQUIRED' : 'TOO_SHORT', `name must be ${APP_LIMITS.nameMin} to ${APP_LIMITS.nameMax} characters`));
    } else if (name.length > APP_LIMITS.nameMax) {
      out.push(violation('name', 'TOO_LONG', `name must be ${APP_LIMITS.nameMin} to ${APP_LIMITS.nameMax} characters (got ${name.length})`));
    }
  }
  if (input.description !== undefined && input.description !== null && input.description.length > APP_LIMITS.descriptionMax) {
    out.push(violation('description', 'TOO_LONG', `description must be at most ${APP_LIMITS.descriptionMax} characters (got ${input.description.length})`));
  }
  checkUrl('logoUrl', input.logoUrl, out);
  checkUrl('callbackUrl', input.callbackUrl, out);
  if (input.declaredFunctions) {
    const seen = new Set<string>();
    for (const fn of input.declaredFunctions) {
      if (!isEnumValue(AppFunction, fn)) out.push(violation('declaredFunctions', 'UNKNOWN_FUNCTION', `unknown declared function "${fn}"`));
      else if (seen.has(fn)) out.push(violation('declaredFunctions', 'DUPLICATE', `declared function "${fn}" is listed twice`));
      seen.add(fn);
    }
  }
  return out;
}

/** Statuses in which the owner may edit the app's profile. IN_REVIEW is frozen for the reviewer. */
export const EDITABLE_APP_STATUSES: ReadonlySet<AppStatus> = new Set([AppStatus.DEVELOPING, AppStatus.REJECTED, AppStatus.ONLINE]);
/** Statuses in which the tag may change (an online app's quota hangs on its tag). */
export const TAG_CHANGEABLE_STATUSES: ReadonlySet<AppStatus> = new Set([AppStatus.DEVELOPING, AppStatus.REJECTED]);

/** The fields a new app or an edit writes (names trimmed, empty URLs as null). */
export interface AppProfileWrite {
  name?: string;
  description?: string;
  logoUrl?: string | null;
  callbackUrl?: string | null;
  tagCode?: string;
  inCloud?: boolean;
  declaredFunctions?: AppFunction[];
}

/** A new app: valid profile, a registered owner, a known tag. Answers the fields to write (a DEVELOPING app). */
export function planAppCreate(
  input: AppProfileInput & { name: string; tagCode: string; inCloud?: boolean | null },
  facts: { readonly ownerRegistered: boolean; readonly tagKnown: boolean },
): Result<Required<AppProfileWrite>> {
  const violations = checkAppProfile(input, false);
  if (!facts.ownerRegistered) violations.push(violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) before creating apps'));
  if (!facts.tagKnown) violations.push(violation('tagCode', 'UNKNOWN_TAG', `unknown tag "${input.tagCode}"`));
  if (violations.length > 0) return invalidInput(violations);
  return ok({
    name: input.name.trim(),
    description: input.description ?? '',
    logoUrl: input.logoUrl || null,
    callbackUrl: input.callbackUrl || null,
    tagCode: input.tagCode,
    inCloud: input.inCloud ?? false,
    declaredFunctions: [...(input.declaredFunctions ?? [])] as AppFunction[],
  });
}

/**
 * An owner's edit of an app that is `app.status`: DEVELOPING, REJECTED or ONLINE (NOT_EDITABLE
 * otherwise); the tag changes only before the app goes online (TAG_FROZEN) and to a known one
 * (`tagKnown`: whether the new tag exists, null when the input keeps the tag). Answers the fields to write.
 */
export function planAppUpdate(
  app: { readonly status: AppStatus; readonly tagCode: string },
  input: AppProfileInput & { tagCode?: string | null; inCloud?: boolean | null },
  tagKnown: boolean | null,
): Result<AppProfileWrite> {
  if (!EDITABLE_APP_STATUSES.has(app.status)) return invalidState(app.status, 'updateApp', `an app that is ${app.status} cannot be edited`, RefusalReason.NOT_EDITABLE, { status: app.status });
  const violations = checkAppProfile(input, true);
  if (input.tagCode != null && input.tagCode !== app.tagCode) {
    if (!TAG_CHANGEABLE_STATUSES.has(app.status)) violations.push(violation('tagCode', 'TAG_FROZEN', `the tag of a ${app.status} app cannot change`));
    else if (tagKnown === false) violations.push(violation('tagCode', 'UNKNOWN_TAG', `unknown tag "${input.tagCode}"`));
  }
  if (violations.length > 0) return invalidInput(violations);
  const write: AppProfileWrite = {};
  if (input.name != null) write.name = input.name.trim();
  if (input.description != null) write.description = input.description;
  if (input.logoUrl !== undefined) write.logoUrl = input.logoUrl || null;
  if (input.callbackUrl !== undefined) write.callbackUrl = input.callbackUrl || null;
  if (input.tagCode != null) write.tagCode = input.tagCode;
  if (input.inCloud != null) write.inCloud = input.inCloud;
  if (input.declaredFunctions != null) write.declaredFunctions = [...input.declaredFunctions] as AppFunction[];
  return ok(write);
}

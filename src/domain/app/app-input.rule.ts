import { AppFunction } from './app.enums';
import { Violation, violation } from '../common/violation';
import { isEnumValue } from '../common/enum-values';

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

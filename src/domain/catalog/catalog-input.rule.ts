import { AppFunction } from '../app/app.enums';
import { Violation, violation } from '../common/violation';
import { ApplicationChannel, PackageKind, TrafficMode } from './catalog.enums';
import { isEnumValue } from '../common/enum-values';

/** Catalog codes: upper-case letters, digits and underscores, starting with a letter, 2–40 long. */
export const CODE_RE = /^[A-Z][A-Z0-9_]{1,39}$/;
const MAX_QUOTA = 1_000_000_000;

export interface TagInput {
  code: string;
  name: string;
  devTestQuota: number;
  defaultOnlineQuota?: number | null;
  trafficMode: TrafficMode;
  trafficNote?: string | null;
  defaultPackageCodes: readonly string[];
  applicablePackageCodes: readonly string[];
}

export interface PackageFacts {
  code: string;
  kind: PackageKind;
  dailyQuota: number | null;
}

function checkCodeAndName(code: string, name: string, out: Violation[]): void {
  if (!CODE_RE.test(code)) out.push(violation('code', 'INVALID_CODE', 'code must be 2–40 upper-case letters, digits or underscores, starting with a letter'));
  const n = name.trim();
  if (n.length < 1 || n.length > 100) out.push(violation('name', n.length === 0 ? 'REQUIRED' : 'TOO_LONG', 'name must be 1 to 100 characters'));
}

function checkQuota(field: string, value: number, out: Violation[]): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_QUOTA) out.push(violation(field, 'OUT_OF_RANGE', `${field} must be a whole number of calls/day from 0 to ${MAX_QUOTA}`));
}

/**
 * Checks an operator's tag: a LADDER or CONTRACT tag has a default online quota, a UV_BASED one
 * has none; every package exists; a LADDER tag's traffic rungs all lie above its default quota.
 * `packages` holds the known packages by code.
 */
export function checkTagInput(input: TagInput, packages: ReadonlyMap<string, PackageFacts>): Violation[] {
  const out: Violation[] = [];
  checkCodeAndName(input.code, input.name, out);
  checkQuota('devTestQuota', input.devTestQuota, out);
  const dq = input.defaultOnlineQuota ?? null;
  if (input.trafficMode === TrafficMode.UV_BASED) {
    if (dq !== null) out.push(violation('defaultOnlineQuota', 'NOT_ALLOWED_FOR_UV_BASED', 'a UV_BASED tag has no fixed default online quota: leave it empty'));
  } else if (dq === null) {
    out.push(violation('defaultOnlineQuota', 'REQUIRED', `a ${input.trafficMode} tag needs a default online quota`));
  } else checkQuota('defaultOnlineQuota', dq, out);
  if (input.trafficNote && input.trafficNote.length > 300) out.push(violation('trafficNote', 'TOO_LONG', 'trafficNote must be at most 300 characters'));

  for (const [field, codes] of [
    ['defaultPackageCodes', input.defaultPackageCodes],
    ['applicablePackageCodes', input.applicablePackageCodes],
  ] as const) {
    for (const code of codes) {
      if (!packages.has(code)) out.push(violation(field, 'UNKNOWN_PACKAGE', `unknown package "${code}"`));
    }
    if (new Set(codes).size !== codes.length) out.push(violation(field, 'DUPLICATE', `${field} lists a package twice`));
  }
  const both = input.defaultPackageCodes.filter((c) => input.applicablePackageCodes.includes(c));
  if (both.length > 0) out.push(violation('applicablePackageCodes', 'ALREADY_DEFAULT', `already default: ${both.join(', ')}`));

  const rungs = input.applicablePackageCodes.map((c) => packages.get(c)).filter((p): p is PackageFacts => p?.kind === PackageKind.TRAFFIC);
  if (input.trafficMode !== TrafficMode.LADDER && rungs.length > 0) {
    out.push(violation('applicablePackageCodes', 'LADDER_ONLY', `only a LADDER tag lists traffic packages; ${input.trafficMode} tags apply offline`));
  }
  if (input.trafficMode === TrafficMode.LADDER && dq !== null) {
    for (const r of rungs) {
      if ((r.dailyQuota ?? 0) <= dq) out.push(violation('applicablePackageCodes', 'RUNG_NOT_ABOVE_DEFAULT', `${r.code} (${r.dailyQuota}/day) is not above the default online quota ${dq}/day`));
    }
  }
  if (input.defaultPackageCodes.some((c) => packages.get(c)?.kind === PackageKind.TRAFFIC)) {
    out.push(violation('defaultPackageCodes', 'TRAFFIC_NOT_DEFAULT', 'the default traffic is the default online quota; default packages are value-added'));
  }
  return out;
}

export interface PackageInput {
  code: string;
  name: string;
  kind: PackageKind;
  dailyQuota?: number | null;
  applicationChannel: ApplicationChannel;
  contactEmail?: string | null;
  requiredMaterials?: readonly string[] | null;
  requiredFunction?: string | null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks an operator's package: a TRAFFIC package has a positive daily quota and is applied for
 * online; an EMAIL-channel package has a contact address and at least one required material.
 */
export function checkPackageInput(input: PackageInput): Violation[] {
  const out: Violation[] = [];
  checkCodeAndName(input.code, input.name, out);
  const dq = input.dailyQuota ?? null;
  if (input.kind === PackageKind.TRAFFIC) {
    if (dq === null) out.push(violation('dailyQuota', 'REQUIRED', 'a TRAFFIC package needs a daily quota'));
    else if (!Number.isInteger(dq) || dq <= 0 || dq > MAX_QUOTA) out.push(violation('dailyQuota', 'OUT_OF_RANGE', `dailyQuota must be a whole number from 1 to ${MAX_QUOTA}`));
    if (input.applicationChannel !== ApplicationChannel.ONLINE) out.push(violation('applicationChannel', 'TRAFFIC_IS_ONLINE', 'traffic packages are applied for online'));
  } else if (dq !== null) {
    out.push(violation('dailyQuota', 'NOT_ALLOWED', 'only TRAFFIC packages carry a daily quota'));
  }
  if (input.contactEmail && !EMAIL_RE.test(input.contactEmail)) out.push(violation('contactEmail', 'INVALID_EMAIL', 'contactEmail must be an email address'));
  const materials = input.requiredMaterials ?? [];
  if (input.applicationChannel === ApplicationChannel.EMAIL) {
    if (!input.contactEmail) out.push(violation('contactEmail', 'REQUIRED', 'an EMAIL-channel package needs a contact email'));
    if (materials.length === 0) out.push(violation('requiredMaterials', 'REQUIRED', 'an EMAIL-channel package lists its required materials'));
  }
  if (materials.some((m) => m.trim().length === 0 || m.length > 200)) out.push(violation('requiredMaterials', 'INVALID_ITEM', 'each material is 1 to 200 characters'));
  if (input.requiredFunction && !isEnumValue(AppFunction, input.requiredFunction)) {
    out.push(violation('requiredFunction', 'UNKNOWN_FUNCTION', `unknown app function "${input.requiredFunction}"`));
  }
  return out;
}

import { AppStatus, DeveloperKind } from './app.enums';
import { TrafficMode } from '../catalog/catalog.enums';
import { isIsoDate } from '../common/beijing-time';
import { violation, Violation } from '../common/violation';
import { invalidInput, ok, Result } from '../common/result';

/** Operator events on an app (issue 18): ONLINE ↔ SUSPENDED. Anything not listed is refused. */
export type OperatorAppEvent = 'SUSPEND' | 'RESTORE';
export const OPERATOR_APP_TRANSITIONS: Readonly<Record<OperatorAppEvent, Partial<Record<AppStatus, AppStatus>>>> = {
  SUSPEND: { [AppStatus.ONLINE]: AppStatus.SUSPENDED },
  RESTORE: { [AppStatus.SUSPENDED]: AppStatus.ONLINE },
};

/** A suspension's reason: told to the owner, so required; 1–500 characters after trimming. */
export function checkSuspendReason(reason: string): Violation[] {
  const r = reason.trim();
  if (r === '') return [violation('reason', 'REQUIRED', 'a suspension states its reason (the owner is told)')];
  if (r.length > 500) return [violation('reason', 'TOO_LONG', `at most 500 characters (got ${r.length})`)];
  return [];
}

/** Where an operator-set quota comes from: an offline contract (CONTRACT tags) or the UV-based adjustment (UV_BASED tags). */
export enum OperatorQuotaKind {
  CONTRACT = 'CONTRACT',
  UV_ADJUSTMENT = 'UV_ADJUSTMENT',
}

/** The kind of operator quota a tag's traffic mode takes; null for LADDER tags (their quota comes from packages). */
export const operatorQuotaKindFor = (mode: TrafficMode): OperatorQuotaKind | null =>
  mode === TrafficMode.CONTRACT ? OperatorQuotaKind.CONTRACT : mode === TrafficMode.UV_BASED ? OperatorQuotaKind.UV_ADJUSTMENT : null;

/** The largest daily quota an operator may set: 1,000,000,000 calls/day (DOMAIN's largest rung is 5,000,000). */
export const MAX_OPERATOR_QUOTA = 1_000_000_000;

export interface OperatorQuotaInput {
  readonly dailyQuota: number;
  readonly effectiveFrom: string;
  readonly contractReference?: string | null;
  readonly basis?: string | null;
}

/**
 * An operator-set quota (issue 18): only for CONTRACT and UV_BASED tags; a whole number of calls per
 * day from 1 to 1,000,000,000; effective from a Beijing date not before today (no retroactive quota:
 * today's calls were already let through under the old one); a CONTRACT quota names its contract
 * (1–100 characters); a basis (e.g. "transaction volume 2026-11") is at most 200 characters.
 */
export function checkOperatorQuota(input: OperatorQuotaInput, mode: TrafficMode, today: string): Violation[] {
  const v: Violation[] = [];
  const kind = operatorQuotaKindFor(mode);
  if (kind === null) v.push(violation('appId', 'LADDER_TAG', "the app's tag has a package ladder: its quota comes from traffic package applications"));
  if (!Number.isInteger(input.dailyQuota) || input.dailyQuota < 1 || input.dailyQuota > MAX_OPERATOR_QUOTA) {
    v.push(violation('dailyQuota', 'OUT_OF_RANGE', `a whole number of calls per day from 1 to ${MAX_OPERATOR_QUOTA} (got ${input.dailyQuota})`));
  }
  if (!isIsoDate(input.effectiveFrom)) v.push(violation('effectiveFrom', 'NOT_A_DATE', `YYYY-MM-DD (got "${input.effectiveFrom}")`));
  else if (input.effectiveFrom < today) v.push(violation('effectiveFrom', 'IN_THE_PAST', `not before today ${today} in Beijing (got ${input.effectiveFrom})`));
  const ref = input.contractReference?.trim() ?? '';
  if (kind === OperatorQuotaKind.CONTRACT && ref === '') v.push(violation('contractReference', 'REQUIRED', 'a contract quota names its contract'));
  if (ref.length > 100) v.push(violation('contractReference', 'TOO_LONG', `at most 100 characters (got ${ref.length})`));
  if ((input.basis?.trim() ?? '').length > 200) v.push(violation('basis', 'TOO_LONG', 'at most 200 characters'));
  return v;
}

export interface DatedQuota {
  readonly kind: OperatorQuotaKind;
  readonly effectiveFrom: string;
}

/**
 * The operator quota in force on `date` for a tag of `mode`: the one with the latest effectiveFrom
 * on or before the date, of the kind the tag takes now (a quota left from another traffic mode is ignored).
 */
export function operatorQuotaInForce<Q extends DatedQuota>(rows: readonly Q[], date: string, mode: TrafficMode): Q | null {
  const kind = operatorQuotaKindFor(mode);
  let best: Q | null = null;
  for (const r of rows) if (r.kind === kind && r.effectiveFrom <= date && (best === null || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

/** Why an ISV counts as onboarded (入驻, DOMAIN §4), or not. */
export enum OnboardedBasis {
  /** An operator set it. */
  OPERATOR_SET = 'OPERATOR_SET',
  /** An operator cleared it: not onboarded whatever the apps. */
  OPERATOR_CLEARED = 'OPERATOR_CLEARED',
  /** The flag recorded on the account (e.g. brought over from an existing platform). */
  RECORDED = 'RECORDED',
  /** One of its apps went online (it is ONLINE or SUSPENDED now). */
  APP_ONLINE = 'APP_ONLINE',
  NOT_ONBOARDED = 'NOT_ONBOARDED',
}

/**
 * The ISV-onboarded standing (DOMAIN §4, issue 18, Decision): an operator's setting wins; else
 * onboarded when the account's flag is recorded or one of its apps went online (ONLINE, or
 * SUSPENDED after being online). Self-developing merchants are not held to it (never onboarded ISVs).
 */
export function isvOnboarded(input: { kind: DeveloperKind; override: boolean | null; recorded: boolean; hasAppOnline: boolean }): { onboarded: boolean; basis: OnboardedBasis } {
  if (input.override === true) return { onboarded: true, basis: OnboardedBasis.OPERATOR_SET };
  if (input.override === false) return { onboarded: false, basis: OnboardedBasis.OPERATOR_CLEARED };
  if (input.recorded) return { onboarded: true, basis: OnboardedBasis.RECORDED };
  if (input.kind === DeveloperKind.ISV && input.hasAppOnline) return { onboarded: true, basis: OnboardedBasis.APP_ONLINE };
  return { onboarded: false, basis: OnboardedBasis.NOT_ONBOARDED };
}

/** App statuses that show the ISV went online (an operator suspension does not undo onboarding). */
export const WENT_ONLINE: readonly AppStatus[] = [AppStatus.ONLINE, AppStatus.SUSPENDED];

/** An operator's quota for an app whose tag is `mode`, checked (`checkOperatorQuota`): answers its kind (CONTRACT or UV_ADJUSTMENT). */
export function planOperatorQuota(input: OperatorQuotaInput, mode: TrafficMode, today: string): Result<OperatorQuotaKind> {
  const violations = checkOperatorQuota(input, mode, today);
  return violations.length > 0 ? invalidInput(violations) : ok(operatorQuotaKindFor(mode)!);
}

import { AppStatus } from './app.enums';
import { violation, Violation } from '../common/violation';
import { RefusalReason } from '../common/refusal-reason';
import { invalidInput, invalidState, ok, Result } from '../common/result';

/** The longest grace an old secret may keep after a rotation: 7 days (issue 18, Decision). */
export const MAX_GRACE_HOURS = 168;

/** One stored secret's validity window: valid from `validFrom` (inclusive) until `validUntil` (exclusive; null = open). */
export interface SecretWindow {
  readonly version: number;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
}

/** Whether a secret verifies signatures at `at`: inside its window. */
export const isValidAt = (s: SecretWindow, at: Date): boolean => s.validFrom.getTime() <= at.getTime() && (s.validUntil === null || at.getTime() < s.validUntil.getTime());

/** How a secret shows on the app: the one in force, an old one still in its grace, or ended. */
export enum SecretState {
  CURRENT = 'CURRENT',
  GRACE = 'GRACE',
  EXPIRED = 'EXPIRED',
}

export const secretState = (s: SecretWindow, at: Date): SecretState => (!isValidAt(s, at) ? SecretState.EXPIRED : s.validUntil === null ? SecretState.CURRENT : SecretState.GRACE);

/** graceHours: a whole number of hours, 0 (the old secret ends at once) to MAX_GRACE_HOURS. */
export function checkGraceHours(graceHours: number): Violation[] {
  if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > MAX_GRACE_HOURS) {
    return [violation('graceHours', 'OUT_OF_RANGE', `graceHours is a whole number of hours from 0 to ${MAX_GRACE_HOURS} (got ${graceHours})`)];
  }
  return [];
}

/** Statuses in which secrets may be rotated: a suspended app's secrets are frozen with it. */
export const ROTATABLE: ReadonlySet<AppStatus> = new Set([AppStatus.DEVELOPING, AppStatus.IN_REVIEW, AppStatus.REJECTED, AppStatus.ONLINE]);

export interface RotationPlan {
  /** The new secret's version and window (open-ended from now). */
  readonly issue: SecretWindow;
  /** Existing secrets whose window closes, with the new end. */
  readonly close: readonly { version: number; validUntil: Date }[];
}

/**
 * A rotation at `now` with a grace of `graceHours` (issue 18): the new secret is valid from now;
 * the current one stays valid until now + grace; any older secret still in a grace ends now, so at
 * most two secrets are ever valid at once. NOTE: a grace of 0 ends the old secret at `now` itself
 * (windows end exclusively), so from the rotation on only the new one verifies.
 */
export function planRotation(existing: readonly SecretWindow[], now: Date, graceHours: number): RotationPlan {
  const graceEnd = new Date(now.getTime() + graceHours * 3_600_000);
  const close: { version: number; validUntil: Date }[] = [];
  for (const s of existing) {
    if (s.validUntil !== null && s.validUntil.getTime() <= now.getTime()) continue; // already ended
    const end = s.validUntil === null ? graceEnd : now; // the current one gets the grace; one already in a grace ends now
    if (s.validUntil === null || s.validUntil.getTime() > end.getTime()) close.push({ version: s.version, validUntil: end });
  }
  const version = existing.reduce((max, s) => Math.max(max, s.version), 0) + 1;
  return { issue: { version, validFrom: now, validUntil: null }, close };
}

/**
 * A rotation the owner asks for (issue 18): refused SECRETS_FROZEN while the app is suspended (or
 * any status outside ROTATABLE), then the grace checked; answers the plan (`planRotation`).
 */
export function checkRotation(status: AppStatus, existing: readonly SecretWindow[], now: Date, graceHours: number): Result<RotationPlan> {
  if (!ROTATABLE.has(status)) return invalidState(status, 'rotateAppSecret', `the secrets of a ${status} app are frozen`, RefusalReason.SECRETS_FROZEN, { status });
  const violations = checkGraceHours(graceHours);
  return violations.length > 0 ? invalidInput(violations) : ok(planRotation(existing, now, graceHours));
}

/** Whether an app's secrets verify anything: not while the app is suspended or its owner's account is closed. */
export const secretsVerify = (status: AppStatus, ownerClosed: boolean): boolean => status !== AppStatus.SUSPENDED && !ownerClosed;

import { RuleCheck } from '../application/eligibility';
import { failedCheck, FailedCheck, RefusalFigure, RefusalReason } from './refusal-reason';
import { Violation } from './violation';

/**
 * A refusal the caller can act on. Services return these in a `Result`; the GraphQL layer maps
 * each kind to a member of the mutation's result union.
 */
export type Refusal =
  | { readonly kind: 'INVALID_INPUT'; readonly violations: readonly Violation[] }
  | {
      readonly kind: 'INVALID_STATE';
      readonly currentState: string;
      readonly action: string;
      readonly message: string;
      /** The first failed check's reason (a client branches on it). */
      readonly reason: RefusalReason;
      /** The first failed check's figures. */
      readonly figures: readonly RefusalFigure[];
      /** Every failed check, the first included: a check refuses with all its failed rules, not the first. */
      readonly failedChecks: readonly FailedCheck[];
    }
  | { readonly kind: 'NOT_ELIGIBLE'; readonly message: string; readonly failedRules: readonly RuleCheck[] }
  | { readonly kind: 'INSUFFICIENT_BALANCE'; readonly message: string; readonly required: string; readonly available: string; readonly shortfall: string }
  | { readonly kind: 'OFFLINE_CHANNEL'; readonly message: string; readonly channel: string; readonly contactEmail: string | null; readonly requiredMaterials: readonly string[] }
  | { readonly kind: 'ALREADY_BILLED'; readonly message: string; readonly field: string; readonly platform: string; readonly firstAffectedDay: string; readonly lastBilledDay: string };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const invalidInput = <T = never>(violations: readonly Violation[]): Result<T> => ({ ok: false, refusal: { kind: 'INVALID_INPUT', violations } });
/** One failed state rule: `reason` names the rule, `values` its figures (money as 2-decimal yuan strings). */
export const invalidState = <T = never>(currentState: string, action: string, message: string, reason: RefusalReason, values: Readonly<Record<string, string | number>> = {}): Result<T> =>
  invalidStateOf<T>(currentState, action, [failedCheck(reason, message, values)]);

/** Several failed state rules at once (at least one); the message joins theirs, `reason` and `figures` are the first's. */
export const invalidStateOf = <T = never>(currentState: string, action: string, checks: readonly FailedCheck[]): Result<T> => {
  if (checks.length === 0) throw new Error('invalidStateOf needs at least one failed check');
  return {
    ok: false,
    refusal: { kind: 'INVALID_STATE', currentState, action, message: checks.map((c) => c.message).join('; '), reason: checks[0].reason, figures: checks[0].figures, failedChecks: checks },
  };
};
export const notEligible = <T = never>(message: string, failedRules: readonly RuleCheck[]): Result<T> => ({ ok: false, refusal: { kind: 'NOT_ELIGIBLE', message, failedRules } });
export const offlineChannel = <T = never>(message: string, channel: string, contactEmail: string | null, requiredMaterials: readonly string[]): Result<T> => ({
  ok: false,
  refusal: { kind: 'OFFLINE_CHANNEL', message, channel, contactEmail, requiredMaterials },
});

/** The prepaid balance does not cover a charge (issue 18): the figures in yuan, as 2-decimal strings. */
export const insufficientBalance = <T = never>(required: string, available: string, shortfall: string): Result<T> => ({
  ok: false,
  refusal: { kind: 'INSUFFICIENT_BALANCE', message: `the balance ${available} does not cover ${required}: ${shortfall} short (recharge first)`, required, available, shortfall },
});

/**
 * A price change that would re-price days already billed (issue 17): `field` is the input that
 * reaches them, the figures the first day it changes and the platform's last billed day.
 */
export const alreadyBilled = <T = never>(field: string, platform: string, firstAffectedDay: string, lastBilledDay: string): Result<T> => ({
  ok: false,
  refusal: {
    kind: 'ALREADY_BILLED',
    message: `${field}: the change re-prices ${platform} from ${firstAffectedDay}, but ${platform} is billed up to ${lastBilledDay}; pass rerate: true to re-rate the billed days as adjustment bills`,
    field,
    platform,
    firstAffectedDay,
    lastBilledDay,
  },
});

import { LocalDate } from './local-date.scalar';
import { Money } from './money.scalar';
import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { FailedCheck, RefusalFigure, RefusalReason, REFUSAL_REASON_DESCRIPTIONS } from '../../domain/common/refusal-reason';
import { Refusal } from '../../domain/common/result';
import { BillingPlatform } from '../../billing/billing.enums';

registerEnumType(RefusalReason, {
  name: 'RefusalReason',
  description: 'Why an `InvalidState` refusal was given: one value per rule, so a client branches on the rule instead of parsing `currentState` or the message.',
  valuesConfig: Object.fromEntries(Object.entries(REFUSAL_REASON_DESCRIPTIONS).map(([k, description]) => [k, { description }])),
});

/** A refusal the caller can act on, returned as data in a mutation's result union. */
@InterfaceType('Refusal', { description: 'A refusal the caller can act on. `code` is stable; `message` is for people.' })
export abstract class RefusalType {
  @Field(() => String, { description: 'Stable, machine-readable refusal code (e.g. INVALID_INPUT, INVALID_STATE, NOT_ELIGIBLE); branch on this, never on the message' })
  code: string;

  @Field(() => String, { description: 'Explanation for people, naming the rule and its figures; may change wording' })
  message: string;
}

@ObjectType('Violation', { simpleResolvers: true, description: 'One broken rule on one input field.' })
export class ViolationType {
  @Field(() => String, { description: 'Input field, e.g. "name" or "callbackUrl"' })
  field: string;

  @Field(() => String, { description: 'Rule code, e.g. TOO_LONG, NOT_HTTP_URL, UNKNOWN_TAG' })
  rule: string;

  @Field(() => String, { description: 'The broken rule, for people' })
  message: string;
}

@ObjectType('InvalidInput', { implements: RefusalType, simpleResolvers: true, description: 'The input broke one or more rules; nothing was written.' })
export class InvalidInputType extends RefusalType {
  @Field(() => [ViolationType], { description: 'Every broken rule, each naming its input field' })
  violations: ViolationType[];
}

@ObjectType('RefusalFigure', { simpleResolvers: true, description: 'One measured figure of a refusal, by name' })
export class RefusalFigureType {
  @Field(() => String, { description: "The figure's name, e.g. balance, amount, unpaidBills, status" })
  name: string;

  @Field(() => String, { description: 'Its value as a string (money as a 2-decimal yuan string, times as ISO-8601)' })
  value: string;
}

@ObjectType('FailedCheck', { simpleResolvers: true, description: 'One failed rule of a state refusal' })
export class FailedCheckType {
  @Field(() => RefusalReason, { description: 'The rule that failed' })
  reason: RefusalReason;

  @Field(() => String, { description: 'The rule and its figures, for people' })
  message: string;

  @Field(() => [RefusalFigureType], { description: 'The figures the rule measured' })
  figures: RefusalFigureType[];
}

const figureTypes = (fs: readonly RefusalFigure[]) => fs.map((f) => Object.assign(new RefusalFigureType(), f));
const checkType = (c: FailedCheck) => Object.assign(new FailedCheckType(), { reason: c.reason, message: c.message, figures: figureTypes(c.figures) });

@ObjectType('InvalidState', { implements: RefusalType, simpleResolvers: true, description: 'The object is in a state that does not allow the action; nothing was written.' })
export class InvalidStateType extends RefusalType {
  @Field(() => String, { description: 'The state the object is in now' })
  currentState: string;

  @Field(() => String, { description: 'The action that was refused' })
  action: string;

  @Field(() => RefusalReason, { description: "The first failed rule (a rule's reason, e.g. IN_ARREARS, TRIAL, NOT_EDITABLE); `failedChecks` lists every failed rule" })
  reason: RefusalReason;

  @Field(() => [RefusalFigureType], { description: 'The first failed rule\'s figures, e.g. balance and amount (money as 2-decimal yuan strings)' })
  figures: RefusalFigureType[];

  @Field(() => [FailedCheckType], { description: 'Every failed rule, the first included, each with its reason, message and figures' })
  failedChecks: FailedCheckType[];
}

@ObjectType('EligibilityRule', { simpleResolvers: true, description: 'One eligibility rule as checked: the measured figure against the threshold' })
export class EligibilityRuleType {
  @Field(() => String, { description: 'Rule code, e.g. SUCCESS_RATE, EFFECTIVE_USE, NEXT_RUNG' })
  rule: string;

  @Field(() => Boolean, { description: 'True if the measured figure meets the threshold' })
  passed: boolean;

  @Field(() => String, { description: 'The measured figure, e.g. "97.99%"' })
  measured: string;

  @Field(() => String, { description: 'The threshold, e.g. "≥ 98.00%"' })
  threshold: string;

  @Field(() => String, { description: "The rule's outcome for people, with the figure and the threshold" })
  message: string;
}

@ObjectType('NotEligible', { implements: RefusalType, simpleResolvers: true, description: 'One or more eligibility rules failed; each is listed with its figure and threshold. Nothing was written.' })
export class NotEligibleType extends RefusalType {
  @Field(() => [EligibilityRuleType], { description: 'Every rule that failed, each with its measured figure and threshold' })
  failedRules: EligibilityRuleType[];
}

@ObjectType('OfflineChannel', { implements: RefusalType, simpleResolvers: true, description: 'Not applied for online: use the channel given, with the materials listed. Nothing was written.' })
export class OfflineChannelType extends RefusalType {
  @Field(() => String, { description: 'e.g. EMAIL' })
  channel: string;

  @Field(() => String, { nullable: true, description: 'Where to send the application; null if the package names none' })
  contactEmail: string | null;

  @Field(() => [String], { description: 'The materials the email must attach' })
  requiredMaterials: string[];
}

@ObjectType('InsufficientBalance', { implements: RefusalType, simpleResolvers: true, description: 'The prepaid balance does not cover the charge; nothing was written. Recharge the shortfall' })
export class InsufficientBalanceType extends RefusalType {
  @Field(() => Money, { description: 'The amount to charge (yuan)' })
  required: string;

  @Field(() => Money, { description: 'The balance now (yuan)' })
  available: string;

  @Field(() => Money, { description: 'required − available (yuan)' })
  shortfall: string;
}

/** Maps a service refusal to its GraphQL type. */
@ObjectType('AlreadyBilled', {
  implements: RefusalType,
  simpleResolvers: true,
  description: 'The change would re-price days already billed (no retroactive prices); nothing was written. Ask again with rerate: true to re-rate them as adjustment bills',
})
export class AlreadyBilledType extends RefusalType {
  @Field(() => String, { description: 'The input field that reaches billed days, e.g. effectiveFrom or validFrom' })
  field: string;

  @Field(() => BillingPlatform, { description: 'The platform whose billed days the change reaches' })
  platform: BillingPlatform;

  @Field(() => LocalDate, { description: 'The first Beijing day the change would re-price, YYYY-MM-DD' })
  firstAffectedDay: string;

  @Field(() => LocalDate, { description: 'The last Beijing day of the platform already billed (or being billed), YYYY-MM-DD' })
  lastBilledDay: string;
}

export function toRefusalType(refusal: Refusal): InvalidInputType | InvalidStateType | NotEligibleType | OfflineChannelType | InsufficientBalanceType | AlreadyBilledType {
  switch (refusal.kind) {
    case 'ALREADY_BILLED':
      return Object.assign(new AlreadyBilledType(), {
        code: 'ALREADY_BILLED',
        message: refusal.message,
        field: refusal.field,
        platform: refusal.platform as BillingPlatform,
        firstAffectedDay: refusal.firstAffectedDay,
        lastBilledDay: refusal.lastBilledDay,
      });
    case 'INSUFFICIENT_BALANCE':
      return Object.assign(new InsufficientBalanceType(), { code: 'INSUFFICIENT_BALANCE', message: refusal.message, required: refusal.required, available: refusal.available, shortfall: refusal.shortfall });
    case 'INVALID_INPUT':
      return Object.assign(new InvalidInputType(), {
        code: 'INVALID_INPUT',
        message: refusal.violations.map((v) => `${v.field}: ${v.message}`).join('; '),
        violations: refusal.violations.map((v) => Object.assign(new ViolationType(), v)),
      });
    case 'INVALID_STATE':
      return Object.assign(new InvalidStateType(), {
        code: 'INVALID_STATE',
        message: refusal.message,
        currentState: refusal.currentState,
        action: refusal.action,
        reason: refusal.reason,
        figures: figureTypes(refusal.figures),
        failedChecks: refusal.failedChecks.map(checkType),
      });
    case 'NOT_ELIGIBLE':
      return Object.assign(new NotEligibleType(), {
        code: 'NOT_ELIGIBLE',
        message: refusal.message,
        failedRules: refusal.failedRules.map((r) => Object.assign(new EligibilityRuleType(), r)),
      });
    case 'OFFLINE_CHANNEL':
      return Object.assign(new OfflineChannelType(), {
        code: 'OFFLINE_CHANNEL',
        message: refusal.message,
        channel: refusal.channel,
        contactEmail: refusal.contactEmail,
        requiredMaterials: [...refusal.requiredMaterials],
      });
  }
}

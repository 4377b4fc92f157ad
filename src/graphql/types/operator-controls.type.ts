import { LocalDate } from './local-date.scalar';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OnboardedBasis, OperatorQuotaKind } from '../../domain/app/operator-controls.rule';

registerEnumType(OperatorQuotaKind, {
  name: 'OperatorQuotaKind',
  description: 'CONTRACT: an offline contract (CONTRACT tags); UV_ADJUSTMENT: the UV-based adjustment (UV_BASED tags, e.g. XTAO_SITE monthly)',
  valuesConfig: {
    CONTRACT: { description: "The daily quota of an offline contract (CONTRACT tags), with the contract's reference" },
    UV_ADJUSTMENT: { description: 'The UV-based adjustment of a UV_BASED tag (e.g. XTAO_SITE, monthly by transaction volume)' },
  },
});
registerEnumType(OnboardedBasis, {
  name: 'OnboardedBasis',
  description: 'Why an ISV counts as onboarded, or not (docs/platform.md)',
  valuesConfig: {
    RECORDED: { description: 'The flag recorded on the account (e.g. brought over from an existing platform)' },
    APP_ONLINE: { description: 'One of its apps went online (it is ONLINE or SUSPENDED now)' },
    OPERATOR_SET: { description: 'An operator marked the ISV onboarded' },
    OPERATOR_CLEARED: { description: 'An operator cleared it: not onboarded whatever the apps' },
    NOT_ONBOARDED: { description: 'None of the above: must attach a company introduction and success cases to member-capability applications' },
  },
});

@ObjectType('AppSuspension', { simpleResolvers: true, description: "An operator's suspension of an app: the reason is told to the owner" })
export class AppSuspensionType {
  @Field(() => String, { description: 'Why the operator suspended the app; told to the owner' })
  reason: string;

  @Field(() => Date, { description: 'When the app was suspended' })
  suspendedAt: Date;
}

@ObjectType('OperatorQuota', { simpleResolvers: true, description: 'A daily quota set by an operator for a CONTRACT or UV_BASED tag, effective from a Beijing date' })
export class OperatorQuotaType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the operator quota; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { description: 'Id of the app the quota is for' })
  appId: string;

  @Field(() => OperatorQuotaKind, { description: "CONTRACT (an offline contract) or UV_ADJUSTMENT (a UV-based tag's adjustment)" })
  kind: OperatorQuotaKind;

  @Field(() => Int, { description: 'Calls per Beijing day' })
  dailyQuota: number;

  @Field(() => LocalDate, { description: 'Beijing date (YYYY-MM-DD) from which it applies, until a later one takes over' })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'The offline contract (CONTRACT)' })
  contractReference: string | null;

  @Field(() => String, { nullable: true, description: 'What the figure rests on, e.g. "transaction volume 2026-11"' })
  basis: string | null;

  @Field(() => Date, { description: 'When the operator set it' })
  setAt: Date;
}

@InputType('SetAppQuotaInput', { description: 'An operator quota for a CONTRACT or UV_BASED app' })
export class SetAppQuotaInput {
  @Field(() => ID, { description: 'Id of the CONTRACT or UV_BASED app' })
  appId: string;

  @Field(() => Int, { description: 'Calls per Beijing day, 1 to 1,000,000,000' })
  dailyQuota: number;

  @Field(() => LocalDate, { description: 'Beijing date YYYY-MM-DD, not before today' })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'Required for CONTRACT tags' })
  contractReference?: string | null;

  @Field(() => String, { nullable: true, description: "UV_BASED: what the adjustment is based on (e.g. last month's transaction volume)" })
  basis?: string | null;
}

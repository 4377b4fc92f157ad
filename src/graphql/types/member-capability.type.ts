import { ReviewRoundType } from './review.type';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CapabilityCategoryEntity, DeveloperEntity, MemberCapabilityApplicationEntity, ReviewRoundEntity } from '../../db/entities';
import { ApplicationStatus, BuildKind, MemberCapabilityRejection, MerchantTier, ProductKind } from './enums';
import { EligibilityRuleType } from './refusal.type';

@ObjectType('CapabilityCategory', { simpleResolvers: true, description: 'A category that may apply for member open capabilities (DOMAIN §4)' })
export class CapabilityCategoryType {
  @Field(() => ID, { description: "The category code, as the object's identity (the same value as code)" })
  id: string;

  @Field(() => String, { description: 'Category code that applications name' })
  code: string;

  @Field(() => String, { description: 'Category name shown to applicants' })
  name: string;

  @Field(() => Boolean, { description: 'Refuses TEMPLATE applications' })
  customOnly: boolean;

  static from(e: CapabilityCategoryEntity): CapabilityCategoryType {
    return Object.assign(new CapabilityCategoryType(), { id: e.code, code: e.code, name: e.name, customOnly: e.customOnly });
  }
}

@InputType('UpsertCapabilityCategoryInput', { description: 'A member-capability category to create or replace (by code)' })
export class UpsertCapabilityCategoryInput {
  @Field(() => String, { description: 'The category code applications name' })
  code: string;

  @Field(() => String, { description: 'Category name shown to applicants' })
  name: string;

  @Field(() => Boolean, { description: 'True: refuses TEMPLATE applications' })
  customOnly: boolean;
}

@InputType('MemberCapabilityApplicationInput', { description: 'DOMAIN §4 required material' })
export class MemberCapabilityApplicationInput {
  @Field(() => ID, { description: "A listed category's code" })
  categoryCode: string;

  @Field(() => ProductKind, { description: 'MINI_PROGRAM or WIDGET: the kind of product that will use the capabilities' })
  productKind: ProductKind;

  @Field(() => BuildKind, { description: 'TEMPLATE (for a merchant segment: QUALITY or POTENTIAL merchants) or CUSTOM (one named QUALITY merchant)' })
  build: BuildKind;

  @Field(() => MerchantTier, { description: "CUSTOM: the target merchant's tier; TEMPLATE: the tier of the merchant segment" })
  merchantTier: MerchantTier;

  @Field(() => String, { nullable: true, description: 'CUSTOM: required' })
  merchantName?: string | null;

  @Field(() => String, { nullable: true, description: 'CUSTOM: required' })
  merchantId?: string | null;

  @Field(() => String, { nullable: true, description: 'TEMPLATE: required' })
  merchantSegment?: string | null;

  @Field(() => String, { description: 'Name of the ISV building the product' })
  isvName: string;

  @Field(() => String, { description: "The ISV's DingTalk contact" })
  dingTalkContact: string;

  @Field(() => String, { description: 'http(s) URL of the demo document' })
  demoDocumentUrl: string;

  @Field(() => [String], { description: 'The member-operation permissions requested, at least one' })
  permissionsRequested: string[];

  @Field(() => String, { description: 'How the capabilities will be used' })
  usageScenario: string;

  @Field(() => String, { nullable: true, description: 'Required of ISVs not yet onboarded' })
  companyIntroduction?: string | null;

  @Field(() => String, { nullable: true, description: 'Required of ISVs not yet onboarded' })
  successCases?: string | null;
}

/** The application's round: every application is reviewed in one (opened at its submission). */
function roundOf(e: { id: string; round?: Omit<ReviewRoundEntity, 'messages'> }): Omit<ReviewRoundEntity, 'messages'> {
  if (!e.round) throw new Error(`member-capability application ${e.id} was read without its review round`);
  return e.round;
}

@ObjectType('MemberCapabilityApplication', { simpleResolvers: true, description: 'An application for member open capabilities (DOMAIN §4): the gates checked on filing, the material, and the review' })
export class MemberCapabilityApplicationType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the member capability application; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { description: 'The developer who applied' })
  developerId: string;

  @Field(() => ID, { description: 'The category applied in (a listed category; a custom-only one refuses TEMPLATE)' })
  categoryCode: string;

  @Field(() => ProductKind, { description: 'MINI_PROGRAM or WIDGET: the kind of product that will use the capabilities' })
  productKind: ProductKind;

  @Field(() => BuildKind, { description: 'TEMPLATE (for a merchant segment) or CUSTOM (for one named merchant)' })
  build: BuildKind;

  @Field(() => MerchantTier, { description: 'The merchant tier the gate was checked with: CUSTOM needs QUALITY, TEMPLATE QUALITY or POTENTIAL' })
  merchantTier: MerchantTier;

  @Field(() => String, { nullable: true, description: "CUSTOM: the target merchant's name" })
  merchantName: string | null;

  @Field(() => String, { nullable: true, description: "CUSTOM: the target merchant's id" })
  merchantId: string | null;

  @Field(() => String, { nullable: true, description: 'TEMPLATE: the merchant segment targeted' })
  merchantSegment: string | null;

  @Field(() => String, { description: 'Name of the ISV building the product' })
  isvName: string;

  @Field(() => String, { description: "The ISV's DingTalk contact" })
  dingTalkContact: string;

  @Field(() => String, { description: 'Address of the demo document' })
  demoDocumentUrl: string;

  @Field(() => [String], { description: 'The member-operation permissions requested' })
  permissionsRequested: string[];

  @Field(() => String, { description: 'How the capabilities will be used' })
  usageScenario: string;

  @Field(() => String, { nullable: true, description: "The ISV's company introduction: required from an ISV not yet onboarded" })
  companyIntroduction: string | null;

  @Field(() => String, { nullable: true, description: "The ISV's past success cases: required from an ISV not yet onboarded" })
  successCases: string | null;

  @Field(() => ApplicationStatus, { description: 'PENDING, APPROVED or REJECTED' })
  status: ApplicationStatus;

  @Field(() => [EligibilityRuleType], { description: 'The gates as checked when filing: merchant tier against the build, category, ISV onboarding material' })
  eligibility: EligibilityRuleType[];

  @Field(() => Date, { description: 'When it was filed' })
  submittedAt: Date;

  @Field(() => Date, { description: 'When the review is due: 24:00 Beijing time of the 3rd working day after submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'True if the due time reaches into a year the calendar holds no official notice for (weekends only counted); it is recomputed when the year is imported' })
  dueProvisional: boolean;

  @Field(() => ID, { nullable: true, description: 'The reviewer who decided (issue 18)' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When a reviewer decided it; null while PENDING' })
  decidedAt: Date | null;

  @Field(() => [MemberCapabilityRejection], { nullable: true, description: "The reviewer's rejection codes; null unless REJECTED (the first three count as strikes: 3 bar new applications)" })
  rejectionCodes: MemberCapabilityRejection[] | null;

  @Field(() => String, { nullable: true, description: "The reviewer's explanation; null unless REJECTED" })
  rejectionNote: string | null;

  @Field(() => Boolean, { description: 'The rejection counted as a non-compliant strike' })
  strike: boolean;

  @Field(() => ReviewRoundType, { description: 'Its review round (issue 13): the due time and decision live there, and the feedback thread of a rejection (postReviewFeedback with its id)' })
  round: ReviewRoundType;

  static from(e: MemberCapabilityApplicationEntity): MemberCapabilityApplicationType {
    const m = e.material as Record<string, never>;
    const round = roundOf(e);
    return Object.assign(new MemberCapabilityApplicationType(), {
      id: String(e.id),
      developerId: e.developerId,
      categoryCode: e.categoryCode,
      productKind: e.productKind,
      build: e.build,
      merchantTier: e.merchantTier,
      merchantName: m.merchantName ?? null,
      merchantId: m.merchantId ?? null,
      merchantSegment: m.merchantSegment ?? null,
      isvName: m.isvName,
      dingTalkContact: m.dingTalkContact,
      demoDocumentUrl: m.demoDocumentUrl,
      permissionsRequested: m.permissionsRequested ?? [],
      usageScenario: m.usageScenario,
      companyIntroduction: m.companyIntroduction ?? null,
      successCases: m.successCases ?? null,
      status: e.status,
      eligibility: e.eligibility.map((c) => Object.assign(new EligibilityRuleType(), c)),
      submittedAt: e.submittedAt,
      dueAt: round.dueAt,
      dueProvisional: round.dueProvisional,
      decidedAt: round.decidedAt,
      decidedBy: round.decidedBy,
      rejectionCodes: e.rejectionCodes,
      rejectionNote: e.status === ApplicationStatus.REJECTED ? round.explanation : null,
      strike: e.strike,
      round: ReviewRoundType.from(round),
    });
  }
}

@ObjectType('MemberCapabilityStanding', { simpleResolvers: true, description: "A developer's standing for member-capability applications (3 strikes bar)" })
export class MemberCapabilityStandingType {
  @Field(() => ID, { description: "The developer's id: one standing per developer" })
  id: string;

  @Field(() => ID, { description: 'Id of the developer whose strikes these are' })
  developerId: string;

  @Field(() => Int, { description: 'Non-compliant rejections since the last lift' })
  strikes: number;

  @Field(() => Boolean, { description: 'True after 3 non-compliant rejections, until an operator lifts it: no new application' })
  barred: boolean;

  static from(d: DeveloperEntity): MemberCapabilityStandingType {
    return Object.assign(new MemberCapabilityStandingType(), { id: d.id, developerId: d.id, strikes: d.memberCapabilityStrikes, barred: d.memberCapabilityBarred });
  }
}

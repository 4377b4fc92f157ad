import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CapabilityCategoryEntity, DeveloperEntity, MemberCapabilityApplicationEntity } from '../../db/entities';
import { ApplicationStatus, BuildKind, MemberCapabilityRejection, MerchantTier, ProductKind } from './enums';
import { EligibilityRuleType } from './refusal.type';

@ObjectType('CapabilityCategory', { simpleResolvers: true, description: 'A category that may apply for member open capabilities (DOMAIN §4)' })
export class CapabilityCategoryType {
  @Field(() => ID, { description: "The category code, as the object's identity (the same value as code)" })
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'Refuses TEMPLATE applications' })
  customOnly: boolean;

  static from(e: CapabilityCategoryEntity): CapabilityCategoryType {
    return Object.assign(new CapabilityCategoryType(), { id: e.code, code: e.code, name: e.name, customOnly: e.customOnly });
  }
}

@InputType('UpsertCapabilityCategoryInput')
export class UpsertCapabilityCategoryInput {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  customOnly: boolean;
}

@InputType('MemberCapabilityApplicationInput', { description: 'DOMAIN §4 required material' })
export class MemberCapabilityApplicationInput {
  @Field(() => ID)
  categoryCode: string;

  @Field(() => ProductKind)
  productKind: ProductKind;

  @Field(() => BuildKind)
  build: BuildKind;

  @Field(() => MerchantTier, { description: "CUSTOM: the target merchant's tier; TEMPLATE: the tier of the merchant segment" })
  merchantTier: MerchantTier;

  @Field(() => String, { nullable: true, description: 'CUSTOM: required' })
  merchantName?: string | null;

  @Field(() => String, { nullable: true, description: 'CUSTOM: required' })
  merchantId?: string | null;

  @Field(() => String, { nullable: true, description: 'TEMPLATE: required' })
  merchantSegment?: string | null;

  @Field(() => String)
  isvName: string;

  @Field(() => String)
  dingTalkContact: string;

  @Field(() => String, { description: 'http(s) URL of the demo document' })
  demoDocumentUrl: string;

  @Field(() => [String])
  permissionsRequested: string[];

  @Field(() => String)
  usageScenario: string;

  @Field(() => String, { nullable: true, description: 'Required of ISVs not yet onboarded' })
  companyIntroduction?: string | null;

  @Field(() => String, { nullable: true, description: 'Required of ISVs not yet onboarded' })
  successCases?: string | null;
}

@ObjectType('MemberCapabilityApplication', { simpleResolvers: true })
export class MemberCapabilityApplicationType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  developerId: string;

  @Field(() => ID)
  categoryCode: string;

  @Field(() => ProductKind)
  productKind: ProductKind;

  @Field(() => BuildKind)
  build: BuildKind;

  @Field(() => MerchantTier)
  merchantTier: MerchantTier;

  @Field(() => String, { nullable: true })
  merchantName: string | null;

  @Field(() => String, { nullable: true })
  merchantId: string | null;

  @Field(() => String, { nullable: true })
  merchantSegment: string | null;

  @Field(() => String)
  isvName: string;

  @Field(() => String)
  dingTalkContact: string;

  @Field(() => String)
  demoDocumentUrl: string;

  @Field(() => [String])
  permissionsRequested: string[];

  @Field(() => String)
  usageScenario: string;

  @Field(() => String, { nullable: true })
  companyIntroduction: string | null;

  @Field(() => String, { nullable: true })
  successCases: string | null;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => [EligibilityRuleType])
  eligibility: EligibilityRuleType[];

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => Boolean)
  dueProvisional: boolean;

  @Field(() => ID, { nullable: true, description: 'The reviewer who decided (issue 18)' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => [MemberCapabilityRejection], { nullable: true })
  rejectionCodes: MemberCapabilityRejection[] | null;

  @Field(() => String, { nullable: true })
  rejectionNote: string | null;

  @Field(() => Boolean, { description: 'The rejection counted as a non-compliant strike' })
  strike: boolean;

  static from(e: MemberCapabilityApplicationEntity): MemberCapabilityApplicationType {
    const m = e.material as Record<string, never>;
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
      dueAt: e.dueAt,
      dueProvisional: e.dueProvisional,
      decidedAt: e.decidedAt,
      decidedBy: e.decidedBy,
      rejectionCodes: e.rejectionCodes,
      rejectionNote: e.rejectionNote,
      strike: e.strike,
    });
  }
}

@ObjectType('MemberCapabilityStanding', { simpleResolvers: true, description: "A developer's standing for member-capability applications (3 strikes bar)" })
export class MemberCapabilityStandingType {
  @Field(() => ID, { description: "The developer's id: one standing per developer" })
  id: string;

  @Field(() => ID)
  developerId: string;

  @Field(() => Int, { description: 'Non-compliant rejections since the last lift' })
  strikes: number;

  @Field(() => Boolean)
  barred: boolean;

  static from(d: DeveloperEntity): MemberCapabilityStandingType {
    return Object.assign(new MemberCapabilityStandingType(), { id: d.id, developerId: d.id, strikes: d.memberCapabilityStrikes, barred: d.memberCapabilityBarred });
  }
}

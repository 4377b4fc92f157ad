import { DeveloperKind } from '../app/app.enums';
import { check, RuleCheck } from '../application/eligibility';
import { Violation, violation } from '../common/violation';

/** DOMAIN §4: what is built. */
export enum ProductKind {
  MINI_PROGRAM = 'MINI_PROGRAM',
  WIDGET = 'WIDGET',
}

export enum BuildKind {
  TEMPLATE = 'TEMPLATE',
  CUSTOM = 'CUSTOM',
}

/** Merchant tiers, highest first. NOTE: ORDINARY is our name for merchants in neither named tier. */
export enum MerchantTier {
  QUALITY = 'QUALITY',
  POTENTIAL = 'POTENTIAL',
  ORDINARY = 'ORDINARY',
}

/** Reviewer rejection codes (DOMAIN §4). */
export enum MemberCapabilityRejection {
  WEAK_MEMBER_MINDSET = 'WEAK_MEMBER_MINDSET',
  FORCED_JOIN_IN_GAME = 'FORCED_JOIN_IN_GAME',
  BENEFIT_ONLY_RECRUITMENT = 'BENEFIT_ONLY_RECRUITMENT',
  INCOMPLETE_MATERIAL = 'INCOMPLETE_MATERIAL',
  OTHER = 'OTHER',
}

/** The non-compliant (mindset) codes: a rejection carrying any of them is a strike. */
export const NON_COMPLIANT_CODES: ReadonlySet<MemberCapabilityRejection> = new Set([
  MemberCapabilityRejection.WEAK_MEMBER_MINDSET,
  MemberCapabilityRejection.FORCED_JOIN_IN_GAME,
  MemberCapabilityRejection.BENEFIT_ONLY_RECRUITMENT,
]);

/** DOMAIN §4 Decision: 3 non-compliant rejections bar new applications until an operator lifts it. */
export const STRIKES_TO_BAR = 3;

/** Merchant tiers each build accepts (DOMAIN §4 merchant threshold). */
export const TIERS_ACCEPTED: Readonly<Record<BuildKind, readonly MerchantTier[]>> = {
  [BuildKind.CUSTOM]: [MerchantTier.QUALITY],
  [BuildKind.TEMPLATE]: [MerchantTier.QUALITY, MerchantTier.POTENTIAL],
};

export interface MemberCapabilityInput {
  categoryCode: string;
  productKind: ProductKind;
  build: BuildKind;
  /** CUSTOM: the target merchant's tier; TEMPLATE: the tier of the merchant segment targeted. */
  merchantTier: MerchantTier;
  /** CUSTOM: the target merchant. */
  merchantName?: string | null;
  merchantId?: string | null;
  /** TEMPLATE: the merchant segment, described. */
  merchantSegment?: string | null;
  isvName: string;
  dingTalkContact: string;
  demoDocumentUrl: string;
  permissionsRequested: readonly string[];
  usageScenario: string;
  /** Required of ISVs not yet onboarded on the platform. */
  companyIntroduction?: string | null;
  successCases?: string | null;
}

const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';
const HTTP_RE = /^https?:\/\/[^\s/]+\S*$/i;

/**
 * Required material (DOMAIN §4), every missing or malformed field named: product kind and build;
 * target merchants (custom: merchant name and id; template: the segment); ISV name and DingTalk
 * contact; a demo document URL (http or https); the permissions requested and the usage scenario;
 * and, from an ISV not yet onboarded, a company introduction and past success cases.
 */
export function checkMemberCapabilityMaterial(input: MemberCapabilityInput, developer: { kind: DeveloperKind; onboarded: boolean }): Violation[] {
  const out: Violation[] = [];
  const need = (field: keyof MemberCapabilityInput, value: string | null | undefined, rule = 'REQUIRED', message = `${field} is required`) => {
    if (blank(value)) out.push(violation(field, rule, message));
  };
  if (input.build === BuildKind.CUSTOM) {
    need('merchantName', input.merchantName, 'REQUIRED_FOR_CUSTOM', 'a custom build names its target merchant');
    need('merchantId', input.merchantId, 'REQUIRED_FOR_CUSTOM', "a custom build gives its target merchant's id");
  } else {
    need('merchantSegment', input.merchantSegment, 'REQUIRED_FOR_TEMPLATE', 'a template build describes its merchant segment');
  }
  need('isvName', input.isvName);
  need('dingTalkContact', input.dingTalkContact);
  if (blank(input.demoDocumentUrl)) need('demoDocumentUrl', input.demoDocumentUrl);
  else if (!HTTP_RE.test(input.demoDocumentUrl.trim())) out.push(violation('demoDocumentUrl', 'NOT_HTTP_URL', 'an http(s) URL'));
  if (input.permissionsRequested.filter((p) => !blank(p)).length === 0) out.push(violation('permissionsRequested', 'REQUIRED', 'list the permissions requested'));
  need('usageScenario', input.usageScenario);
  if (developer.kind === DeveloperKind.ISV && !developer.onboarded) {
    need('companyIntroduction', input.companyIntroduction, 'REQUIRED_FOR_NEW_ISV', 'an ISV not yet onboarded attaches a company introduction');
    need('successCases', input.successCases, 'REQUIRED_FOR_NEW_ISV', 'an ISV not yet onboarded attaches past success cases');
  }
  for (const [field, max] of [['isvName', 100], ['dingTalkContact', 100], ['usageScenario', 2000], ['companyIntroduction', 4000], ['successCases', 4000], ['merchantSegment', 500], ['merchantName', 100], ['merchantId', 64], ['demoDocumentUrl', 500]] as const) {
    const v = input[field];
    if (typeof v === 'string' && v.length > max) out.push(violation(field, 'TOO_LONG', `at most ${max} characters`));
  }
  return out;
}

export interface CapabilityCategoryFacts {
  code: string;
  customOnly: boolean;
}

/**
 * Member-capability thresholds (DOMAIN §4), every rule reported: the developer is not barred
 * (3 non-compliant rejections); the category is listed; a custom-only category refuses TEMPLATE;
 * the merchant tier meets the build's threshold (CUSTOM: QUALITY; TEMPLATE: QUALITY or POTENTIAL).
 */
export function memberCapabilityEligibility(
  input: Pick<MemberCapabilityInput, 'categoryCode' | 'build' | 'merchantTier'>,
  category: CapabilityCategoryFacts | null,
  developer: { barred: boolean; strikes: number },
): { eligible: boolean; checks: RuleCheck[] } {
  const accepted = TIERS_ACCEPTED[input.build];
  const checks: RuleCheck[] = [
    check('NOT_BARRED', !developer.barred, `${developer.strikes} non-compliant rejections`, `fewer than ${STRIKES_TO_BAR}`, developer.barred ? 'new member-capability applications are barred after 3 non-compliant rejections; an operator may lift it' : 'not barred'),
    check('CATEGORY_LISTED', category !== null, input.categoryCode, 'a listed category', category ? 'listed' : `category "${input.categoryCode}" is not in the category table`),
    check(
      'CATEGORY_BUILD',
      !(category?.customOnly && input.build === BuildKind.TEMPLATE),
      input.build,
      category?.customOnly ? 'CUSTOM (custom-only category)' : 'TEMPLATE or CUSTOM',
      category?.customOnly ? `category ${category.code} accepts custom builds only` : 'any build',
    ),
    check('MERCHANT_TIER', accepted.includes(input.merchantTier), input.merchantTier, accepted.join(' or '), `a ${input.build} build needs a ${accepted.join(' or ')} merchant`),
  ];
  return { eligible: checks.every((c) => c.passed), checks };
}

/**
 * After a rejection: a rejection carrying a non-compliant code is a strike; the third strike
 * bars the developer (DOMAIN §4 Decision).
 */
export function afterRejection(codes: readonly MemberCapabilityRejection[], strikes: number, barred: boolean): { strikes: number; barred: boolean; strike: boolean } {
  const strike = codes.some((c) => NON_COMPLIANT_CODES.has(c));
  const next = strike ? strikes + 1 : strikes;
  return { strikes: next, barred: barred || next >= STRIKES_TO_BAR, strike };
}

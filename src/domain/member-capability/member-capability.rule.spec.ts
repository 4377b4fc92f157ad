import { DeveloperKind } from '../app/app.enums';
import {
  afterRejection,
  BuildKind,
  checkMemberCapabilityMaterial,
  MemberCapabilityInput,
  MemberCapabilityRejection as R,
  memberCapabilityEligibility,
  MerchantTier,
  ProductKind,
} from './member-capability.rule';

const template: MemberCapabilityInput = {
  categoryCode: 'APPAREL',
  productKind: ProductKind.MINI_PROGRAM,
  build: BuildKind.TEMPLATE,
  merchantTier: MerchantTier.POTENTIAL,
  merchantSegment: 'Apparel stores with 10k+ members',
  isvName: 'Hangzhou Soft',
  dingTalkContact: 'dt-12345',
  demoDocumentUrl: 'https://docs.example.com/demo',
  permissionsRequested: ['member.read'],
  usageScenario: 'Member points mall',
};
const onboardedIsv = { kind: DeveloperKind.ISV, onboarded: true };
const elig = (patch: Partial<MemberCapabilityInput>, customOnly = false, dev = { barred: false, strikes: 0 }) =>
  memberCapabilityEligibility({ ...template, ...patch }, { code: 'APPAREL', customOnly }, dev)
    .checks.filter((c) => !c.passed)
    .map((c) => c.rule);

describe('member-capability thresholds (DOMAIN §4)', () => {
  it.each<[string, Partial<MemberCapabilityInput>, boolean, string[]]>([
    ['a TEMPLATE application with a POTENTIAL merchant passes', {}, false, []],
    ['a TEMPLATE application with a QUALITY merchant passes', { merchantTier: MerchantTier.QUALITY }, false, []],
    ['a TEMPLATE application with an ORDINARY merchant is refused', { merchantTier: MerchantTier.ORDINARY }, false, ['MERCHANT_TIER']],
    ['a CUSTOM application with a POTENTIAL merchant is refused', { build: BuildKind.CUSTOM }, false, ['MERCHANT_TIER']],
    ['a CUSTOM application with a QUALITY merchant passes', { build: BuildKind.CUSTOM, merchantTier: MerchantTier.QUALITY }, false, []],
    ['a custom-only category refuses a TEMPLATE application', {}, true, ['CATEGORY_BUILD']],
    ['a custom-only category takes a CUSTOM application', { build: BuildKind.CUSTOM, merchantTier: MerchantTier.QUALITY }, true, []],
  ])('%s', (_why, patch, customOnly, expected) => {
    expect(elig(patch, customOnly)).toEqual(expected);
  });

  it('an unlisted category is refused', () => {
    expect(memberCapabilityEligibility(template, null, { barred: false, strikes: 0 }).checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual(['CATEGORY_LISTED']);
  });

  it('a barred developer is refused', () => {
    expect(elig({}, false, { barred: true, strikes: 3 })).toEqual(['NOT_BARRED']);
  });
});

describe('member-capability required material (DOMAIN §4)', () => {
  it('a complete template application from an onboarded ISV has no violations', () => {
    expect(checkMemberCapabilityMaterial(template, onboardedIsv)).toEqual([]);
  });

  it('names every missing field', () => {
    const v = checkMemberCapabilityMaterial(
      { ...template, build: BuildKind.CUSTOM, merchantSegment: null, isvName: '', dingTalkContact: ' ', demoDocumentUrl: 'ftp://x', permissionsRequested: [], usageScenario: '' },
      { kind: DeveloperKind.ISV, onboarded: false },
    );
    expect(v.map((x) => `${x.field} ${x.rule}`)).toEqual([
      'merchantName REQUIRED_FOR_CUSTOM',
      'merchantId REQUIRED_FOR_CUSTOM',
      'isvName REQUIRED',
      'dingTalkContact REQUIRED',
      'demoDocumentUrl NOT_HTTP_URL',
      'permissionsRequested REQUIRED',
      'usageScenario REQUIRED',
      'companyIntroduction REQUIRED_FOR_NEW_ISV',
      'successCases REQUIRED_FOR_NEW_ISV',
    ]);
  });

  it('a template application needs its merchant segment', () => {
    expect(checkMemberCapabilityMaterial({ ...template, merchantSegment: '' }, onboardedIsv).map((v) => v.field)).toEqual(['merchantSegment']);
  });

  it('a self-developing merchant is not held to the ISV onboarding threshold', () => {
    expect(checkMemberCapabilityMaterial(template, { kind: DeveloperKind.SELF_DEVELOPING_MERCHANT, onboarded: false })).toEqual([]);
  });
});

describe('3 strikes (DOMAIN §4 Decision)', () => {
  it.each<[string, R[], number, boolean, { strikes: number; barred: boolean; strike: boolean }]>([
    ['a mindset rejection is a strike', [R.WEAK_MEMBER_MINDSET], 0, false, { strikes: 1, barred: false, strike: true }],
    ['INCOMPLETE_MATERIAL is not', [R.INCOMPLETE_MATERIAL], 1, false, { strikes: 1, barred: false, strike: false }],
    ['OTHER is not', [R.OTHER], 2, false, { strikes: 2, barred: false, strike: false }],
    ['two mindset codes in one rejection count once', [R.FORCED_JOIN_IN_GAME, R.BENEFIT_ONLY_RECRUITMENT], 0, false, { strikes: 1, barred: false, strike: true }],
    ['the third strike bars', [R.BENEFIT_ONLY_RECRUITMENT], 2, false, { strikes: 3, barred: true, strike: true }],
  ])('%s', (_why, codes, strikes, barred, expected) => {
    expect(afterRejection(codes, strikes, barred)).toEqual(expected);
  });
});

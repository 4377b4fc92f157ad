import { MemberCapabilityRejection } from '../member-capability/member-capability.rule';
import { ReviewItemKind } from './assignment.rule';
import { checkReviewDecision, DECISION_POLICIES, keptExplanation, keptReasons, ReviewDecisionInput } from './decision.rule';
import { ReviewDecision } from './review.enums';

const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field}:${x.rule}`);
const { APPROVE, REJECT } = ReviewDecision;

describe('one decision rule, per-kind codes: app and market rounds (DOMAIN §3) need ≥1 known RejectionReason code and an explanation', () => {
  const policy = DECISION_POLICIES[ReviewItemKind.REVIEW_ROUND];
  it.each<[ReviewDecisionInput, string[]]>([
    [{ decision: APPROVE }, []],
    [{ decision: REJECT, reasons: ['OTHER'], explanation: 'see docs' }, []],
    [{ decision: REJECT, reasons: [], explanation: 'x' }, ['reasons:REQUIRED']],
    [{ decision: REJECT, reasons: ['OTHER'], explanation: '   ' }, ['explanation:REQUIRED']],
    [{ decision: REJECT, reasons: ['NOPE', 'OTHER', 'OTHER'], explanation: 'x' }, ['reasons:UNKNOWN_REASON', 'reasons:DUPLICATE']],
    [{ decision: APPROVE, reasons: ['OTHER'] }, ['reasons:NOT_ALLOWED']],
    [{ decision: REJECT, reasons: ['OTHER'], explanation: 'x'.repeat(2000) }, []],
    [{ decision: REJECT, reasons: ['OTHER'], explanation: 'x'.repeat(2001) }, ['explanation:TOO_LONG']],
    // A member-capability code is not an app code.
    [{ decision: REJECT, reasons: ['WEAK_MEMBER_MINDSET'], explanation: 'x' }, ['reasons:UNKNOWN_REASON']],
  ])('%j → %j', (input, expected) => {
    expect(rules(checkReviewDecision(policy, input))).toEqual(expected);
  });
});

describe('package applications (DOMAIN §2.4): no codes, the rejection is explained in 1–1000 characters (the legacy argument is `reason`)', () => {
  const policy = DECISION_POLICIES[ReviewItemKind.PACKAGE_APPLICATION];
  const legacy = { reasons: 'reasons', explanation: 'reason' };
  it.each<[string, ReviewDecisionInput, string[]]>([
    ['an approval needs none', { decision: APPROVE }, []],
    ['a rejection with a reason', { decision: REJECT, explanation: 'traffic below 50% of the quota' }, []],
    ['a rejection without one', { decision: REJECT }, ['reason:REQUIRED']],
    ['a blank reason', { decision: REJECT, explanation: '   ' }, ['reason:REQUIRED']],
    ['1000 characters', { decision: REJECT, explanation: 'x'.repeat(1000) }, []],
    ['1001 characters', { decision: REJECT, explanation: 'x'.repeat(1001) }, ['reason:TOO_LONG']],
    ['a code, which packages do not take', { decision: REJECT, reasons: ['OTHER'], explanation: 'x' }, ['reasons:UNKNOWN_REASON']],
  ])('%s', (_what, input, expected) => {
    expect(rules(checkReviewDecision(policy, input, legacy))).toEqual(expected);
  });
});

describe('member-capability applications (DOMAIN §4): codes on a rejection only, OTHER explained, every broken rule named (legacy arguments `rejectionCodes`, `note`)', () => {
  const policy = DECISION_POLICIES[ReviewItemKind.MEMBER_CAPABILITY_APPLICATION];
  const legacy = { reasons: 'rejectionCodes', explanation: 'note' };
  const { OTHER } = MemberCapabilityRejection;
  const someCode = Object.values(MemberCapabilityRejection).find((c) => c !== OTHER)!;
  it.each<[string, ReviewDecisionInput, string[]]>([
    ['a plain approval', { decision: APPROVE }, []],
    ['an approval with a code', { decision: APPROVE, reasons: [someCode] }, ['rejectionCodes:NOT_ALLOWED']],
    ['a rejection with a code', { decision: REJECT, reasons: [someCode] }, []],
    ['a rejection with a code given twice: counted once', { decision: REJECT, reasons: [someCode, someCode] }, []],
    ['a rejection without codes', { decision: REJECT, reasons: [] }, ['rejectionCodes:REQUIRED']],
    ['OTHER without a note', { decision: REJECT, reasons: [OTHER], explanation: '  ' }, ['note:REQUIRED_FOR_OTHER']],
    ['OTHER with a note of 1001 characters', { decision: REJECT, reasons: [OTHER], explanation: 'x'.repeat(1001) }, ['note:TOO_LONG']],
    ['an approval carrying OTHER and no note: both named', { decision: APPROVE, reasons: [OTHER] }, ['rejectionCodes:NOT_ALLOWED', 'note:REQUIRED_FOR_OTHER']],
    ['an app code is not a member-capability code', { decision: REJECT, reasons: ['PROHIBITED_CONTENT'] }, ['rejectionCodes:UNKNOWN_REASON']],
  ])('%s', (_what, input, expected) => {
    expect(rules(checkReviewDecision(policy, input, legacy))).toEqual(expected);
  });
});

describe('what a decision keeps', () => {
  it('a rejection keeps each code once, in order, and the trimmed explanation; an approval keeps no codes', () => {
    expect(keptReasons({ decision: REJECT, reasons: ['B', 'A', 'B'] })).toEqual(['B', 'A']);
    expect(keptReasons({ decision: APPROVE, reasons: ['A'] })).toEqual([]);
    expect([keptExplanation({ decision: REJECT, explanation: '  why  ' }), keptExplanation({ decision: APPROVE, explanation: '  ' })]).toEqual(['why', null]);
  });
});

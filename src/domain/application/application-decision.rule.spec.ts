import { MemberCapabilityRejection } from '../member-capability/member-capability.rule';
import { ApplicationStatus } from './application.enums';
import { ReviewDecision } from '../review/review.enums';
import { checkDecidable, checkMemberCapabilityDecision, checkPackageDecision, statusAfter } from './application-decision.rule';

const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field}/${x.rule}`);
const { APPROVE, REJECT } = ReviewDecision;

describe('an application is decided once, while PENDING', () => {
  it.each([
    [ApplicationStatus.PENDING, true],
    [ApplicationStatus.APPROVED, false],
    [ApplicationStatus.REJECTED, false],
  ])('%s → decidable %s', (status, decidable) => {
    const r = checkDecidable(status, 'decideApplication');
    expect(r.ok).toBe(decidable);
    if (!r.ok) expect(r.refusal).toMatchObject({ currentState: status, reason: 'ALREADY_DECIDED', figures: [{ name: 'status', value: status }] });
  });
  it('approve → APPROVED, reject → REJECTED', () => {
    expect([statusAfter(APPROVE), statusAfter(REJECT)]).toEqual([ApplicationStatus.APPROVED, ApplicationStatus.REJECTED]);
  });
});

describe('a package application rejection carries a reason of 1–1000 characters', () => {
  it.each<[string, ReviewDecision, string | null, string[]]>([
    ['an approval needs none', APPROVE, null, []],
    ['a rejection with a reason', REJECT, 'traffic below 50% of the quota', []],
    ['a rejection without one', REJECT, null, ['reason/REQUIRED']],
    ['a blank reason', REJECT, '   ', ['reason/REQUIRED']],
    ['1000 characters', REJECT, 'x'.repeat(1000), []],
    ['1001 characters', REJECT, 'x'.repeat(1001), ['reason/TOO_LONG']],
  ])('%s', (_what, decision, reason, expected) => {
    expect(rules(checkPackageDecision(decision, reason))).toEqual(expected);
  });
});

describe('a member-capability decision: codes on a rejection only, OTHER explained, every broken rule named', () => {
  const { OTHER } = MemberCapabilityRejection;
  const someCode = Object.values(MemberCapabilityRejection).find((c) => c !== OTHER)!;
  it.each<[string, ReviewDecision, MemberCapabilityRejection[], string | null, string[]]>([
    ['a plain approval', APPROVE, [], null, []],
    ['an approval with a code', APPROVE, [someCode], null, ['rejectionCodes/NOT_ALLOWED']],
    ['a rejection with a code', REJECT, [someCode], null, []],
    ['a rejection without codes', REJECT, [], null, ['rejectionCodes/REQUIRED']],
    ['OTHER without a note', REJECT, [OTHER], '  ', ['note/REQUIRED_FOR_OTHER']],
    ['OTHER with a note of 1001 characters', REJECT, [OTHER], 'x'.repeat(1001), ['note/TOO_LONG']],
    ['an approval carrying OTHER and no note: both named', APPROVE, [OTHER], null, ['rejectionCodes/NOT_ALLOWED', 'note/REQUIRED_FOR_OTHER']],
  ])('%s', (_what, decision, codes, note, expected) => {
    expect(rules(checkMemberCapabilityDecision(decision, codes, note))).toEqual(expected);
  });
});

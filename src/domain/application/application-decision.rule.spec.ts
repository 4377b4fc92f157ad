import { ApplicationStatus } from './application.enums';
import { ReviewDecision } from '../review/review.enums';
import { checkDecidable, statusAfter } from './application-decision.rule';

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

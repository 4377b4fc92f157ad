import { AppStatus } from '../app/app.enums';
import { ReviewRoundStatus } from './review.enums';
import { APP_REVIEW_TRANSITIONS, ROUND_TRANSITIONS, transition } from './review-state.rule';

describe('app review transitions (DOMAIN §2: DEVELOPING → IN_REVIEW → ONLINE or REJECTED; REJECTED → IN_REVIEW)', () => {
  it.each([
    [AppStatus.DEVELOPING, 'SUBMIT', AppStatus.IN_REVIEW],
    [AppStatus.REJECTED, 'SUBMIT', AppStatus.IN_REVIEW],
    [AppStatus.IN_REVIEW, 'APPROVE', AppStatus.ONLINE],
    [AppStatus.IN_REVIEW, 'REJECT', AppStatus.REJECTED],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(transition(APP_REVIEW_TRANSITIONS, from, event, 'an app')).toEqual({ ok: true, to });
  });

  it.each([
    [AppStatus.IN_REVIEW, 'SUBMIT', 'resubmitting an app under review'],
    [AppStatus.ONLINE, 'SUBMIT', 'an online app is not reviewed again'],
    [AppStatus.SUSPENDED, 'SUBMIT', 'a suspended app is restored, not reviewed'],
    [AppStatus.DEVELOPING, 'APPROVE', 'nothing to approve before a submission'],
    [AppStatus.ONLINE, 'REJECT', 'an approved app cannot be rejected by a review decision'],
  ] as const)('%s --%s--> refused, naming the current state (%s)', (from, event, _why) => {
    const r = transition(APP_REVIEW_TRANSITIONS, from, event, 'an app');
    expect(r).toMatchObject({ ok: false, currentState: from });
    expect(!r.ok && r.message).toContain(from);
  });
});

describe('round transitions: decided once; feedback only on a rejected round', () => {
  it.each([
    [ReviewRoundStatus.PENDING, 'APPROVE', ReviewRoundStatus.APPROVED],
    [ReviewRoundStatus.PENDING, 'REJECT', ReviewRoundStatus.REJECTED],
    [ReviewRoundStatus.REJECTED, 'POST_FEEDBACK', ReviewRoundStatus.REJECTED],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(transition(ROUND_TRANSITIONS, from, event, 'a round')).toEqual({ ok: true, to });
  });

  it.each([
    [ReviewRoundStatus.APPROVED, 'APPROVE', 'deciding an approved round'],
    [ReviewRoundStatus.APPROVED, 'REJECT', 'deciding an approved round'],
    [ReviewRoundStatus.REJECTED, 'APPROVE', 'deciding a rejected round (resubmit instead)'],
    [ReviewRoundStatus.APPROVED, 'POST_FEEDBACK', 'feedback on an approved round'],
    [ReviewRoundStatus.PENDING, 'POST_FEEDBACK', 'feedback before a decision'],
  ] as const)('%s --%s--> refused with currentState (%s)', (from, event, _why) => {
    expect(transition(ROUND_TRANSITIONS, from, event, 'a round')).toMatchObject({ ok: false, currentState: from });
  });
});

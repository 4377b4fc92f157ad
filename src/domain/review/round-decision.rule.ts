import { RefusalReason } from '../common/refusal-reason';
import { invalidInput, invalidState, ok, Result } from '../common/result';
import { violation } from '../common/violation';
import { ROUND_TRANSITIONS, transition, Transition } from './review-state.rule';
import { ReviewRoundStatus } from './review.enums';

export interface RoundDecisionFacts {
  readonly round: { readonly status: ReviewRoundStatus; readonly decidedBy: string | null; readonly decidedAt: Date | null; readonly subjectType: string };
  readonly event: 'APPROVE' | 'REJECT';
  /** The subject's own transition for the event (from its transition table). */
  readonly subjectStep: Transition<string>;
  readonly reasons: readonly string[];
  /** The codes the subject's kind accepts, where narrower than every `RejectionReason` (market listings). */
  readonly allowedReasons?: ReadonlySet<string>;
}

/**
 * A round's decision (DOMAIN §3): the round is decided once (ALREADY_DECIDED, naming who and when),
 * the subject must allow the step (TRANSITION_NOT_ALLOWED), a rejection's codes must be ones the
 * subject's kind takes (REASON_NOT_FOR_SUBJECT). Answers the round's and the subject's new states.
 */
export function planRoundDecision(f: RoundDecisionFacts): Result<{ roundTo: ReviewRoundStatus; subjectTo: string }> {
  const roundStep = transition(ROUND_TRANSITIONS, f.round.status, f.event, 'a review round');
  if (!roundStep.ok) {
    const decidedAt = f.round.decidedAt?.toISOString() ?? '';
    return invalidState(roundStep.currentState, 'decideReview', `${roundStep.message}; it was decided by ${f.round.decidedBy} at ${f.round.decidedAt?.toISOString()}`, RefusalReason.ALREADY_DECIDED, {
      status: roundStep.currentState,
      decidedBy: String(f.round.decidedBy),
      decidedAt,
    });
  }
  if (!f.subjectStep.ok) return invalidState(f.subjectStep.currentState, 'decideReview', f.subjectStep.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: f.subjectStep.currentState });
  const allowed = f.allowedReasons;
  const notAllowed = f.event === 'REJECT' && allowed ? f.reasons.filter((r) => !allowed.has(r)) : [];
  if (notAllowed.length > 0) return invalidInput(notAllowed.map((r) => violation('reasons', 'REASON_NOT_FOR_SUBJECT', `"${r}" is not a reason for a ${f.round.subjectType} (use ${[...allowed!].join(', ')})`)));
  return ok({ roundTo: roundStep.to, subjectTo: f.subjectStep.to });
}

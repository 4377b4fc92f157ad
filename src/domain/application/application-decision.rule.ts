import { RefusalReason } from '../common/refusal-reason';
import { invalidState, ok, Result } from '../common/result';
import { violation, Violation } from '../common/violation';
import { MemberCapabilityRejection } from '../member-capability/member-capability.rule';
import { ApplicationStatus } from './application.enums';
import { ReviewDecision } from '../review/review.enums';

/** The longest rejection reason or note, in characters. NOTE: DOMAIN names none; our decision (docs/review.md). */
export const DECISION_TEXT_MAX = 1000;

/** An application (package or member capability) is decided once, while PENDING: else ALREADY_DECIDED. */
export function checkDecidable(status: ApplicationStatus, action: string): Result<true> {
  return status === ApplicationStatus.PENDING ? ok(true) : invalidState(status, action, `the application is ${status} already`, RefusalReason.ALREADY_DECIDED, { status });
}

/** The application's status after a decision. */
export const statusAfter = (decision: ReviewDecision): ApplicationStatus => (decision === ReviewDecision.APPROVE ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED);

/** A package application's decision (DOMAIN §2.4): a rejection carries a reason of 1–1000 characters (trimmed). */
export function checkPackageDecision(decision: ReviewDecision, reason: string | null): Violation[] {
  if (decision !== ReviewDecision.REJECT) return [];
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') return [violation('reason', 'REQUIRED', 'a rejection carries a reason')];
  if (trimmed.length > DECISION_TEXT_MAX) return [violation('reason', 'TOO_LONG', `at most ${DECISION_TEXT_MAX} characters`)];
  return [];
}

/**
 * A member-capability application's decision: a rejection carries one or more codes, an approval
 * none; an OTHER rejection is explained in the note; the note is at most 1000 characters. Every
 * broken rule is named.
 */
export function checkMemberCapabilityDecision(decision: ReviewDecision, codes: readonly MemberCapabilityRejection[], note: string | null): Violation[] {
  const trimmed = note?.trim() || null;
  const v: Violation[] = [];
  if (decision === ReviewDecision.REJECT && codes.length === 0) v.push(violation('rejectionCodes', 'REQUIRED', 'a rejection carries one or more codes'));
  if (decision === ReviewDecision.APPROVE && codes.length > 0) v.push(violation('rejectionCodes', 'NOT_ALLOWED', 'an approval carries no rejection codes'));
  if (codes.includes(MemberCapabilityRejection.OTHER) && !trimmed) v.push(violation('note', 'REQUIRED_FOR_OTHER', 'explain an OTHER rejection'));
  if (trimmed && trimmed.length > DECISION_TEXT_MAX) v.push(violation('note', 'TOO_LONG', `at most ${DECISION_TEXT_MAX} characters`));
  return v;
}

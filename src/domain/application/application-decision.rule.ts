import { RefusalReason } from '../common/refusal-reason';
import { invalidState, ok, Result } from '../common/result';
import { ApplicationStatus } from './application.enums';
import { ReviewDecision } from '../review/review.enums';

/** An application (package or member capability) is decided once, while PENDING: else ALREADY_DECIDED. */
export function checkDecidable(status: ApplicationStatus, action: string): Result<true> {
  return status === ApplicationStatus.PENDING ? ok(true) : invalidState(status, action, `the application is ${status} already`, RefusalReason.ALREADY_DECIDED, { status });
}

/** The application's status after a decision. */
export const statusAfter = (decision: ReviewDecision): ApplicationStatus => (decision === ReviewDecision.APPROVE ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED);

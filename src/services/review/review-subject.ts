import { EntityManager } from 'typeorm';
import { AppEntity, MemberCapabilityApplicationEntity, PackageApplicationEntity } from '../../db/entities';
import { isNumericId } from '../../domain/common/ids';
import { AppStatus } from '../../domain/app/app.enums';
import { APP_REVIEW_TRANSITIONS, transition, Transition } from '../../domain/review/review-state.rule';
import { RejectionReason, ReviewSubjectType } from '../../domain/review/review.enums';
import { marketProductReviewSubject } from '../market/product-review-subject';

/** A subject row locked for a review step, as the generic review machinery sees it. */
export interface LockedSubject {
  readonly type: ReviewSubjectType;
  readonly id: string;
  /** The developer who owns it (the round's tenant). */
  readonly ownerId: string;
  /** Its tag, for the queue filter; null if the kind has none. */
  readonly tagCode: string | null;
  /** Its current state, e.g. an AppStatus. */
  readonly state: string;
}

/**
 * What a kind of subject plugs into the review rounds: how to lock it, and what a decision does
 * to it. APP is the first kind; a cloud-market listing would be the second (add the enum value,
 * a migration for the `subject_type` enum column, and a handler here).
 */
export interface ReviewSubjectHandler {
  /** Locks the subject row (SELECT … FOR UPDATE); null when it does not exist. */
  lock(em: EntityManager, subjectId: string): Promise<LockedSubject | null>;
  /** The subject's transition for a decision (pure; from the subject's transition table). */
  decide(subject: LockedSubject, event: 'APPROVE' | 'REJECT'): Transition<string>;
  /** Writes the subject's new state, in the caller's transaction, at the decision's instant. */
  apply(em: EntityManager, subject: LockedSubject, to: string, at: Date): Promise<void>;
  /** The rejection reasons this kind accepts; absent: every `RejectionReason`. */
  readonly allowedReasons?: ReadonlySet<RejectionReason>;
}

/** An app row as a review subject. */
export const lockedApp = (app: AppEntity): LockedSubject => ({ type: ReviewSubjectType.APP, id: String(app.id), ownerId: app.ownerId, tagCode: app.tagCode, state: app.status });

/** Apps (DOMAIN §3): approve → ONLINE (quota = the tag's default online quota, §2.2), reject → REJECTED. */
export const appReviewSubject: ReviewSubjectHandler = {
  async lock(em, subjectId) {
    const app = await em.findOne(AppEntity, { where: { id: subjectId }, lock: { mode: 'pessimistic_write' } });
    return app && lockedApp(app);
  },
  decide(subject, event) {
    return transition(APP_REVIEW_TRANSITIONS, subject.state as AppStatus, event, 'an app');
  },
  async apply(em, subject, to) {
    const app = await em.findOneByOrFail(AppEntity, { id: subject.id });
    app.status = to as AppStatus;
    await em.save(app);
  },
};

/** A package or member-capability application row as a review subject (no tag for member capabilities). */
export const lockedApplication = (type: ReviewSubjectType, a: { id: string; developerId: string; status: string }, tagCode: string | null): LockedSubject => ({
  type,
  id: String(a.id),
  ownerId: a.developerId,
  tagCode,
  state: a.status,
});

/**
 * Applications' rounds are decided by their workflow's mutation, which runs the workflow's hooks
 * inside the decision (eligibility measured again for packages, strikes for member capabilities):
 * `decideReview` on such a round is refused, naming the mutation.
 */
const applicationSubject = (type: ReviewSubjectType, entity: typeof PackageApplicationEntity | typeof MemberCapabilityApplicationEntity, decideWith: string): ReviewSubjectHandler => ({
  async lock(em, subjectId) {
    const a = isNumericId(subjectId) ? await em.findOne<PackageApplicationEntity | MemberCapabilityApplicationEntity>(entity, { where: { id: subjectId }, lock: { mode: 'pessimistic_write' } }) : null;
    return a && lockedApplication(type, a, null);
  },
  decide(subject) {
    return { ok: false, currentState: subject.state, message: `a ${type} round is decided with ${decideWith}, which runs its workflow's checks` };
  },
  async apply() {
    throw new Error(`a ${type} round is decided with ${decideWith}`);
  },
});

export const REVIEW_SUBJECTS: Readonly<Record<ReviewSubjectType, ReviewSubjectHandler>> = {
  [ReviewSubjectType.APP]: appReviewSubject,
  [ReviewSubjectType.MARKET_PRODUCT]: marketProductReviewSubject,
  [ReviewSubjectType.PACKAGE_APPLICATION]: applicationSubject(ReviewSubjectType.PACKAGE_APPLICATION, PackageApplicationEntity, 'decideApplication'),
  [ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION]: applicationSubject(ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, MemberCapabilityApplicationEntity, 'decideMemberCapabilityApplication'),
};

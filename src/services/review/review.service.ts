import { isNumericId } from '../../domain/common/ids';
import { NotificationKind } from '../../domain/notification/notification-kind';
import { NotificationService } from '../notification/notification.service';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { isStaff, Role, Viewer } from '../../domain/common/role';
import { checkMessage, checkSubmission } from '../../domain/review/review-input.rule';
import { checkReviewDecision, DECISION_POLICIES, keptExplanation, keptReasons, ReviewDecisionInput } from '../../domain/review/decision.rule';
import { planRoundDecision } from '../../domain/review/round-decision.rule';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { change } from '../common/change';
import { APP_REVIEW_TRANSITIONS, ROUND_TRANSITIONS, transition } from '../../domain/review/review-state.rule';
import { RejectionReason, ReviewAction, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType } from '../../domain/review/review.enums';
import { AppStatus } from '../../domain/app/app.enums';
import { AppEntity, ReviewEventEntity, ReviewMessageEntity, ReviewRoundEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { appReviewSubject, LockedSubject, lockedApp, REVIEW_SUBJECTS } from './review-subject';
import { notFound } from '../common/errors';

/** DOMAIN §3: a review is due at the end of the 3rd working day after the submission date. */
export const REVIEW_SLA_WORKING_DAYS = 3;

/**
 * App reviews (DOMAIN §3) on generic review rounds (subject type + id). Each mutation locks the
 * subject row, then the round row (always in that order, so two mutations never deadlock),
 * checks the transition tables, writes round, subject and audit event in one transaction.
 */
export class ReviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    /** The cross-feature audit log (docs/hardening.md) for reviewer actions, beside `review_event`. */
    private readonly auditLog: AuditService,
    /** Tells an app's owner the decision (APP_REVIEW_APPROVED / APP_REVIEW_REJECTED). */
    private readonly notifications?: NotificationService,
  ) {}

  /**
   * Developer: DEVELOPING or REJECTED → IN_REVIEW, opening a new round due in 3 working days.
   * Through `change()`: audited (the app's status before and after, the round opened), beside the
   * round's own trail (`review_event` SUBMITTED).
   */
  async submitApp(viewer: Viewer, appId: string): Promise<Result<ReviewRoundEntity>> {
    return change(this.ds, this.auditLog, {
      actor: viewer,
      action: 'submitAppForReview',
      lock: async (em) => {
        const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!app || app.ownerId !== viewer.subjectId) throw notFound('App', appId);
        return app;
      },
      rule: (app) => {
        const step = transition(APP_REVIEW_TRANSITIONS, app.status, 'SUBMIT', 'an app');
        if (!step.ok) return invalidState(step.currentState, 'submitAppForReview', step.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: step.currentState });
        const violations = checkSubmission(app);
        return violations.length > 0 ? invalidInput(violations) : ok(step.to);
      },
      before: (app) => ({ status: app.status }),
      save: async (em, app, to) => {
        const subject = lockedApp(app);
        await appReviewSubject.apply(em, subject, to, this.clock.now());
        return ok(await this.openRound(em, subject, to, viewer));
      },
      audit: (app, round) => ({ entityType: 'App', entityId: String(app.id), after: { status: AppStatus.IN_REVIEW, roundId: round.id, roundNo: round.roundNo, dueAt: round.dueAt } }),
    });
  }

  /**
   * Opens a round for a subject the caller has locked and moved to its in-review state, in the
   * caller's transaction: the next round number, the SLA (3 working days), the audit event.
   * Other kinds of subject (cloud-market listings) call this from their own submit.
   */
  async openRound(em: EntityManager, subject: LockedSubject, newState: string, viewer: Viewer, workingDays = REVIEW_SLA_WORKING_DAYS): Promise<ReviewRoundEntity> {
    const now = this.clock.now();
    const due = await this.calendar.dueAfterWorkingDays(now, workingDays, em);
    const last: { n: number | null }[] = await em.query('SELECT MAX(round_no) AS n FROM review_round WHERE subject_type = ? AND subject_id = ?', [subject.type, subject.id]);
    const round = em.create(ReviewRoundEntity, {
      subjectType: subject.type,
      subjectId: subject.id,
      ownerId: subject.ownerId,
      tagCode: subject.tagCode,
      roundNo: Number(last[0]?.n ?? 0) + 1,
      status: ReviewRoundStatus.PENDING,
      submittedBy: viewer.subjectId!,
      submittedAt: now,
      dueAt: due.dueAt,
      dueProvisional: due.provisional,
      decidedBy: null,
      decidedAt: null,
      reasons: [],
      explanation: null,
    });
    await em.save(round);
    await this.audit(em, round.id, ReviewAction.SUBMITTED, viewer, now, {
      roundNo: round.roundNo,
      subjectState: { from: subject.state, to: newState },
      dueAt: due.dueAt.toISOString(),
      dueProvisional: due.provisional,
    });
    return em.findOneByOrFail(ReviewRoundEntity, { id: round.id });
  }

  /**
   * Reviewer: approve (app → ONLINE, quota = the tag's default online quota) or reject (app →
   * REJECTED, with reasons and explanation). A round is decided once: a second decision, even a
   * concurrent one, is refused with the round's current state. The input is checked by the one
   * decision rule with the rounds' codes; then lock (subject, then round) → `planRoundDecision` →
   * save round, subject and `review_event` → audit entry.
   */
  async decide(viewer: Viewer, roundId: string, input: ReviewDecisionInput): Promise<Result<ReviewRoundEntity>> {
    const violations = checkReviewDecision(DECISION_POLICIES[ReviewItemKind.REVIEW_ROUND], input);
    if (violations.length > 0) return invalidInput(violations);
    const event = input.decision === ReviewDecision.APPROVE ? 'APPROVE' : 'REJECT';
    return change(this.ds, this.auditLog, {
      actor: viewer,
      action: 'decideReview',
      lock: async (em) => {
        const peek = isNumericId(roundId) ? await em.findOneBy(ReviewRoundEntity, { id: roundId }) : null;
        if (!peek) throw notFound('ReviewRound', roundId);
        const handler = REVIEW_SUBJECTS[peek.subjectType];
        // Lock order: subject, then round (as in submit), so concurrent steps queue instead of deadlocking.
        const subject = await handler.lock(em, peek.subjectId);
        const round = await em.findOneOrFail(ReviewRoundEntity, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
        if (!subject) throw notFound(round.subjectType, round.subjectId);
        return { round, subject, handler };
      },
      rule: ({ round, subject, handler }) =>
        planRoundDecision({ round, event, subjectStep: handler.decide(subject, event), reasons: input.reasons ?? [], allowedReasons: handler.allowedReasons as ReadonlySet<string> | undefined }),
      before: ({ round, subject }) => ({ ...round, subjectState: subject.state }),
      save: async (em, { round, subject, handler }, plan) => {
        const now = this.clock.now();
        round.status = plan.roundTo;
        round.decidedBy = viewer.subjectId!;
        round.decidedAt = now;
        round.reasons = keptReasons(input) as RejectionReason[];
        round.explanation = keptExplanation(input);
        await em.save(round);
        await handler.apply(em, subject, plan.subjectTo, now);
        await this.audit(em, round.id, event === 'APPROVE' ? ReviewAction.APPROVED : ReviewAction.REJECTED, viewer, now, {
          subjectState: { from: subject.state, to: plan.subjectTo },
          reasons: round.reasons,
          explanation: round.explanation,
        });
        if (round.subjectType === ReviewSubjectType.APP && this.notifications) await this.notifyDecision(em, round, event === 'APPROVE');
        return ok({ round, subjectState: plan.subjectTo });
      },
      audit: ({ round }, saved) => ({ entityType: 'ReviewRound', entityId: round.id, after: { ...saved.round, subjectState: saved.subjectState } }),
    }).then((r) => (r.ok ? ok(r.value.round) : r));
  }

  /** Tells an app's owner the decision of its round. */
  private async notifyDecision(em: EntityManager, round: ReviewRoundEntity, approved: boolean): Promise<void> {
    const reasons = round.reasons.length > 0 ? ` Reasons: ${round.reasons.join(', ')}.` : '';
    await this.notifications!.notify(
      em,
      round.ownerId,
      approved ? NotificationKind.APP_REVIEW_APPROVED : NotificationKind.APP_REVIEW_REJECTED,
      round.subjectId,
      approved
        ? `Your app ${round.subjectId} passed review round ${round.roundNo} and is ONLINE.`
        : `Your app ${round.subjectId} was rejected in review round ${round.roundNo}.${reasons}${round.explanation ? ` ${round.explanation}` : ''}`,
      { linkId: round.id, data: { roundId: round.id, roundNo: round.roundNo, reasons: round.reasons } },
    );
  }

  /**
   * Developer (owner) or reviewer: a message in a REJECTED round's thread. Through `change()`:
   * audited, the developer's question as the reviewer's answer (every state change is), beside the
   * round's trail (`review_event` FEEDBACK_POSTED).
   */
  async postFeedback(viewer: Viewer, roundId: string, body: string): Promise<Result<ReviewRoundEntity>> {
    const violations = checkMessage(body);
    if (violations.length > 0) return invalidInput(violations);
    return change(this.ds, this.auditLog, {
      actor: viewer,
      action: 'postReviewFeedback',
      lock: async (em) => {
        const round = isNumericId(roundId) ? await em.findOne(ReviewRoundEntity, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!round || !(isStaff(viewer) || round.ownerId === viewer.subjectId)) throw notFound('ReviewRound', roundId);
        return round;
      },
      rule: (round) => {
        const step = transition(ROUND_TRANSITIONS, round.status, 'POST_FEEDBACK', 'a review round');
        return step.ok ? ok(step.to) : invalidState(step.currentState, 'postReviewFeedback', step.message, RefusalReason.TRANSITION_NOT_ALLOWED, { status: step.currentState });
      },
      before: () => null,
      save: async (em, round) => {
        const now = this.clock.now();
        const authorRole = viewer.role === Role.DEVELOPER ? ReviewMessageAuthor.DEVELOPER : ReviewMessageAuthor.REVIEWER;
        const message = { roundId: round.id, authorId: viewer.subjectId!, authorRole, body: body.trim(), postedAt: now };
        await em.insert(ReviewMessageEntity, message);
        await this.audit(em, round.id, ReviewAction.FEEDBACK_POSTED, viewer, now, { authorRole });
        return ok({ round, message });
      },
      audit: (round, saved) => ({ entityType: 'ReviewRound', entityId: round.id, after: saved.message }),
    }).then((r) => (r.ok ? ok(r.value.round) : r));
  }

  /**
   * The subject's latest round, locked FOR UPDATE (the caller locked the subject first, the order
   * every review step keeps); null when it has none.
   */
  lockRoundOf(em: EntityManager, type: ReviewSubjectType, subjectId: string): Promise<ReviewRoundEntity | null> {
    return em.findOne(ReviewRoundEntity, { where: { subjectType: type, subjectId: String(subjectId) }, order: { roundNo: 'DESC' }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Records a workflow's decision on its locked PENDING round, in the caller's transaction: the
   * round's status, who and when, codes and explanation, and the review event. Application
   * workflows call it from their own decision, after their hooks (eligibility, strikes) ran.
   */
  async recordDecision(
    em: EntityManager,
    round: ReviewRoundEntity,
    viewer: Viewer,
    d: { approved: boolean; reasons: RejectionReason[]; explanation: string | null; subjectState: { from: string; to: string } },
  ): Promise<ReviewRoundEntity> {
    const now = this.clock.now();
    round.status = d.approved ? ReviewRoundStatus.APPROVED : ReviewRoundStatus.REJECTED;
    round.decidedBy = viewer.subjectId!;
    round.decidedAt = now;
    round.reasons = d.reasons;
    round.explanation = d.explanation;
    await em.save(round);
    await this.audit(em, round.id, d.approved ? ReviewAction.APPROVED : ReviewAction.REJECTED, viewer, now, { subjectState: d.subjectState, reasons: round.reasons, explanation: round.explanation });
    return round;
  }

  /** A round, if the viewer may see it (the subject's owner or staff); NOT_FOUND otherwise. */
  async getVisible(viewer: Viewer, roundId: string): Promise<ReviewRoundEntity> {
    const round = isNumericId(roundId) ? await this.ds.manager.findOneBy(ReviewRoundEntity, { id: roundId }) : null;
    if (!round || !(isStaff(viewer) || round.ownerId === viewer.subjectId)) throw notFound('ReviewRound', roundId);
    return round;
  }

  private async audit(em: EntityManager, roundId: string, action: ReviewAction, viewer: Viewer, at: Date, detail: Record<string, unknown>): Promise<void> {
    await em.save(Object.assign(new ReviewEventEntity(), { roundId, action, actorId: viewer.subjectId!, actorRole: viewer.role, at, detail }));
  }
}

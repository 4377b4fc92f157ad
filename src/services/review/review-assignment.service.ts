import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApplicationStatus } from '../../domain/application/application.enums';
import { isNumericId } from '../../domain/common/ids';
import { Clock } from '../../domain/common/clock';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { Role, Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { AssignmentFilter, isReviewerId, ReviewItemKind } from '../../domain/review/assignment.rule';
import { ReviewRoundStatus } from '../../domain/review/review.enums';
import { MemberCapabilityApplicationEntity, PackageApplicationEntity, ReviewAssignmentEntity, ReviewLeadEntity, ReviewRoundEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound } from '../common/errors';

/** The table behind each kind, and the status in which it is open for review. */
const ITEMS: Record<ReviewItemKind, { entity: EntityTarget<ObjectLiteral>; open: string; what: string }> = {
  [ReviewItemKind.REVIEW_ROUND]: { entity: ReviewRoundEntity, open: ReviewRoundStatus.PENDING, what: 'ReviewRound' },
  [ReviewItemKind.PACKAGE_APPLICATION]: { entity: PackageApplicationEntity, open: ApplicationStatus.PENDING, what: 'Application' },
  [ReviewItemKind.MEMBER_CAPABILITY_APPLICATION]: { entity: MemberCapabilityApplicationEntity, open: ApplicationStatus.PENDING, what: 'MemberCapabilityApplication' },
};

export interface AssignmentScope {
  readonly filter: AssignmentFilter;
  readonly viewerId: string | null;
}

export interface Released {
  readonly kind: ReviewItemKind;
  readonly itemId: string;
  readonly releasedFrom: string;
}

/**
 * Reviewer assignment (issue 18): reviewers claim and release open review rounds and package /
 * member-capability applications; leads (reviewers an operator named, and operators) assign and
 * release anyone's. Every step locks the item row first, so two concurrent claims queue and the
 * second finds the first's hold; the (kind, item) primary key backs it. Audited.
 */
export class ReviewAssignmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** A round or application due within this many working hours is flagged at risk. */
    readonly atRiskWorkingHours: number,
  ) {}

  async claim(viewer: Viewer, kind: ReviewItemKind, itemId: string): Promise<Result<ReviewAssignmentEntity>> {
    return this.ds.transaction(async (em) => {
      const refusal = await this.lockOpenItem<ReviewAssignmentEntity>(em, kind, itemId, 'claimReviewItem');
      if (refusal) return refusal;
      const held = await em.findOneBy(ReviewAssignmentEntity, { itemKind: kind, itemId });
      if (held?.assigneeId === viewer.subjectId) return ok(held);
      if (held) return invalidState<ReviewAssignmentEntity>('CLAIMED', 'claimReviewItem', `held by reviewer ${held.assigneeId}: they or a lead release it`, RefusalReason.ALREADY_CLAIMED, { assigneeId: held.assigneeId });
      const row = { itemKind: kind, itemId, assigneeId: viewer.subjectId!, assignedBy: viewer.subjectId!, assignedAt: this.clock.now() };
      await em.insert(ReviewAssignmentEntity, row);
      await this.audit.record(em, { actor: viewer, action: 'claimReviewItem', entityType: kind, entityId: itemId, before: null, after: row });
      return ok(await em.findOneByOrFail(ReviewAssignmentEntity, { itemKind: kind, itemId }));
    });
  }

  async release(viewer: Viewer, kind: ReviewItemKind, itemId: string): Promise<Result<Released>> {
    return this.ds.transaction(async (em) => {
      if (!(await this.lockItem(em, kind, itemId))) throw notFound(ITEMS[kind].what, itemId);
      const held = await em.findOneBy(ReviewAssignmentEntity, { itemKind: kind, itemId });
      if (!held) return invalidState<Released>('UNASSIGNED', 'releaseReviewItem', 'nobody holds the item', RefusalReason.NOT_CLAIMED);
      if (held.assigneeId !== viewer.subjectId && !(await this.isLead(em, viewer))) {
        return invalidState<Released>('CLAIMED', 'releaseReviewItem', `held by reviewer ${held.assigneeId}: only they or a lead release it`, RefusalReason.ALREADY_CLAIMED, { assigneeId: held.assigneeId });
      }
      await em.delete(ReviewAssignmentEntity, { itemKind: kind, itemId });
      await this.audit.record(em, { actor: viewer, action: 'releaseReviewItem', entityType: kind, entityId: itemId, before: held, after: null });
      return ok({ kind, itemId, releasedFrom: held.assigneeId });
    });
  }

  /** A lead gives an open item to a reviewer, taking it from whoever held it. */
  async assign(viewer: Viewer, kind: ReviewItemKind, itemId: string, reviewerId: string): Promise<Result<ReviewAssignmentEntity>> {
    return this.ds.transaction(async (em) => {
      if (!(await this.isLead(em, viewer))) throw forbidden('assignReviewItem is for review leads and operators');
      if (!isReviewerId(reviewerId)) return invalidInput<ReviewAssignmentEntity>([violation('reviewerId', 'BAD_REVIEWER_ID', 'a reviewer id is 1 to 64 characters')]);
      const refusal = await this.lockOpenItem<ReviewAssignmentEntity>(em, kind, itemId, 'assignReviewItem');
      if (refusal) return refusal;
      const before = await em.findOneBy(ReviewAssignmentEntity, { itemKind: kind, itemId });
      const row = { itemKind: kind, itemId, assigneeId: reviewerId.trim(), assignedBy: viewer.subjectId!, assignedAt: this.clock.now() };
      await em.upsert(ReviewAssignmentEntity, row, ['itemKind', 'itemId']);
      await this.audit.record(em, { actor: viewer, action: 'assignReviewItem', entityType: kind, entityId: itemId, before, after: row });
      return ok(await em.findOneByOrFail(ReviewAssignmentEntity, { itemKind: kind, itemId }));
    });
  }

  /** Operator: make a reviewer a lead, or not. Audited. */
  async setLead(viewer: Viewer, reviewerId: string, lead: boolean): Promise<Result<{ reviewerId: string; lead: boolean }>> {
    if (!isReviewerId(reviewerId)) return invalidInput([violation('reviewerId', 'BAD_REVIEWER_ID', 'a reviewer id is 1 to 64 characters')]);
    const id = reviewerId.trim();
    return this.ds.transaction(async (em) => {
      const before = await em.findOne(ReviewLeadEntity, { where: { reviewerId: id }, lock: { mode: 'pessimistic_write' } });
      if (lead && !before) await em.insert(ReviewLeadEntity, { reviewerId: id, grantedBy: viewer.subjectId!, grantedAt: this.clock.now() });
      if (!lead && before) await em.delete(ReviewLeadEntity, { reviewerId: id });
      await this.audit.record(em, { actor: viewer, action: 'setReviewLead', entityType: 'Reviewer', entityId: id, before: { lead: before !== null }, after: { lead } });
      return ok({ reviewerId: id, lead });
    });
  }

  /** Leads: operators, and reviewers an operator named. */
  async isLead(em: EntityManager, viewer: Viewer): Promise<boolean> {
    if (viewer.role === Role.OPERATOR) return true;
    return viewer.role === Role.REVIEWER && viewer.subjectId !== null && (await em.existsBy(ReviewLeadEntity, { reviewerId: viewer.subjectId }));
  }

  private async lockItem(em: EntityManager, kind: ReviewItemKind, itemId: string): Promise<{ status: string } | null> {
    if (!isNumericId(itemId)) return null;
    return (await em.findOne(ITEMS[kind].entity, { where: { id: itemId }, lock: { mode: 'pessimistic_write' } })) as { status: string } | null;
  }

  /** Locks the item; NOT_FOUND when missing, InvalidState when decided. */
  private async lockOpenItem<T>(em: EntityManager, kind: ReviewItemKind, itemId: string, action: string): Promise<Result<T> | null> {
    const item = await this.lockItem(em, kind, itemId);
    if (!item) throw notFound(ITEMS[kind].what, itemId);
    if (item.status !== ITEMS[kind].open) return invalidState<T>(item.status, action, `the item is ${item.status}: only open items are assigned`, RefusalReason.ITEM_NOT_OPEN, { status: item.status });
    return null;
  }
}

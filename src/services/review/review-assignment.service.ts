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
import { change, UNCHANGED } from '../common/change';

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
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'claimReviewItem',
      lock: async (em) => ({ item: await this.lockFound(em, kind, itemId), held: await em.findOneBy(ReviewAssignmentEntity, { itemKind: kind, itemId }) }),
      rule: ({ item, held }) => {
        const open = checkOpen(kind, item.status, 'claimReviewItem');
        if (!open.ok) return open;
        if (held && held.assigneeId !== viewer.subjectId) return invalidState('CLAIMED', 'claimReviewItem', `held by reviewer ${held.assigneeId}: they or a lead release it`, RefusalReason.ALREADY_CLAIMED, { assigneeId: held.assigneeId });
        return ok(held ? ('ALREADY_MINE' as const) : ('CLAIM' as const));
      },
      before: () => null,
      save: async (em, _locked, step) => {
        if (step === 'CLAIM') await em.insert(ReviewAssignmentEntity, { itemKind: kind, itemId, assigneeId: viewer.subjectId!, assignedBy: viewer.subjectId!, assignedAt: this.clock.now() });
        return ok({ step, row: await em.findOneByOrFail(ReviewAssignmentEntity, { itemKind: kind, itemId }) });
      },
      // Claiming your own item again changes nothing and records nothing.
      audit: (_locked, saved) => (saved.step === 'ALREADY_MINE' ? UNCHANGED : { entityType: kind, entityId: itemId, after: saved.row }),
    }).then((r) => (r.ok ? ok(r.value.row) : r));
  }

  async release(viewer: Viewer, kind: ReviewItemKind, itemId: string): Promise<Result<Released>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'releaseReviewItem',
      lock: async (em) => {
        await this.lockFound(em, kind, itemId);
        const held = await em.findOneBy(ReviewAssignmentEntity, { itemKind: kind, itemId });
        return { held, lead: held !== null && held.assigneeId !== viewer.subjectId ? await this.isLead(em, viewer) : false };
      },
      rule: ({ held, lead }) => {
        if (!held) return invalidState('UNASSIGNED', 'releaseReviewItem', 'nobody holds the item', RefusalReason.NOT_CLAIMED);
        if (held.assigneeId !== viewer.subjectId && !lead) return invalidState('CLAIMED', 'releaseReviewItem', `held by reviewer ${held.assigneeId}: only they or a lead release it`, RefusalReason.ALREADY_CLAIMED, { assigneeId: held.assigneeId });
        return ok(held);
      },
      before: ({ held }) => held,
      save: async (em, _locked, held) => {
        await em.delete(ReviewAssignmentEntity, { itemKind: kind, itemId });
        return ok({ kind, itemId, releasedFrom: held.assigneeId });
      },
      audit: () => ({ entityType: kind, entityId: itemId, after: null }),
    });
  }

  /** A lead gives an open item to a reviewer, taking it from whoever held it. */
  async assign(viewer: Viewer, kind: ReviewItemKind, itemId: string, reviewerId: string): Promise<Result<ReviewAssignmentEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'assignReviewItem',
      lock: async (em) => {
        if (!(await this.isLead(em, viewer))) throw forbidden('assignReviewItem is for review leads and operators');
        if (!isReviewerId(reviewerId)) return null;
        return { item: await this.lockFound(em, kind, itemId), held: await em.findOneBy(ReviewAssignmentEntity, { itemKind: kind, itemId }) };
      },
      rule: (locked) => {
        if (!locked) return invalidInput([violation('reviewerId', 'BAD_REVIEWER_ID', 'a reviewer id is 1 to 64 characters')]);
        const open = checkOpen(kind, locked.item.status, 'assignReviewItem');
        return open.ok ? ok({ itemKind: kind, itemId, assigneeId: reviewerId.trim(), assignedBy: viewer.subjectId!, assignedAt: this.clock.now() }) : open;
      },
      before: (locked) => locked?.held ?? null,
      save: async (em, _locked, row) => {
        await em.upsert(ReviewAssignmentEntity, row, ['itemKind', 'itemId']);
        return ok(await em.findOneByOrFail(ReviewAssignmentEntity, { itemKind: kind, itemId }));
      },
      audit: (_locked, row) => ({ entityType: kind, entityId: itemId, after: row }),
    });
  }

  /** Operator: make a reviewer a lead, or not. Audited. */
  async setLead(viewer: Viewer, reviewerId: string, lead: boolean): Promise<Result<{ reviewerId: string; lead: boolean }>> {
    if (!isReviewerId(reviewerId)) return invalidInput([violation('reviewerId', 'BAD_REVIEWER_ID', 'a reviewer id is 1 to 64 characters')]);
    const id = reviewerId.trim();
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'setReviewLead',
      lock: (em) => em.findOne(ReviewLeadEntity, { where: { reviewerId: id }, lock: { mode: 'pessimistic_write' } }),
      rule: () => ok(lead),
      before: (row) => ({ lead: row !== null }),
      save: async (em, row) => {
        if (lead && !row) await em.insert(ReviewLeadEntity, { reviewerId: id, grantedBy: viewer.subjectId!, grantedAt: this.clock.now() });
        if (!lead && row) await em.delete(ReviewLeadEntity, { reviewerId: id });
        return ok({ reviewerId: id, lead });
      },
      audit: () => ({ entityType: 'Reviewer', entityId: id, after: { lead } }),
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

  /** Locks the item; NOT_FOUND when missing. */
  private async lockFound(em: EntityManager, kind: ReviewItemKind, itemId: string): Promise<{ status: string }> {
    const item = await this.lockItem(em, kind, itemId);
    if (!item) throw notFound(ITEMS[kind].what, itemId);
    return item;
  }
}

/** Only open items are claimed or assigned: InvalidState ITEM_NOT_OPEN once decided. */
function checkOpen(kind: ReviewItemKind, status: string, action: string): Result<true> {
  return status === ITEMS[kind].open ? ok(true) : invalidState(status, action, `the item is ${status}: only open items are assigned`, RefusalReason.ITEM_NOT_OPEN, { status });
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { isAtRisk, ReviewItemKind } from '../../domain/review/assignment.rule';
import { ReviewRoundStatus } from '../../domain/review/review.enums';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { assignmentKey } from '../loaders/review-assignment.loader';
import { ApplicationQueueItemType, PackageApplicationType } from '../types/application.type';
import { MemberCapabilityApplicationType } from '../types/member-capability.type';
import { AssignReviewItemResult, ClaimReviewItemResult, ReleaseReviewItemResult, SetReviewLeadResult } from '../types/platform-results.type';
import { ReleasedReviewItemType, ReviewAssignmentType, ReviewLeadType, ReviewTimingType } from '../types/review-assignment.type';
import { ReviewRoundType } from '../types/review.type';
import { toPayload } from './result';

/** Reviewer assignment (issue 18): claim, release, assign; who holds each item and how close it is to due. */
@Resolver()
export class ReviewAssignmentResolver {
  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimReviewItemResult, { description: 'Reviewer: take an open item. Of two concurrent claims exactly one holds it; the other gets InvalidState CLAIMED. Claiming your own item again changes nothing' })
  async claimReviewItem(@Arg('kind', () => ReviewItemKind, { description: 'Which kind of item `id` names' }) kind: ReviewItemKind, @Arg('id', () => ID, { description: 'The pending, unheld item' }) id: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.reviewAssignments.claim(viewer, kind, id), ReviewAssignmentType.from);
  }

  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Mutation(() => ReleaseReviewItemResult, { description: 'Give an item back to the queue: its holder, or a lead' })
  async releaseReviewItem(@Arg('kind', () => ReviewItemKind, { description: 'Which kind of item `id` names' }) kind: ReviewItemKind, @Arg('id', () => ID, { description: 'The item the caller holds' }) id: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.reviewAssignments.release(viewer, kind, id), (r) => Object.assign(new ReleasedReviewItemType(), r));
  }

  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Mutation(() => AssignReviewItemResult, { description: 'Lead (a reviewer an operator named, or an operator): give an open item to a reviewer, taking it from any holder' })
  async assignReviewItem(
    @Arg('kind', () => ReviewItemKind, { description: 'Which kind of item `id` names' }) kind: ReviewItemKind,
    @Arg('id', () => ID, { description: 'Id of the pending round or application to assign' }) id: string,
    @Arg('reviewerId', () => ID, { description: 'The reviewer who will hold it' }) reviewerId: string,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.reviewAssignments.assign(viewer, kind, id, reviewerId), ReviewAssignmentType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetReviewLeadResult, { description: 'Operator: make a reviewer a lead (assigns and releases anyone\'s items), or not. Audited' })
  async setReviewLead(@Arg('reviewerId', () => ID, { description: 'Id of the reviewer made (or unmade) a lead' }) reviewerId: string, @Arg('lead', () => Boolean, { description: 'May assign items to others' }) lead: boolean, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.reviewAssignments.setLead(viewer, reviewerId, lead), (r) => Object.assign(new ReviewLeadType(), r));
  }
}

export async function assignment(kind: ReviewItemKind, id: string, { loaders }: Context): Promise<ReviewAssignmentType | null> {
  const row = await loaders.assignmentByItem.load(assignmentKey(kind, id));
  return row && ReviewAssignmentType.from(row);
}

export async function timing(open: boolean, dueAt: Date, { loaders, services }: Context): Promise<ReviewTimingType> {
  const now = services.clock.now();
  const workingHoursLeft = open ? await loaders.workingHoursLeft.load(`${now.getTime()}:${dueAt.getTime()}`) : 0;
  return { workingHoursLeft, atRisk: isAtRisk(open, now, dueAt, workingHoursLeft, services.reviewAssignments.atRiskWorkingHours) };
}

@Resolver(() => ReviewRoundType)
export class ReviewRoundAssignmentResolver {
  @FieldResolver(() => ReviewAssignmentType, { nullable: true, description: 'Who holds the round (null: nobody)' })
  assignment(@Root() r: ReviewRoundType, @Ctx() ctx: Context) {
    return assignment(ReviewItemKind.REVIEW_ROUND, r.id, ctx);
  }

  @FieldResolver(() => ReviewTimingType, { description: 'Working hours left and the at-risk flag' })
  timing(@Root() r: ReviewRoundType, @Ctx() ctx: Context) {
    return timing(r.status === ReviewRoundStatus.PENDING, r.dueAt, ctx);
  }
}

@Resolver(() => PackageApplicationType)
export class PackageApplicationAssignmentResolver {
  @FieldResolver(() => ReviewAssignmentType, { nullable: true, description: 'Who holds the application (null: nobody)' })
  assignment(@Root() a: PackageApplicationType, @Ctx() ctx: Context) {
    return assignment(ReviewItemKind.PACKAGE_APPLICATION, a.id, ctx);
  }
}

@Resolver(() => MemberCapabilityApplicationType)
export class MemberCapabilityAssignmentResolver {
  @FieldResolver(() => ReviewAssignmentType, { nullable: true, description: 'Who holds the application (null: nobody)' })
  assignment(@Root() a: MemberCapabilityApplicationType, @Ctx() ctx: Context) {
    return assignment(ReviewItemKind.MEMBER_CAPABILITY_APPLICATION, a.id, ctx);
  }
}

const queueKind = (type: string): ReviewItemKind => (type === 'PACKAGE' ? ReviewItemKind.PACKAGE_APPLICATION : ReviewItemKind.MEMBER_CAPABILITY_APPLICATION);

@Resolver(() => ApplicationQueueItemType)
export class ApplicationQueueAssignmentResolver {
  @FieldResolver(() => ReviewItemKind, { description: 'The kind to claim, release or assign it with' })
  kind(@Root() q: ApplicationQueueItemType): ReviewItemKind {
    return queueKind(q.type);
  }

  @FieldResolver(() => ReviewAssignmentType, { nullable: true, description: 'Who holds the application (null: nobody)' })
  assignment(@Root() q: ApplicationQueueItemType, @Ctx() ctx: Context) {
    return assignment(queueKind(q.type), q.id, ctx);
  }

  @FieldResolver(() => ReviewTimingType, { description: 'Working hours left and the at-risk flag' })
  timing(@Root() q: ApplicationQueueItemType, @Ctx() ctx: Context) {
    return timing(true, q.dueAt, ctx);
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { AssignmentFilter, ReviewItemKind } from '../../domain/review/assignment.rule';
import { decodeQueuePosition, encodeQueuePosition, ReviewItem, reviewItemOf } from '../../domain/review/review-item';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { Result } from '../../domain/common/result';
import { DecideReviewItemResult } from '../types/results.type';
import { toPayload } from './result';
import { PAGE_DEFAULT, PAGE_MAX } from '../../services/common/pagination';
import { Services } from '../../services';
import { Context } from '../context';
import { PackageApplicationType } from '../types/application.type';
import { MemberCapabilityApplicationType } from '../types/member-capability.type';
import { ReviewAssignmentType, ReviewTimingType } from '../types/review-assignment.type';
import { DecideReviewItemInput, ReviewItemConnectionType, ReviewItemType } from '../types/review-item.type';
import { ReviewRoundType } from '../types/review.type';
import { assignment, timing } from './review-assignment.resolver';
import { toConnection } from './connection';
import { badUserInput } from './result';

export interface QueueArgs {
  readonly kinds: readonly ReviewItemKind[];
  readonly first: number | null;
  readonly after: string | null;
  readonly tagCode: string | null;
  readonly assigned: AssignmentFilter;
}

/**
 * One page of the reviewer queue for `reviewerQueue` and its deprecated aliases: `first` within the
 * API's one bound and `after` a cursor of this queue (both named when wrong), then the service's
 * keyset page.
 */
export async function readReviewerQueue(services: Services, viewer: Viewer, args: QueueArgs): Promise<{ items: ReviewItem[]; hasNextPage: boolean; totalCount: number }> {
  const limit = args.first ?? PAGE_DEFAULT;
  const position = args.after ? decodeQueuePosition(args.after) : null;
  const violations = [
    ...(Number.isInteger(limit) && limit >= 1 && limit <= PAGE_MAX ? [] : [violation('first', 'OUT_OF_RANGE', `first must be 1 to ${PAGE_MAX}`)]),
    ...(args.after && !position ? [violation('after', 'INVALID_CURSOR', 'after is not a cursor of the reviewer queue')] : []),
  ];
  if (violations.length > 0) throw badUserInput(violations);
  return services.reviewerQueue.page({ kinds: args.kinds, tagCode: args.tagCode, limit, after: position, assignment: { filter: args.assigned, viewerId: viewer.subjectId } });
}

/** A queue item's cursor: its position in the queue. */
export const queueCursor = (item: ReviewItem): string => encodeQueuePosition(item);

@Resolver(() => ReviewItemType)
export class ReviewerQueueResolver {
  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Query(() => ReviewItemConnectionType, { description: 'The reviewer queue of every workflow: pending review rounds, package applications and member-capability applications, earliest due first (then earliest submitted), overdue ones flagged' })
  async reviewerQueue(
    @Arg('kind', () => ReviewItemKind, { nullable: true, description: 'Only items of this kind; omit for every kind' }) kind: ReviewItemKind | null,
    @Arg('first', () => Int, { nullable: true, description: `How many items to return: 1 to ${PAGE_MAX} (default ${PAGE_DEFAULT})` }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Arg('tagCode', () => ID, { nullable: true, description: "Only items of apps with this tag (app rounds and package applications; member-capability applications have no tag)" }) tagCode: string | null,
    @Arg('assigned', () => AssignmentFilter, { defaultValue: AssignmentFilter.ALL, description: 'MINE, UNASSIGNED or ALL' }) assigned: AssignmentFilter,
    @Ctx() { viewer, services, now }: Context,
  ) {
    const { items, hasNextPage, totalCount } = await readReviewerQueue(services, viewer, { kinds: kind ? [kind] : [], first, after, tagCode, assigned });
    const byKey = new Map(items.map((i) => [`${i.kind}:${i.id}`, i]));
    return { ...toConnection(items.map((i) => ReviewItemType.from(i, now)), hasNextPage, (n) => n, (n) => queueCursor(byKey.get(n.id)!)), totalCount };
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => DecideReviewItemResult, {
    description:
      "Reviewer: one decision input for every workflow. A round is decided as decideReview does, a package application as decideApplication (eligibility measured again), a member-capability application as decideMemberCapabilityApplication (strikes counted); each is audited under that mutation's name",
  })
  async decideReviewItem(@Arg('input', () => DecideReviewItemInput, { description: 'The item, the decision, its codes and explanation' }) input: DecideReviewItemInput, @Ctx() { viewer, services, now }: Context) {
    const decision = { decision: input.decision, reasons: input.reasons ?? [], explanation: input.explanation ?? null };
    const view = (item: ReviewItem) => ReviewItemType.from(item, now);
    const decided: Result<ReviewItem> = await (async () => {
      if (input.kind === ReviewItemKind.PACKAGE_APPLICATION) {
        const r = await services.packageApplications.decide(viewer, input.itemId, decision);
        return r.ok ? { ok: true as const, value: reviewItemOf(r.value.round!, { subject: r.value.packageCode, appId: String(r.value.appId) }) } : r;
      }
      if (input.kind === ReviewItemKind.MEMBER_CAPABILITY_APPLICATION) {
        const r = await services.memberCapabilities.decide(viewer, input.itemId, decision);
        return r.ok ? { ok: true as const, value: reviewItemOf(r.value.round!, { subject: r.value.categoryCode, appId: null }) } : r;
      }
      const r = await services.reviews.decide(viewer, input.itemId, decision);
      return r.ok ? { ok: true as const, value: reviewItemOf(r.value, { subject: r.value.subjectId, appId: r.value.subjectType === ReviewSubjectType.APP ? r.value.subjectId : null }) } : r;
    })();
    return toPayload(decided, view);
  }

  @FieldResolver(() => ReviewRoundType, { nullable: true, description: 'The review round (REVIEW_ROUND items); null for applications' })
  async round(@Root() item: ReviewItemType, @Ctx() { loaders }: Context): Promise<ReviewRoundType | null> {
    if (item.kind !== ReviewItemKind.REVIEW_ROUND) return null;
    const round = await loaders.reviewRoundById.load(item.itemId);
    return round && ReviewRoundType.from(round);
  }

  @FieldResolver(() => PackageApplicationType, { nullable: true, description: 'The package application (PACKAGE_APPLICATION items); null otherwise' })
  async packageApplication(@Root() item: ReviewItemType, @Ctx() { loaders }: Context): Promise<PackageApplicationType | null> {
    if (item.kind !== ReviewItemKind.PACKAGE_APPLICATION) return null;
    const a = await loaders.packageApplicationById.load(item.itemId);
    return a && PackageApplicationType.from(a);
  }

  @FieldResolver(() => MemberCapabilityApplicationType, { nullable: true, description: 'The member-capability application (MEMBER_CAPABILITY_APPLICATION items); null otherwise' })
  async memberCapabilityApplication(@Root() item: ReviewItemType, @Ctx() { loaders }: Context): Promise<MemberCapabilityApplicationType | null> {
    if (item.kind !== ReviewItemKind.MEMBER_CAPABILITY_APPLICATION) return null;
    const a = await loaders.memberCapabilityApplicationById.load(item.itemId);
    return a && MemberCapabilityApplicationType.from(a);
  }

  @FieldResolver(() => ReviewAssignmentType, { nullable: true, description: 'Who holds the item (null: nobody)' })
  assignment(@Root() item: ReviewItemType, @Ctx() ctx: Context) {
    return assignment(item.kind, item.itemId, ctx);
  }

  @FieldResolver(() => ReviewTimingType, { description: 'Working hours left and the at-risk flag' })
  timing(@Root() item: ReviewItemType, @Ctx() ctx: Context) {
    return timing(item.status === 'PENDING', item.dueAt, ctx);
  }
}

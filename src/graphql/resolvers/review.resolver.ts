import { isPendingOverdue } from '../../domain/review/review-queue.rule';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { ReviewRoundStatus, ReviewSubjectType } from '../../domain/review/review.enums';
import { REVIEW_MESSAGE_ORDER, REVIEW_ROUND_ORDER } from '../loaders/review.loader';
import { ConnectionArgs } from '../types/connection.type';
import { ReviewMessageConnectionType } from '../types/connections.type';
import { ReviewItem } from '../../domain/review/review-item';
import { queueCursor, readReviewerQueue } from './reviewer-queue.resolver';
import { Context } from '../context';
import { AssignmentFilter, ReviewItemKind } from '../../domain/review/assignment.rule';
import '../types/review-assignment.type';
import { keysetArgs, keysetConnection, toConnection } from './connection';
import { AppType } from '../types/app.type';
import { DecideReviewResult, PostReviewFeedbackResult, SubmitAppForReviewResult } from '../types/results.type';
import { DecideReviewInput, ReviewMessageType, ReviewRoundConnectionType, ReviewRoundType } from '../types/review.type';
import { toPayload } from './result';

@Resolver(() => ReviewRoundType)
export class ReviewResolver {
  @Authorized(Role.DEVELOPER)
  @Mutation(() => SubmitAppForReviewResult, { description: "Developer: submits the caller's DEVELOPING or REJECTED app; opens a round due in 3 working days" })
  async submitAppForReview(@Arg('appId', () => ID, { description: "The caller's DEVELOPING or REJECTED app" }) appId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.reviews.submitApp(viewer, appId), ReviewRoundType.from);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => DecideReviewResult, { description: 'Reviewer: approves (app ONLINE) or rejects (app REJECTED, with reasons and explanation) a pending round, once' })
  async decideReview(@Arg('input', () => DecideReviewInput, { description: 'The round and the decision' }) input: DecideReviewInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.reviews.decide(viewer, input.roundId, input), ReviewRoundType.from);
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER)
  @Mutation(() => PostReviewFeedbackResult, { description: "A message in a rejected round's thread: the app's developer asks, reviewers answer" })
  async postReviewFeedback(@Arg('roundId', () => ID, { description: "A rejected round of the caller's" }) roundId: string, @Arg('message', () => String, { description: "The developer's question or the reviewer's answer, kept in the round's thread" }) message: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.reviews.postFeedback(viewer, roundId, message), ReviewRoundType.from);
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => ReviewRoundType, { description: "A review round: the subject's developer and staff may read it; anyone else gets NOT_FOUND" })
  async reviewRound(@Arg('id', () => ID, { description: 'Id of the round to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<ReviewRoundType> {
    return ReviewRoundType.from(await services.reviews.getVisible(viewer, id));
  }

  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Query(() => ReviewRoundConnectionType, {
    description: 'Pending rounds, earliest due first (overdue ones first of all), optionally of one tag',
    deprecationReason: 'Use reviewerQueue(kind: REVIEW_ROUND); this alias is removed in the next release',
  })
  async reviewQueue(
    @Arg('first', () => Int, { nullable: true, description: 'How many rounds to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Arg('tagCode', () => ID, { nullable: true, description: 'Only rounds of apps with this tag' }) tagCode: string | null,
    @Arg('assigned', () => AssignmentFilter, { defaultValue: AssignmentFilter.ALL, description: 'MINE, UNASSIGNED or ALL (issue 18)' }) assigned: AssignmentFilter,
    @Ctx() { viewer, services, loaders }: Context,
  ): Promise<ReviewRoundConnectionType> {
    const { items, hasNextPage, totalCount } = await readReviewerQueue(services, viewer, { kinds: [ReviewItemKind.REVIEW_ROUND], first, after, tagCode, assigned });
    const rounds = await Promise.all(items.map(async (i) => ({ item: i, round: await loaders.reviewRoundById.load(i.id) })));
    const found = rounds.filter((r): r is { item: ReviewItem; round: NonNullable<typeof r.round> } => r.round !== null);
    return { ...toConnection(found.map((r) => ({ id: r.item.id, ...r })), hasNextPage, (r) => ReviewRoundType.from(r.round), (r) => queueCursor(r.item)), totalCount };
  }

  @FieldResolver(() => Boolean, { description: 'Pending and past its due time' })
  overdue(@Root() round: ReviewRoundType, @Ctx() { now }: Context): boolean {
    return isPendingOverdue(round.status === ReviewRoundStatus.PENDING, round.dueAt, now);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Pending rounds: working days after today up to the due day (0 on the due day, negative once overdue); null once decided' })
  async workingDaysLeft(@Root() round: ReviewRoundType, @Ctx() { now, loaders }: Context): Promise<number | null> {
    if (round.status !== ReviewRoundStatus.PENDING) return null;
    return loaders.workingDaysLeft.load(`${now.getTime()}:${round.dueAt.getTime()}`);
  }

  @FieldResolver(() => ReviewMessageConnectionType, { description: 'The feedback thread, oldest first: a connection, as a thread grows with every question and answer (no rule bounds it)' })
  async thread(@Root() round: ReviewRoundType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { loaders }: Context) {
    const { limit, after } = keysetArgs(args, REVIEW_MESSAGE_ORDER);
    return keysetConnection(await loaders.reviewMessagePagesByRound.load({ parentId: round.id, limit, after }), REVIEW_MESSAGE_ORDER, ReviewMessageType.from);
  }

  @FieldResolver(() => AppType, { nullable: true, description: 'The app under review (APP rounds)' })
  async app(@Root() round: ReviewRoundType, @Ctx() { loaders }: Context): Promise<AppType | null> {
    if (round.subjectType !== ReviewSubjectType.APP) return null;
    const app = await loaders.appById.load(round.subjectId);
    return app && AppType.from(app);
  }
}

@Resolver(() => AppType)
export class AppReviewResolver {
  @FieldResolver(() => ReviewRoundConnectionType, { description: "The app's review history, newest round first, each with its reasons and thread" })
  async reviewRounds(
    @Root() app: AppType,
    @Arg('first', () => Int, { nullable: true, description: 'How many rounds to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<ReviewRoundConnectionType> {
    const page = keysetArgs({ first, after }, REVIEW_ROUND_ORDER);
    return keysetConnection(await loaders.reviewRoundPagesByApp.load({ parentId: String(app.id), limit: page.limit, after: page.after }), REVIEW_ROUND_ORDER, ReviewRoundType.from);
  }

  @FieldResolver(() => ReviewRoundType, { nullable: true, description: "The app's latest review round (pending or decided); null if never submitted" })
  async latestReviewRound(@Root() app: AppType, @Ctx() { loaders }: Context): Promise<ReviewRoundType | null> {
    const [latest] = (await loaders.reviewRoundPagesByApp.load({ parentId: String(app.id), limit: 1, after: null })).rows;
    return latest ? ReviewRoundType.from(latest) : null;
  }
}

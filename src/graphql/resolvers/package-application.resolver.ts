import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Args } from 'type-graphql';
import { ReviewDecision } from '../../domain/review/review.enums';
import { TrafficMode } from '../../domain/catalog/catalog.enums';
import { Role } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { Context } from '../context';
import { AssignmentFilter, ReviewItemKind } from '../../domain/review/assignment.rule';
import { readReviewerQueue } from './reviewer-queue.resolver';
import '../types/review-assignment.type';
import { ApplicationQueueItemType, PackageApplicationType, PendingApplicationType, TrafficPackageEligibilityType } from '../types/application.type';
import { AppType } from '../types/app.type';
import { EligibilityRuleType } from '../types/refusal.type';
import { ApplyForTrafficPackageResult, ApplyForValueAddedPackageResult, DecideApplicationResult } from '../types/results.type';
import { badUserInput, toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { keysetArgs, keysetConnection } from './connection';
import { PACKAGE_APPLICATION_ORDER } from '../../services/application/package-application.service';
import { PackageApplicationConnectionType } from '../types/connections.type';

@Resolver()
export class PackageApplicationResolver {
  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => TrafficPackageEligibilityType, { description: "Every traffic-package rule with its measured figure and threshold, for the app's next rung (owner or staff)" })
  async trafficPackageEligibility(@Arg('appId', () => ID, { description: 'Id of the app whose next rung is checked' }) appId: string, @Ctx() { viewer, services }: Context): Promise<TrafficPackageEligibilityType> {
    const e = await services.packageApplications.trafficEligibility(viewer, appId);
    return {
      appId: String(e.app.id),
      eligible: e.eligible,
      currentQuota: e.currentQuota,
      nextRung: e.nextRung,
      nextRungPackageCode: e.nextRungPackage?.code ?? null,
      windowFrom: e.window.from,
      windowTo: e.window.to,
      rules: e.checks.map((c) => Object.assign(new EligibilityRuleType(), c)),
      offlineChannel: e.tag.trafficMode === TrafficMode.LADDER ? null : (e.tag.trafficNote ?? e.tag.trafficMode),
    };
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ApplyForTrafficPackageResult, { description: "Applies for the next rung of the app's traffic ladder; refused with every failed rule" })
  async applyForTrafficPackage(@Arg('appId', () => ID, { description: "The caller's ONLINE app on a LADDER tag" }) appId: string, @Arg('packageCode', () => ID, { description: "The traffic package: only the next rung of the tag's ladder" }) packageCode: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.packageApplications.applyForTrafficPackage(viewer, appId, packageCode), PackageApplicationType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ApplyForValueAddedPackageResult, { description: 'Applies for a value-added package; EMAIL-channel packages answer OfflineChannel with the address and materials' })
  async applyForValueAddedPackage(@Arg('appId', () => ID, { description: "Id of the caller's app applying" }) appId: string, @Arg('packageCode', () => ID, { description: "A value-added package applicable to the app's tag" }) packageCode: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.packageApplications.applyForValueAddedPackage(viewer, appId, packageCode), PackageApplicationType.from);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => DecideApplicationResult, { description: 'Reviewer: approve (eligibility re-checked) or reject with a reason a PENDING package application' })
  async decideApplication(
    @Arg('id', () => ID, { description: 'The pending package application' }) id: string,
    @Arg('decision', () => ReviewDecision, { description: 'APPROVE (the rules are checked again) or REJECT' }) decision: ReviewDecision,
    @Arg('reason', () => String, { nullable: true, description: 'Why it is rejected; required with REJECT' }) reason: string | null,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.packageApplications.decide(viewer, id, { decision, explanation: reason }, { reasons: 'reasons', explanation: 'reason' }), PackageApplicationType.from);
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => PackageApplicationType, { description: "A package application: its app's owner and staff; NOT_FOUND to anyone else" })
  async packageApplication(@Arg('id', () => ID, { description: 'Id of the application to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<PackageApplicationType> {
    return PackageApplicationType.from(await services.packageApplications.getVisible(viewer, id));
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => PackageApplicationConnectionType, { description: "An app's package applications, newest first (owner or staff)" })
  async appPackageApplications(@Arg('appId', () => ID, { description: 'Id of the app whose applications to list' }) appId: string, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const { limit, after } = keysetArgs(page, PACKAGE_APPLICATION_ORDER);
    return keysetConnection(await services.packageApplications.pageForApp(viewer, appId, limit, after), PACKAGE_APPLICATION_ORDER, PackageApplicationType.from);
  }

  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Query(() => [ApplicationQueueItemType], {
    description: 'Pending package and member-capability applications, earliest due first; overdue ones flagged',
    deprecationReason: 'Use reviewerQueue (kind PACKAGE_APPLICATION or MEMBER_CAPABILITY_APPLICATION, or none); this alias is removed in the next release',
  })
  async applicationReviewQueue(
    @Arg('first', () => Int, { nullable: true, description: 'How many items to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('assigned', () => AssignmentFilter, { defaultValue: AssignmentFilter.ALL, description: 'MINE, UNASSIGNED or ALL (issue 18)' }) assigned: AssignmentFilter,
    @Ctx() { viewer, services, now }: Context,
  ): Promise<ApplicationQueueItemType[]> {
    const kinds = [ReviewItemKind.PACKAGE_APPLICATION, ReviewItemKind.MEMBER_CAPABILITY_APPLICATION];
    const { items } = await readReviewerQueue(services, viewer, { kinds, first, after: null, tagCode: null, assigned });
    return items.map((i) => ApplicationQueueItemType.from(i, now));
  }
}

@Resolver(() => AppType)
export class AppPendingApplicationResolver {
  @FieldResolver(() => [PendingApplicationType], {
    description:
      "The app's pending traffic and value-added package applications, earliest due first. A list, not a connection: at most one pending traffic application per app (DOMAIN §2.3 rule 1, NO_PENDING_APPLICATION) and one pending application per value-added package (NO_PENDING_APPLICATION of the value-added rule), so at most 1 + the value-added packages with an online application (one today, Wangwang chat history, DOMAIN §2.4)",
  })
  async pendingApplications(@Root() app: AppType, @Ctx() { loaders, now }: Context): Promise<PendingApplicationType[]> {
    return (await loaders.pendingPackageApplicationsByApp.load(String(app.id))).map((p) => PendingApplicationType.from(p, now));
  }
}

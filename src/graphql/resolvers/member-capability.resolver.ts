import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Args } from 'type-graphql';
import { DeveloperType } from '../types/developer.type';
import { PendingApplicationType } from '../types/application.type';
import { ReviewDecision } from '../../domain/review/review.enums';
import { Role } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { Context } from '../context';
import { MemberCapabilityRejection } from '../types/enums';
import {
  CapabilityCategoryType,
  MemberCapabilityApplicationInput,
  MemberCapabilityApplicationType,
  MemberCapabilityStandingType,
  UpsertCapabilityCategoryInput,
} from '../types/member-capability.type';
import { ApplyForMemberCapabilityResult, DecideMemberCapabilityApplicationResult, UpsertCapabilityCategoryResult } from '../types/results.type';
import { badUserInput, toPayload } from './result';
import { LiftMemberCapabilityBarResult } from '../types/mutation-results.type';
import { ConnectionArgs } from '../types/connection.type';
import { CapabilityCategoryConnectionType, MemberCapabilityApplicationConnectionType, PendingApplicationConnectionType } from '../types/connections.type';
import { PENDING_CAPABILITY_ORDER } from '../loaders/application.loader';
import { CAPABILITY_CATEGORY_ORDER } from '../../services/catalog/catalog.service';
import { readPageArgs } from '../../services/common/pagination';
import { keysetArgs, keysetConnection, toConnection } from './connection';

@Resolver()
export class MemberCapabilityResolver {
  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => CapabilityCategoryConnectionType, { description: 'The categories that may apply for member open capabilities (developers and staff), by code; operators add categories, so it pages' })
  async capabilityCategories(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { services }: Context) {
    const { limit, after } = keysetArgs(page, CAPABILITY_CATEGORY_ORDER);
    return keysetConnection(await services.catalog.pageCapabilityCategories(limit, after), CAPABILITY_CATEGORY_ORDER, CapabilityCategoryType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UpsertCapabilityCategoryResult, { description: 'Operator: create or change a capability category (custom only or not)' })
  async upsertCapabilityCategory(@Arg('input', () => UpsertCapabilityCategoryInput, { description: 'The category: an existing code replaces it' }) input: UpsertCapabilityCategoryInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.memberCapabilities.upsertCategory(viewer, input), CapabilityCategoryType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ApplyForMemberCapabilityResult, { description: 'Applies for member open capabilities: missing material is InvalidInput; failed thresholds are NotEligible' })
  async applyForMemberCapability(@Arg('input', () => MemberCapabilityApplicationInput, { description: 'The required material (DOMAIN §4): product kind and build, target merchants, ISV contact, demo, permissions and scenario' }) input: MemberCapabilityApplicationInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.memberCapabilities.apply(viewer, input), MemberCapabilityApplicationType.from);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => DecideMemberCapabilityApplicationResult, { description: 'Reviewer: approve, or reject with codes (a mindset code is a strike; the third bars the developer)' })
  async decideMemberCapabilityApplication(
    @Arg('id', () => ID, { description: 'Id of the PENDING member-capability application' }) id: string,
    @Arg('decision', () => ReviewDecision, { description: 'APPROVE, or REJECT with rejection codes and a note' }) decision: ReviewDecision,
    @Arg('rejectionCodes', () => [MemberCapabilityRejection], { nullable: true, description: 'REJECT: one or more codes (the first three count as strikes)' }) rejectionCodes: MemberCapabilityRejection[] | null,
    @Arg('note', () => String, { nullable: true, description: 'The explanation; required with REJECT' }) note: string | null,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.memberCapabilities.decide(viewer, id, { decision, reasons: rejectionCodes ?? [], explanation: note }, { reasons: 'rejectionCodes', explanation: 'note' }), MemberCapabilityApplicationType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => LiftMemberCapabilityBarResult, { description: "Operator: lifts a developer's bar on member-capability applications; strikes start again from 0" })
  async liftMemberCapabilityBar(@Arg('developerId', () => ID, { description: 'Id of the developer barred after 3 non-compliant rejections' }) developerId: string, @Ctx() { viewer, services }: Context): Promise<typeof LiftMemberCapabilityBarResult> {
    return MemberCapabilityStandingType.from(await services.memberCapabilities.liftBar(viewer, developerId));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => MemberCapabilityStandingType, { description: "The caller's strikes and bar" })
  async myMemberCapabilityStanding(@Ctx() { viewer, services }: Context): Promise<MemberCapabilityStandingType> {
    return MemberCapabilityStandingType.from(await services.memberCapabilities.standing(viewer.subjectId!));
  }

  @Authorized(Role.REVIEWER, Role.OPERATOR)
  @Query(() => MemberCapabilityStandingType, { description: "A developer's strikes and bar (staff)" })
  async memberCapabilityStanding(@Arg('developerId', () => ID, { description: 'Id of the developer whose strikes and bar to read' }) developerId: string, @Ctx() { services }: Context): Promise<MemberCapabilityStandingType> {
    return MemberCapabilityStandingType.from(await services.memberCapabilities.standing(developerId));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => MemberCapabilityApplicationConnectionType, { description: "The caller's member-capability applications, newest first" })
  async myMemberCapabilityApplications(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const args = readPageArgs(page);
    if (Array.isArray(args)) throw badUserInput(args);
    const [rows, totalCount] = await Promise.all([services.memberCapabilities.listOwn(viewer.subjectId!, args.limit + 1, args.beforeId), services.memberCapabilities.countOwn(viewer.subjectId!)]);
    return { ...toConnection(rows.slice(0, args.limit), rows.length > args.limit, MemberCapabilityApplicationType.from), totalCount };
  }

  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => MemberCapabilityApplicationType, { description: 'A member-capability application: its developer and staff; NOT_FOUND to anyone else' })
  async memberCapabilityApplication(@Arg('id', () => ID, { description: 'Id of the application to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<MemberCapabilityApplicationType> {
    return MemberCapabilityApplicationType.from(await services.memberCapabilities.getVisible(viewer, id));
  }
}

@Resolver(() => DeveloperType)
export class DeveloperPendingApplicationResolver {
  @FieldResolver(() => PendingApplicationConnectionType, { description: "The developer's pending member-capability applications, earliest due first (package applications are on each App): a connection, as no rule bounds how many a developer has pending (one per category and app is not a rule of the domain)" })
  async pendingMemberCapabilityApplications(@Root() developer: DeveloperType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { loaders, now }: Context) {
    const { limit, after } = keysetArgs(args, PENDING_CAPABILITY_ORDER);
    return keysetConnection(await loaders.pendingCapabilityPagesByDeveloper.load({ parentId: developer.id, limit, after }), PENDING_CAPABILITY_ORDER, (p) => PendingApplicationType.from(p, now));
  }
}

import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Args } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { PartnerGrantType } from '../types/partner.type';
import { GrantPartnerAccessResult, RevokePartnerAccessResult } from '../types/results.type';
import { toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { keysetArgs, keysetConnection } from './connection';
import { GRANT_ORDER } from '../../services/partner/partner-access.service';
import { PartnerGrantConnectionType } from '../types/connections.type';

/** The developer's side of partner access: grant, revoke, list. */
@Resolver(() => PartnerGrantType)
export class PartnerAccessResolver {
  @Authorized(Role.DEVELOPER)
  @Query(() => PartnerGrantConnectionType, { description: "The caller's partner grants, active and revoked, newest first" })
  async myPartnerGrants(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const { limit, after } = keysetArgs(page, GRANT_ORDER);
    return keysetConnection(await services.partners.pageForDeveloper(viewer.subjectId!, limit, after), GRANT_ORDER, PartnerGrantType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => GrantPartnerAccessResult, { description: "Lets an integration partner read the caller's apps (and, as they land, reviews, package applications and bills); audited" })
  async grantPartnerAccess(@Arg('partnerId', () => ID, { description: "The integration partner given read access to the caller's data" }) partnerId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.partners.grant(viewer, partnerId), PartnerGrantType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => RevokePartnerAccessResult, { description: "Ends a partner's access at once; audited" })
  async revokePartnerAccess(@Arg('partnerId', () => ID, { description: 'The partner whose access ends' }) partnerId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.partners.revoke(viewer, partnerId), PartnerGrantType.from);
  }
}

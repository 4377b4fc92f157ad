import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Args } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { Role } from '../../domain/common/role';
import { readPageArgs } from '../../services/common/pagination';
import { Context } from '../context';
import { toConnection } from './connection';
import { AppConnectionType, AppType } from '../types/app.type';
import { PartnerDeveloperType } from '../types/partner.type';
import { PackageApplicationType } from '../types/application.type';
import { BillConnectionType, BillType } from '../types/billing.type';
import { badUserInput } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { keysetArgs, keysetConnection } from './connection';
import { GRANTOR_ORDER } from '../../services/partner/partner-access.service';
import { PackageApplicationConnectionType, PartnerDeveloperConnectionType } from '../types/connections.type';
import { DEVELOPER_PACKAGE_APPLICATION_ORDER } from '../loaders/application.loader';

/**
 * What an integration partner reads. The grant is checked once, at the root
 * (`partnerDeveloper`, `partnerDevelopers`); the data hangs off PartnerDeveloper as field
 * resolvers. To expose more (review status, package applications, bills), add a
 * `@FieldResolver` on `PartnerDeveloperType` (here or in the feature's own resolver) that reads
 * by `developer.id`, then add the field to a document in src/partner-operations/.
 */
@Resolver(() => PartnerDeveloperType)
export class PartnerResolver {
  @Authorized(Role.PARTNER)
  @Query(() => PartnerDeveloperConnectionType, { description: 'Partner: the developers that grant the caller access now' })
  async partnerDevelopers(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const { limit, after } = keysetArgs(page, GRANTOR_ORDER);
    return keysetConnection(await services.partners.pageGrantorsOf(viewer.subjectId!, limit, after), GRANTOR_ORDER, (grant) => PartnerDeveloperType.from(grant.developer!, grant));
  }

  @Authorized(Role.PARTNER)
  @Query(() => PartnerDeveloperType, { description: 'Partner: one developer that grants the caller access; any other id answers NOT_FOUND' })
  async partnerDeveloper(@Arg('id', () => ID, { description: 'Id of a developer that granted the caller access' }) id: string, @Ctx() { viewer, services }: Context): Promise<PartnerDeveloperType> {
    const { developer, grant } = await services.partners.authorizedDeveloper(viewer.subjectId!, id);
    return PartnerDeveloperType.from(developer, grant);
  }

  // NOTE: one query per parent. Partners run only manifest documents, which read `apps` under a
  // single `partnerDeveloper`; no reachable document lists apps for many developers at once.
  @FieldResolver(() => AppConnectionType, { description: "The developer's apps, newest first, with status and today's quota" })
  async apps(
    @Root() developer: PartnerDeveloperType,
    @Arg('first', () => Int, { nullable: true, description: 'How many apps to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { services }: Context,
  ): Promise<AppConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const { rows, hasNextPage, totalCount } = await services.apps.listOwn(developer.id, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, AppType.from), totalCount };
  }

  @FieldResolver(() => PackageApplicationConnectionType, { description: "The developer's traffic and value-added package applications, newest first: a connection, as every application and re-application adds one" })
  async packageApplications(@Root() developer: PartnerDeveloperType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { loaders }: Context) {
    const { limit, after } = keysetArgs(args, DEVELOPER_PACKAGE_APPLICATION_ORDER);
    const page = await loaders.packageApplicationIdPagesByDeveloper.load({ parentId: developer.id, limit, after });
    const found = await loaders.packageApplicationById.loadMany(page.rows.map((r) => r.id));
    const rows = found.flatMap((a) => (a instanceof Error || !a ? [] : [a]));
    return keysetConnection({ ...page, rows }, DEVELOPER_PACKAGE_APPLICATION_ORDER, PackageApplicationType.from);
  }

  @FieldResolver(() => BillConnectionType, { description: "The developer's bills for a period (a Taobao day YYYY-MM-DD or a Douyin month YYYY-MM), with their lines" })
  async bills(
    @Root() developer: PartnerDeveloperType,
    @Arg('period', () => String, { description: 'The period: a Beijing date YYYY-MM-DD or month YYYY-MM' }) period: string,
    @Arg('platform', () => BillingPlatform, { nullable: true, description: 'Only bills of this platform' }) platform: BillingPlatform | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many bills to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { services }: Context,
  ): Promise<BillConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    // NOTE: the grant was checked at the root; the bills are read as their developer sees them.
    const asDeveloper = { role: Role.DEVELOPER, subjectId: developer.id };
    const { rows, hasNextPage, totalCount } = await services.bills.list(asDeveloper, { period, platform }, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, BillType.from), totalCount };
  }
}

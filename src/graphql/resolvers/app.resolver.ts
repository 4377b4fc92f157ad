import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { TagPackageRole } from '../../domain/catalog/catalog.enums';
import { Role } from '../../domain/common/role';
import { readPageArgs } from '../../services/common/pagination';
import { PackageEntity } from '../../db/entities';
import { Context } from '../context';
import { toConnection } from './connection';
import { quotaTodayOf } from './quota-today';
import { AppConnectionType, AppType, CreateAppInput, QuotaTodayType, UpdateAppInput } from '../types/app.type';
import { PackageType, TagType } from '../types/catalog.type';
import { CreateAppResult, UpdateAppResult } from '../types/results.type';
import { badUserInput, toPayload } from './result';

@Resolver(() => AppType)
export class AppResolver {
  @Authorized(Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR)
  @Query(() => AppType, { description: 'An app: its owner, reviewers and operators may read it; anyone else gets NOT_FOUND' })
  async app(@Arg('id', () => ID, { description: 'Id of the app to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<AppType> {
    return AppType.from(await services.apps.getVisible(viewer, id));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => AppConnectionType, { description: "The caller's apps, newest first" })
  async myApps(
    @Arg('first', () => Int, { nullable: true, description: 'How many apps to return: 1 to 100 (default 20)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after: the endCursor of the page read before; omit for the first page' }) after: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<AppConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const ownerId = viewer.subjectId!;
    const { rows, hasNextPage, totalCount } = await services.apps.listOwn(ownerId, page.limit, page.beforeId);
    return { ...toConnection(rows, hasNextPage, AppType.from), totalCount };
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => CreateAppResult, { description: 'Registers a new app in DEVELOPING with a generated appkey' })
  async createApp(@Arg('input', () => CreateAppInput, { description: "The new app's details" }) input: CreateAppInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.apps.create(viewer, input), AppType.created);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => UpdateAppResult, { description: "Edits the caller's app (not while IN_REVIEW or SUSPENDED)" })
  async updateApp(@Arg('id', () => ID, { description: "Id of the caller's app (not while IN_REVIEW or SUSPENDED)" }) id: string, @Arg('input', () => UpdateAppInput, { description: 'The fields to change; omitted ones stay' }) input: UpdateAppInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.apps.update(viewer, id, input), AppType.from);
  }

  @FieldResolver(() => TagType, { description: "The app's tag: sets its development-test and default online quotas and its package ladder" })
  async tag(@Root() app: AppType, @Ctx() { loaders }: Context): Promise<TagType> {
    return TagType.from((await loaders.tagByCode.load(app.tagCode))!);
  }

  @FieldResolver(() => [PackageType], { description: "Value-added packages the app has: its tag's defaults, then those granted by approved applications" })
  async packages(@Root() app: AppType, @Ctx() { loaders }: Context): Promise<PackageType[]> {
    const granted = app.grantedPackages ?? [];
    // Apps with no granted package (most) skip the package lookup.
    const [links, grantedPkgs] = await Promise.all([loaders.packagesByTag.load(app.tagCode), granted.length ? loaders.packageByCode.loadMany(granted) : Promise.resolve([])]);
    const defaults = links.filter((l) => l.role === TagPackageRole.DEFAULT).map((l) => l.pkg);
    const extra = grantedPkgs.filter((p): p is PackageEntity => p != null && !(p instanceof Error) && !defaults.some((d) => d.code === p.code));
    return [...defaults, ...extra].map((p) => PackageType.from(p));
  }

  @FieldResolver(() => QuotaTodayType, { description: 'DOMAIN §2.2: the quota by status, tag and granted traffic package, plus emergency traffic' })
  quotaToday(@Root() app: AppType, @Ctx() { loaders, today }: Context): Promise<QuotaTodayType> {
    return quotaTodayOf(app, loaders, today);
  }
}

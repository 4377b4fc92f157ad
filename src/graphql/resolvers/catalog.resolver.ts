import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PackageKind, TagPackageRole } from '../../domain/catalog/catalog.enums';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { PackageType, TagType, UpsertPackageInput, UpsertTagInput } from '../types/catalog.type';
import { UpsertPackageResult, UpsertTagResult } from '../types/results.type';
import { toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { PackageConnectionType, TagConnectionType } from '../types/connections.type';
import { PACKAGE_ORDER, TAG_ORDER } from '../../services/catalog/catalog.service';
import { keysetArgs, keysetConnection } from './connection';

@Resolver(() => TagType)
export class CatalogResolver {
  @Query(() => TagConnectionType, { description: 'The tag catalog (public), by code; operators add tags, so it pages' })
  async tags(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { services }: Context) {
    const { limit, after } = keysetArgs(page, TAG_ORDER);
    return keysetConnection(await services.catalog.pageTags(limit, after), TAG_ORDER, TagType.from);
  }

  @Query(() => TagType, { nullable: true, description: 'One tag (public)' })
  async tag(@Arg('code', () => ID, { description: "The tag's code, e.g. MERCHANT_BACKEND" }) code: string, @Ctx() { loaders }: Context): Promise<TagType | null> {
    const tag = await loaders.tagByCode.load(code);
    return tag && TagType.from(tag);
  }

  @Query(() => PackageConnectionType, { description: 'The package catalog (public): traffic packages first, smallest daily quota first, then by code' })
  async packages(
    @Arg('kind', () => PackageKind, { nullable: true, description: 'Only TRAFFIC or only VALUE_ADDED packages' }) kind: PackageKind | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() { services }: Context,
  ) {
    const { limit, after } = keysetArgs(page, PACKAGE_ORDER);
    return keysetConnection(await services.catalog.pagePackages(kind ?? null, limit, after), PACKAGE_ORDER, PackageType.from);
  }

  @FieldResolver(() => [PackageType], { description: 'Value-added packages every app of the tag has' })
  async defaultPackages(@Root() tag: TagType, @Ctx() { loaders }: Context): Promise<PackageType[]> {
    const links = await loaders.packagesByTag.load(tag.code);
    return links.filter((l) => l.role === TagPackageRole.DEFAULT).map((l) => PackageType.from(l.pkg));
  }

  @FieldResolver(() => [PackageType], { description: 'Packages the tag may apply for: value-added ones and, for LADDER tags, the traffic rungs' })
  async applicablePackages(@Root() tag: TagType, @Ctx() { loaders }: Context): Promise<PackageType[]> {
    const links = await loaders.packagesByTag.load(tag.code);
    return links.filter((l) => l.role === TagPackageRole.APPLICABLE).map((l) => PackageType.from(l.pkg));
  }

  @FieldResolver(() => [PackageType], { description: 'The traffic ladder, lowest rung first (empty unless LADDER)' })
  async ladder(@Root() tag: TagType, @Ctx() { loaders }: Context): Promise<PackageType[]> {
    const links = await loaders.packagesByTag.load(tag.code);
    return links.filter((l) => l.role === TagPackageRole.APPLICABLE && l.pkg.kind === PackageKind.TRAFFIC).map((l) => PackageType.from(l.pkg));
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UpsertTagResult, { description: 'Operator: create or replace a tag and its packages' })
  async upsertTag(@Arg('input', () => UpsertTagInput, { description: 'The tag: an existing code replaces it' }) input: UpsertTagInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.catalog.upsertTag(viewer, input), TagType.from);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UpsertPackageResult, { description: 'Operator: create or replace a package' })
  async upsertPackage(@Arg('input', () => UpsertPackageInput, { description: 'The package: an existing code replaces it' }) input: UpsertPackageInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.catalog.upsertPackage(viewer, input), PackageType.from);
  }
}

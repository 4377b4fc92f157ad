import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Args } from 'type-graphql';
import { isStaff, Role, Viewer } from '../../domain/common/role';
import { Context } from '../context';
import {
  BillingItemInput,
  BillingItemType,
  CreateMarketProductInput,
  MarketProductType,
  MarketUpgradeRuleType,
  MarketVersionInput,
  MarketVersionType,
  UpdateMarketProductInput,
} from '../types/market.type';
import { MarketProductResult, MarketVersionResult, SubmitMarketProductResult } from '../types/results.type';
import { ReviewRoundType } from '../types/review.type';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { keysetArgs, keysetConnection } from './connection';
import { LISTED_PRODUCT_ORDER, OWN_PRODUCT_ORDER } from '../../services/market/product.service';
import { MarketProductConnectionType } from '../types/connections.type';
import { ReviewRoundConnectionType } from '../types/review.type';
import { REVIEW_ROUND_ORDER } from '../loaders/review.loader';

const sees = (viewer: Viewer, p: MarketProductType): boolean => isStaff(viewer) || p.providerId === viewer.subjectId;

@Resolver(() => MarketProductType)
export class MarketProductResolver {
  @Query(() => MarketProductConnectionType, { description: 'The market front: listed, visible products (public)' })
  async marketProducts(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { services }: Context) {
    const { limit, after } = keysetArgs(page, LISTED_PRODUCT_ORDER);
    return keysetConnection(await services.marketProducts.pageListed(limit, after), LISTED_PRODUCT_ORDER, MarketProductType.from);
  }

  @Query(() => MarketProductType, { description: 'A product: its provider and staff always; anyone else once it is listed and visible; otherwise NOT_FOUND' })
  async marketProduct(@Arg('id', () => ID, { description: 'Id of the product to read' }) id: string, @Ctx() { viewer, services }: Context): Promise<MarketProductType> {
    return MarketProductType.from(await services.marketProducts.getVisible(viewer, id));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => MarketProductConnectionType, { description: "The caller's products as a provider, newest first" })
  async myMarketProducts(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const { limit, after } = keysetArgs(page, OWN_PRODUCT_ORDER);
    return keysetConnection(await services.marketProducts.pageOwn(viewer.subjectId!, limit, after), OWN_PRODUCT_ORDER, MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketProductResult, { description: 'Creates a product (DRAFT) owned by the caller as provider' })
  async createMarketProduct(@Arg('input', () => CreateMarketProductInput, { description: "The new product's details" }) input: CreateMarketProductInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.create(viewer, input), MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketProductResult, { description: "Edits the caller's product (not while IN_REVIEW)" })
  async updateMarketProduct(@Arg('id', () => ID, { description: "Id of the caller's product" }) id: string, @Arg('input', () => UpdateMarketProductInput, { description: 'The fields to change; omitted ones stay' }) input: UpdateMarketProductInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.update(viewer, id, input), MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketProductResult, { description: 'Checks (http/https, a domain, HEAD 200–500 within 2 s) and saves the production endpoint' })
  async setProductionEndpoint(@Arg('productId', () => ID, { description: "Id of the caller's product whose endpoint is set" }) productId: string, @Arg('url', () => String, { description: 'http(s) on a domain (not an IP), answering HEAD with 200–500 within 2 seconds' }) url: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.setEndpoint(viewer, productId, url), MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketVersionResult, { description: 'Adds a version (at most 20 per product, hidden included)' })
  async addMarketVersion(@Arg('productId', () => ID, { description: "The caller's product (at most 20 versions, hidden ones included)" }) productId: string, @Arg('input', () => MarketVersionInput, { description: 'The new version: name, prices, trial days' }) input: MarketVersionInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.addVersion(viewer, productId, input), MarketVersionType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketVersionResult, { description: "Edits a version's name, trial or prices" })
  async updateMarketVersion(@Arg('versionId', () => ID, { description: "Id of the caller's version" }) versionId: string, @Arg('input', () => MarketVersionInput, { description: 'The fields to change; omitted ones stay' }) input: MarketVersionInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.updateVersion(viewer, versionId, input), MarketVersionType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketVersionResult, { description: "Replaces a version's extra billing items; after submission only prices may change" })
  async setVersionBillingItems(
    @Arg('versionId', () => ID, { description: "Id of the caller's version whose items are replaced" }) versionId: string,
    @Arg('items', () => [BillingItemInput], { description: "The version's whole set of extra billing items" }) items: BillingItemInput[],
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.marketProducts.setBillingItems(viewer, versionId, items), MarketVersionType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketVersionResult, { description: 'Hides a version from buyers (holders may still renew); one version stays visible' })
  async hideMarketVersion(@Arg('versionId', () => ID, { description: 'The version (at least one stays visible)' }) versionId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.setVersionHidden(viewer, versionId, true), MarketVersionType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketVersionResult, { description: "Shows a hidden version of the caller's product again" })
  async showMarketVersion(@Arg('versionId', () => ID, { description: 'Id of the hidden version to show again' }) versionId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.setVersionHidden(viewer, versionId, false), MarketVersionType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketProductResult, { description: 'Deletes a version; only before the product is first listed' })
  async deleteMarketVersion(@Arg('versionId', () => ID, { description: 'A version of a product never listed (listed products only hide versions)' }) versionId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.deleteVersion(viewer, versionId), MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => MarketProductResult, { description: "Sets the display order: every one of the product's version ids, in order" })
  async reorderMarketVersions(@Arg('productId', () => ID, { description: "Id of the caller's product whose versions are reordered" }) productId: string, @Arg('versionIds', () => [ID], { description: 'Every version of the product, in the new order' }) versionIds: string[], @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.reorderVersions(viewer, productId, versionIds), MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => SubmitMarketProductResult, {
    description: 'Submits the product for review: a review round due in 3 working days (decideReview, postReviewFeedback, reviewQueue apply); freezes tier starts and enum values',
  })
  async submitMarketProduct(@Arg('productId', () => ID, { description: "The caller's DRAFT or REJECTED product" }) productId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.submit(viewer, productId), ReviewRoundType.from);
  }

  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Mutation(() => MarketProductResult, {
    description: "Allows upgrades from one version to another of the same product: its provider once the product is listed, or an operator (whose rules the provider cannot remove)",
  })
  async setUpgradeRule(@Arg('fromVersionId', () => ID, { description: 'The version upgraded from' }) fromVersionId: string, @Arg('toVersionId', () => ID, { description: 'The version upgraded to (visible, same product)' }) toVersionId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.setUpgradeRule(viewer, fromVersionId, toVersionId, true), MarketProductType.from);
  }

  @Authorized(Role.DEVELOPER, Role.OPERATOR)
  @Mutation(() => MarketProductResult, { description: "Removes an upgrade path: its provider (not an operator's rule) once listed, or an operator" })
  async removeUpgradeRule(@Arg('fromVersionId', () => ID, { description: 'The version upgraded from' }) fromVersionId: string, @Arg('toVersionId', () => ID, { description: 'The version upgraded to' }) toVersionId: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketProducts.setUpgradeRule(viewer, fromVersionId, toVersionId, false), MarketProductType.from);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The production endpoint: its provider and staff only (null for others)' })
  endpointUrl(@Root() p: MarketProductType, @Ctx() { viewer }: Context): string | null {
    return sees(viewer, p) ? p.endpoint : null;
  }

  @FieldResolver(() => [MarketVersionType], { description: 'In display order; buyers see visible versions only. A list, not a connection: at most 20 versions per product, hidden ones included (DOMAIN §7, refused when a 21st is added)' })
  async versions(@Root() p: MarketProductType, @Ctx() { viewer, loaders }: Context): Promise<MarketVersionType[]> {
    const all = await loaders.marketVersionsByProduct.load(p.id);
    return (sees(viewer, p) ? all : all.filter((v) => !v.hidden)).map(MarketVersionType.from);
  }

  @FieldResolver(() => ReviewRoundConnectionType, { description: "The listing's review history, newest round first (reasons, explanation, thread): a connection, as every resubmission adds a round (no rule bounds them); empty to buyers" })
  async reviewRounds(@Root() p: MarketProductType, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { viewer, loaders }: Context): Promise<ReviewRoundConnectionType> {
    const { limit, after } = keysetArgs(args, REVIEW_ROUND_ORDER);
    const page = sees(viewer, p) ? await loaders.reviewRoundPagesByMarketProduct.load({ parentId: p.id, limit, after }) : { rows: [], hasNextPage: false, totalCount: 0 };
    return keysetConnection(page, REVIEW_ROUND_ORDER, ReviewRoundType.from);
  }

  @FieldResolver(() => [MarketUpgradeRuleType], { description: 'The version pairs buyers may upgrade between' })
  async upgradeRules(@Root() p: MarketProductType, @Ctx() { loaders }: Context): Promise<MarketUpgradeRuleType[]> {
    return (await loaders.marketUpgradeRulesByProduct.load(p.id)).map(MarketUpgradeRuleType.from);
  }
}

@Resolver(() => MarketVersionType)
export class MarketVersionResolver {
  @FieldResolver(() => [BillingItemType], { description: 'Extra billing items (QUANTITY or ENUM)' })
  async billingItems(@Root() v: MarketVersionType, @Ctx() { loaders }: Context): Promise<BillingItemType[]> {
    return (await loaders.marketBillingItemsByVersion.load(v.id)).map(BillingItemType.from);
  }
}

@Resolver(() => ReviewRoundType)
export class MarketProductReviewRoundResolver {
  @FieldResolver(() => MarketProductType, { nullable: true, description: 'The product listing under review (MARKET_PRODUCT rounds)' })
  async marketProduct(@Root() round: ReviewRoundType, @Ctx() { loaders }: Context): Promise<MarketProductType | null> {
    if (round.subjectType !== ReviewSubjectType.MARKET_PRODUCT) return null;
    const p = await loaders.marketProductById.load(round.subjectId);
    return p && MarketProductType.from(p);
  }
}

import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Args } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { OrderType } from '../../domain/market/market.enums';
import { Context } from '../context';
import { MarketOrderType, MarketSubscriptionType, PlaceOrderInput, ProductionNotificationType, QuoteOrderInput, QuoteType, QuoteUpgradeInput, UpgradeQuoteType } from '../types/market.type';
import { PlaceOrderResult, QuoteOrderResult, QuoteUpgradeResult, ResetNotificationErrorsResult } from '../types/results.type';
import { toPayload } from './result';
import { ConnectionArgs } from '../types/connection.type';
import { keysetArgs, keysetConnection } from './connection';
import { ORDER_ORDER, SUBSCRIPTION_ORDER } from '../../services/market/order.service';
import { FAILURE_ORDER } from '../../services/market/notification.service';
import { MarketOrderConnectionType, MarketSubscriptionConnectionType, ProductionNotificationConnectionType } from '../types/connections.type';

@Resolver()
export class MarketOrderResolver {
  @Query(() => QuoteOrderResult, { description: 'Prices a selection, a line per part (public for listed products)' })
  async quoteOrder(@Arg('input', () => QuoteOrderInput, { description: 'The selection to price' }) input: QuoteOrderInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketOrders.quote(viewer, input), (r) => QuoteType.from(r.product.id, r.versionCode, r.quote));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => QuoteUpgradeResult, { description: "Prices an upgrade of the caller's subscription for the remaining period, line by line (nothing is written)" })
  async quoteUpgrade(@Arg('input', () => QuoteUpgradeInput, { description: 'The upgrade to price' }) input: QuoteUpgradeInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketOrders.quoteUpgrade(viewer, { type: OrderType.UPGRADE, ...input }), UpgradeQuoteType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => PlaceOrderResult, { description: 'Places a NEW (or trial), RENEW or UPGRADE order and notifies the provider' })
  async placeOrder(@Arg('input', () => PlaceOrderInput, { description: 'What to buy; paid from the balance' }) input: PlaceOrderInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketOrders.placeOrder(viewer, input), (r) => MarketOrderType.from(r.order, r.upgrade));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => MarketSubscriptionConnectionType, { description: "The caller's subscriptions as a buyer" })
  async mySubscriptions(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const now = services.clock.now();
    const { limit, after } = keysetArgs(page, SUBSCRIPTION_ORDER);
    return keysetConnection(await services.marketOrders.pageOwnSubscriptions(viewer.subjectId!, limit, after), SUBSCRIPTION_ORDER, (s) => MarketSubscriptionType.from(s, now));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => MarketOrderConnectionType, { description: "The caller's orders as a buyer, newest first" })
  async myMarketOrders(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const { limit, after } = keysetArgs(page, ORDER_ORDER);
    return keysetConnection(await services.marketOrders.pageOwnOrders(viewer.subjectId!, limit, after), ORDER_ORDER, (o) => MarketOrderType.from(o));
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => ProductionNotificationConnectionType, { description: "The caller's undelivered production notifications that failed at least once, as a provider" })
  async myProductionFailures(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    const { limit, after } = keysetArgs(page, FAILURE_ORDER);
    return keysetConnection(await services.marketNotifications.pageFailures(viewer.subjectId!, limit, after), FAILURE_ORDER, ProductionNotificationType.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ResetNotificationErrorsResult, { description: 'Resets the error count of a failed notification so delivery starts again' })
  async resetNotificationErrors(@Arg('id', () => ID, { description: "A stopped notification of the caller's product" }) id: string, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.marketNotifications.resetErrors(viewer, id), ProductionNotificationType.from);
  }
}

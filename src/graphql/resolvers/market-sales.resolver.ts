import { Money } from '../types/money.scalar';
import { Arg, Args, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { Context } from '../context';
import { badUserInput } from './result';
import { ConnectionArgs, connectionType } from '../types/connection.type';
import { keysetArgs, keysetConnection } from './connection';
import { SALES_ORDER } from '../../services/market/sales.service';

@ObjectType('MarketSalesRow', { simpleResolvers: true, description: "One of the provider's products in one Beijing month" })
export class MarketSalesRowType {
  @Field(() => ID, { description: "Id of the provider's product the row sums" }) productId: string;
  @Field(() => String, { description: "The product's name, as it is now" }) productName: string;
  @Field(() => String, { description: 'YYYY-MM (Beijing)' }) month: string;
  @Field(() => Int, { description: 'Orders: NEW (trials included), RENEW, UPGRADE' }) orders: number;
  @Field(() => Int, { description: 'Orders charged more than 0.00' }) paidOrders: number;
  @Field(() => Money, { description: 'Sum charged to buyers, yuan' }) amount: string;
}

const MarketSalesRowConnectionType = connectionType(MarketSalesRowType, 'MarketSalesRow', 'sales row');

/** The provider's sales (issue 18). */
@Resolver()
export class MarketSalesResolver {
  @Authorized(Role.DEVELOPER)
  @Query(() => MarketSalesRowConnectionType, { description: "The caller's sales as a provider: orders and amounts per product and Beijing month, newest month first" })
  async mySales(@Arg('month', () => String, { nullable: true, description: 'YYYY-MM: one month only' }) month: string | null, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { viewer, services }: Context) {
    if (month != null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badUserInput([violation('month', 'NOT_A_MONTH', `YYYY-MM (got "${month}")`)]);
    const { limit, after } = keysetArgs(page, SALES_ORDER);
    return keysetConnection(await services.marketSales.pageSales(viewer.subjectId!, month ?? null, limit, after), SALES_ORDER, (r) => Object.assign(new MarketSalesRowType(), r));
  }
}

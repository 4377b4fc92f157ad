import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { Role } from '../../domain/common/role';
import { readPageArgs } from '../../services/common/pagination';
import { Context } from '../context';
import { PriceVersionConnectionType, PriceVersionType } from '../types/bill-adjustment.type';
import { toConnection } from './connection';
import { badUserInput } from './result';

@Resolver()
export class PriceHistoryResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => PriceVersionConnectionType, { description: 'Every version of the price lists and coupon policies, newest first: what each said, who wrote it, when, and any re-rate' })
  async priceHistory(
    @Ctx() { services }: Context,
    @Arg('subjectId', () => String, { nullable: true, description: 'One price list id (e.g. TAOBAO-2026-12-01) or coupon policy code' }) subjectId?: string | null,
    @Arg('platform', () => BillingPlatform, { nullable: true, description: 'Only this platform’s versions' }) platform?: BillingPlatform | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page' }) after?: string | null,
  ): Promise<PriceVersionConnectionType> {
    const page = readPageArgs({ first, after });
    if (Array.isArray(page)) throw badUserInput(page);
    const { rows, hasNextPage } = await services.priceLists.history({ subjectId: subjectId ?? null, platform: platform ?? null }, page.limit, page.beforeId);
    return toConnection(rows, hasNextPage, PriceVersionType.from);
  }
}

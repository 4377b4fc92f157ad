import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { notFound } from '../../services/common/errors';
import { Context } from '../context';
import { AppType } from '../types/app.type';
import { ApiCategory, CallSource } from '../types/enums';
import { RecordUsageResult } from '../types/results.type';
import { CallPermissionType, UsageBatchReceiptType, UsageRecordInput } from '../types/usage.type';
import { toPayload } from './result';

@Resolver()
export class UsageResolver {
  @Authorized(Role.GATEWAY)
  @Mutation(() => RecordUsageResult, { description: 'Gateway: a batch of usage records, all or nothing; a resent record is DUPLICATE and changes nothing' })
  async recordUsage(@Arg('records', () => [UsageRecordInput]) records: UsageRecordInput[], @Ctx() { services }: Context) {
    return toPayload(await services.usage.recordUsage(records), (r) => Object.assign(new UsageBatchReceiptType(), r));
  }

  @Authorized(Role.GATEWAY)
  @Query(() => CallPermissionType, { description: 'Gateway: may this call go through now?' })
  async callPermission(
    @Arg('appkey', () => String) appkey: string,
    @Arg('category', () => ApiCategory) category: ApiCategory,
    @Arg('source', () => CallSource) source: CallSource,
    @Ctx() { services }: Context,
  ): Promise<CallPermissionType> {
    const a = await services.usage.callPermission(appkey, category, source);
    return { ...a, reason: a.allowed ? null : a.reason, message: a.allowed ? null : a.message };
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => AppType, { description: 'Operator: permit or forbid VALUE_ADDED calls from outside the cloud for an app' })
  async setValueAddedOutOfCloudPermitted(@Arg('appId', () => ID) appId: string, @Arg('permitted', () => Boolean) permitted: boolean, @Ctx() { services }: Context): Promise<AppType> {
    const app = await services.usage.setValueAddedOutOfCloudPermitted(appId, permitted);
    if (!app) throw notFound('App', appId);
    return AppType.from(app);
  }
}

import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { beijingEndOfDay } from '../../domain/common/beijing-time';
import { Role } from '../../domain/common/role';
import { notFound } from '../../services/common/errors';
import { Context } from '../context';
import { AppType } from '../types/app.type';
import { ApiCategory, CallSource } from '../types/enums';
import { RecordUsageResult } from '../types/results.type';
import { NotificationType } from '../types/notification.type';
import { AppQuotaSnapshotType, CallPermissionType, EmergencyTrafficAnswerType, QuotaSnapshotType, UsageBatchReceiptType, UsageRecordInput } from '../types/usage.type';
import { MAX_SNAPSHOT_APPKEYS } from '../../services/usage/usage.service';
import { badUserInput } from './result';
import { violation } from '../../domain/common/violation';
import { toPayload } from './result';
import { ReportQuotaExhaustedResult, SetValueAddedOutOfCloudPermittedResult } from '../types/mutation-results.type';

@Resolver()
export class UsageResolver {
  @Authorized(Role.GATEWAY)
  @Mutation(() => RecordUsageResult, { description: 'Gateway: a batch of usage records, all or nothing; a resent record is DUPLICATE and changes nothing' })
  async recordUsage(@Arg('records', () => [UsageRecordInput], { description: 'Up to 500 records, each with its idempotency key' }) records: UsageRecordInput[], @Ctx() { services }: Context) {
    return toPayload(await services.usage.recordUsage(records), (r) => Object.assign(new UsageBatchReceiptType(), r));
  }

  @Authorized(Role.GATEWAY)
  @Query(() => CallPermissionType, { description: 'Gateway: may this call go through now?' })
  async callPermission(
    @Arg('appkey', () => String, { description: "The calling app's appkey" }) appkey: string,
    @Arg('category', () => ApiCategory, { description: 'The category of the API called (FREE goes through even in arrears)' }) category: ApiCategory,
    @Arg('source', () => CallSource, { description: 'IN_CLOUD or OUT_OF_CLOUD (value-added calls out of cloud need permission)' }) source: CallSource,
    @Ctx() { services }: Context,
  ): Promise<CallPermissionType> {
    const a = await services.usage.callPermission(appkey, category, source);
    return { ...a, reason: a.allowed ? null : a.reason, message: a.allowed ? null : a.message };
  }

  @Authorized(Role.GATEWAY)
  @Query(() => QuotaSnapshotType, { description: `Gateway: call-decision inputs for up to ${MAX_SNAPSHOT_APPKEYS} appkeys, to cache and decide locally until validUntil` })
  async quotaSnapshot(@Arg('appkeys', () => [String], { description: 'The appkeys, at most 1000' }) appkeys: string[], @Ctx() { services }: Context): Promise<QuotaSnapshotType> {
    if (appkeys.length === 0) throw badUserInput([violation('appkeys', 'EMPTY', 'ask for at least one appkey')]);
    if (appkeys.length > MAX_SNAPSHOT_APPKEYS) throw badUserInput([violation('appkeys', 'TOO_MANY', `at most ${MAX_SNAPSHOT_APPKEYS} appkeys at once`)]);
    const bad = appkeys.findIndex((k) => k.length > 16);
    if (bad >= 0) throw badUserInput([violation(`appkeys[${bad}]`, 'TOO_LONG', 'an appkey has at most 16 characters')]);
    const s = await services.usage.quotaSnapshot(appkeys);
    return {
      date: s.date,
      generatedAt: s.generatedAt,
      validUntil: s.validUntil,
      entries: s.entries.map(
        (e): AppQuotaSnapshotType => ({
          appkey: e.appkey,
          known: e.known,
          status: e.status,
          accountClosed: e.accountClosed,
          limit: e.quota?.limit ?? null,
          baseLimit: e.quota?.baseLimit ?? null,
          quotaSource: e.quota?.source ?? null,
          emergencyCalls: e.quota?.emergencyCalls ?? 0,
          usedToday: e.usedToday,
          restrictedForArrears: e.restrictedForArrears,
          valueAddedOutOfCloudPermitted: e.valueAddedOutOfCloudPermitted,
          resetsAt: e.resetsAt,
          validUntil: e.validUntil,
          version: e.version,
        }),
      ),
    };
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetValueAddedOutOfCloudPermittedResult, { description: 'Operator: permit or forbid VALUE_ADDED calls from outside the cloud for an app' })
  async setValueAddedOutOfCloudPermitted(@Arg('appId', () => ID, { description: 'Id of the app whose out-of-cloud value-added calls are allowed or forbidden' }) appId: string, @Arg('permitted', () => Boolean, { description: 'May call value-added APIs from outside the cloud' }) permitted: boolean, @Ctx() { viewer, services }: Context): Promise<typeof SetValueAddedOutOfCloudPermittedResult> {
    const app = await services.usage.setValueAddedOutOfCloudPermitted(viewer, appId, permitted);
    if (!app) throw notFound('App', appId);
    return AppType.from(app);
  }

  @Authorized(Role.GATEWAY)
  @Mutation(() => ReportQuotaExhaustedResult, { description: "Gateway: the app's calls reached today's quota; grants emergency traffic (50%, once per Beijing day) where due" })
  async reportQuotaExhausted(@Arg('appkey', () => String, { description: 'The app that reached its quota' }) appkey: string, @Ctx() { services }: Context): Promise<typeof ReportQuotaExhaustedResult> {
    const a = await services.quota.reportQuotaExhausted(appkey);
    return Object.assign(new EmergencyTrafficAnswerType(), {
      appkey: a.appkey,
      date: a.date,
      granted: a.granted,
      reason: a.reason,
      quotaToday: { date: a.date, ...a.quota, emergencyGranted: a.quota.emergencyCalls > 0, resetsAt: beijingEndOfDay(a.date) },
    });
  }
}

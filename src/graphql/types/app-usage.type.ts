import { LocalDate } from './local-date.scalar';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ApiCategory, CallSource, DataSyncPackage } from '../../domain/usage/usage.enums';
import { QuotaTodayType } from './app.type';

// NOTE: counters are SafeInt (exact up to 2^53 − 1): a day's calls can pass GraphQL Int's 2^31 − 1.

@ObjectType('ApiCallUsage', { simpleResolvers: true, description: 'API calls of one category from one source on one day' })
export class ApiCallUsageType {
  @Field(() => ApiCategory)
  category: ApiCategory;

  @Field(() => CallSource)
  source: CallSource;

  @Field(() => GraphQLSafeInt)
  calls: number;

  @Field(() => GraphQLSafeInt)
  successful: number;
}

@ObjectType('UsageDay', { simpleResolvers: true, description: "One Beijing day's reported usage of an app, per meter" })
export class UsageDayType {
  @Field(() => LocalDate, { description: 'Beijing date, YYYY-MM-DD' })
  date: string;

  @Field(() => [ApiCallUsageType], { description: 'By category × source, as reported' })
  apiCalls: ApiCallUsageType[];

  @Field(() => GraphQLSafeInt, { description: 'All API calls: what counts against the daily quota' })
  calls: number;

  @Field(() => GraphQLSafeInt)
  successfulCalls: number;

  @Field(() => GraphQLSafeInt, { description: 'New main orders synced' })
  dataSyncNewOrders: number;

  @Field(() => [DataSyncPackage], { description: 'Data-sync packages held that day (billing charges the dearest)' })
  dataSyncPackages: DataSyncPackage[];

  @Field(() => GraphQLSafeInt)
  waliMessages: number;

  @Field(() => GraphQLSafeInt)
  crmRelations: number;
}

@ObjectType('UsageToday', { simpleResolvers: true, description: "Today's calls against today's quota" })
export class UsageTodayType {
  @Field(() => LocalDate, { description: 'Beijing date, YYYY-MM-DD' })
  date: string;

  @Field(() => GraphQLSafeInt)
  calls: number;

  @Field(() => GraphQLSafeInt)
  successfulCalls: number;

  @Field(() => QuotaTodayType)
  quota: QuotaTodayType;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Calls left today (0 when used up); null where UV-based rules govern' })
  remaining: number | null;
}

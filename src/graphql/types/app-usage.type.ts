import { LocalDate } from './local-date.scalar';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ApiCategory, CallSource, DataSyncPackage } from '../../domain/usage/usage.enums';
import { QuotaTodayType } from './app.type';

// NOTE: counters are SafeInt (exact up to 2^53 − 1): a day's calls can pass GraphQL Int's 2^31 − 1.

@ObjectType('ApiCallUsage', { simpleResolvers: true, description: 'API calls of one category from one source on one day' })
export class ApiCallUsageType {
  @Field(() => ApiCategory, { description: 'The API category of the calls' })
  category: ApiCategory;

  @Field(() => CallSource, { description: 'Where the calls came from: IN_CLOUD (in-cloud price) or OUT_OF_CLOUD' })
  source: CallSource;

  @Field(() => GraphQLSafeInt, { description: 'All calls of this category and source on the day, failed ones included (what is billed)' })
  calls: number;

  @Field(() => GraphQLSafeInt, { description: 'The calls that succeeded (feed the 98% success-rate and 50% effective-use rules)' })
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

  @Field(() => GraphQLSafeInt, { description: 'Successful API calls, all categories' })
  successfulCalls: number;

  @Field(() => GraphQLSafeInt, { description: 'New main orders synced' })
  dataSyncNewOrders: number;

  @Field(() => [DataSyncPackage], { description: 'Data-sync packages held that day (billing charges the dearest)' })
  dataSyncPackages: DataSyncPackage[];

  @Field(() => GraphQLSafeInt, { description: 'New Wali chat messages' })
  waliMessages: number;

  @Field(() => GraphQLSafeInt, { description: 'CRM user relations held that day' })
  crmRelations: number;
}

@ObjectType('UsageToday', { simpleResolvers: true, description: "Today's calls against today's quota" })
export class UsageTodayType {
  @Field(() => LocalDate, { description: 'Beijing date, YYYY-MM-DD' })
  date: string;

  @Field(() => GraphQLSafeInt, { description: 'API calls reported today (Beijing day)' })
  calls: number;

  @Field(() => GraphQLSafeInt, { description: 'Successful calls reported today' })
  successfulCalls: number;

  @Field(() => QuotaTodayType, { description: "Today's quota the calls count against" })
  quota: QuotaTodayType;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Calls left today (0 when used up); null where UV-based rules govern' })
  remaining: number | null;
}

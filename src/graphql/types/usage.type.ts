import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { QuotaTodayType } from './app.type';
import { ApiCategory, CallDenial, CallSource, DataSyncPackage, EmergencyRefusal, RecordOutcome } from './enums';
import { GraphQLSafeInt } from 'graphql-scalars';

@InputType('ApiCallCountInput', { description: 'Calls of one category from one source' })
export class ApiCallCountInput {
  @Field(() => ApiCategory)
  category: ApiCategory;

  @Field(() => CallSource)
  source: CallSource;

  @Field(() => Int, { description: 'All calls (an increment)' })
  total: number;

  @Field(() => Int, { description: 'Successful calls among total (an increment)' })
  successful: number;
}

@InputType('UsageRecordInput', { description: "One record: increments of one appkey's usage on one Beijing date" })
export class UsageRecordInput {
  @Field(() => String, { description: 'Unique per record, forever: a resend with the same key changes nothing. Letters, digits and . _ : - (1-100)' })
  idempotencyKey: string;

  @Field(() => String)
  appkey: string;

  @Field(() => String, { description: 'Beijing date YYYY-MM-DD; not after today' })
  date: string;

  @Field(() => [ApiCallCountInput], { nullable: true })
  apiCalls?: ApiCallCountInput[] | null;

  @Field(() => Int, { nullable: true, description: 'New main (parent) orders synced (an increment)' })
  dataSyncNewOrders?: number | null;

  @Field(() => DataSyncPackage, { nullable: true, description: 'A data-sync package the app held that day (every package seen is kept)' })
  dataSyncPackage?: DataSyncPackage | null;

  @Field(() => Int, { nullable: true, description: 'New Wali chat messages (an increment)' })
  waliMessages?: number | null;

  @Field(() => Int, { nullable: true, description: 'CRM user relations held that day (a level: the day keeps the highest reported)' })
  crmRelations?: number | null;
}

@ObjectType('UsageRecordReceipt', { simpleResolvers: true })
export class UsageRecordReceiptType {
  @Field(() => Int, { description: 'Position of the record in the batch' })
  index: number;

  @Field(() => String)
  idempotencyKey: string;

  @Field(() => RecordOutcome)
  outcome: RecordOutcome;
}

@ObjectType('UsageBatchReceipt', { simpleResolvers: true, description: 'The batch was stored: each record APPLIED or DUPLICATE' })
export class UsageBatchReceiptType {
  @Field(() => [UsageRecordReceiptType])
  records: UsageRecordReceiptType[];

  @Field(() => Int)
  applied: number;

  @Field(() => Int)
  duplicates: number;
}

@ObjectType('CallPermission', { simpleResolvers: true, description: 'Whether the gateway may let a call through now' })
export class CallPermissionType {
  @Field(() => String)
  appkey: string;

  @Field(() => String, { description: "Today's Beijing date" })
  date: string;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => CallDenial, { nullable: true, description: 'Why not, when not allowed' })
  reason: CallDenial | null;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => Int, { nullable: true, description: "Today's limit including emergency traffic; null where UV-based rules govern" })
  limit: number | null;

  // NOTE: SafeInt (a JSON number exact up to 2^53 − 1): a day's calls pass GraphQL Int's 2^31 − 1 (2,147,483,647).
  @Field(() => GraphQLSafeInt, { description: 'Calls metered today (exact up to 2^53 − 1; may exceed 2^31)' })
  usedToday: number;
}

@ObjectType('EmergencyTrafficAnswer', { description: 'What reportQuotaExhausted did' })
export class EmergencyTrafficAnswerType {
  @Field(() => String)
  appkey: string;

  @Field(() => String, { description: "Today's Beijing date" })
  date: string;

  @Field(() => Boolean, { description: 'True when this report granted emergency traffic' })
  granted: boolean;

  @Field(() => EmergencyRefusal, { nullable: true, description: 'Why none was granted now' })
  reason: EmergencyRefusal | null;

  @Field(() => QuotaTodayType)
  quotaToday: QuotaTodayType;
}

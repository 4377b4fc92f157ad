import { LocalDate } from './local-date.scalar';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { QuotaTodayType } from './app.type';
import { ApiCategory, AppStatus, CallDenial, CallSource, DataSyncPackage, EmergencyRefusal, QuotaSource, RecordOutcome } from './enums';
import { GraphQLSafeInt } from 'graphql-scalars';

@InputType('ApiCallCountInput', { description: 'Calls of one category from one source' })
export class ApiCallCountInput {
  @Field(() => ApiCategory, { description: 'The API category the calls belong to (sets the price: FREE, BASIC, VALUE_ADDED, logistics)' })
  category: ApiCategory;

  @Field(() => CallSource, { description: 'Where the calls came from: IN_CLOUD or OUT_OF_CLOUD (sets the price column)' })
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

  @Field(() => String, { description: 'The appkey whose day the counts belong to' })
  appkey: string;

  @Field(() => LocalDate, { description: 'Beijing date YYYY-MM-DD; not after today' })
  date: string;

  @Field(() => [ApiCallCountInput], { nullable: true, description: 'Calls per category and source' })
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

@ObjectType('UsageRecordReceipt', { simpleResolvers: true, description: 'What recording one usage record did' })
export class UsageRecordReceiptType {
  @Field(() => Int, { description: 'Position of the record in the batch' })
  index: number;

  @Field(() => String, { description: "The record's key, as sent" })
  idempotencyKey: string;

  @Field(() => RecordOutcome, { description: 'APPLIED (new) or DUPLICATE (the key was stored already; nothing changed)' })
  outcome: RecordOutcome;
}

@ObjectType('UsageBatchReceipt', { simpleResolvers: true, description: 'The batch was stored: each record APPLIED or DUPLICATE' })
export class UsageBatchReceiptType {
  @Field(() => [UsageRecordReceiptType], { description: 'One receipt per record, in input order' })
  records: UsageRecordReceiptType[];

  @Field(() => Int, { description: 'Records that were new: their counts were added' })
  applied: number;

  @Field(() => Int, { description: 'Records already stored (same idempotency key)' })
  duplicates: number;
}

@ObjectType('CallPermission', { simpleResolvers: true, description: 'Whether the gateway may let a call through now' })
export class CallPermissionType {
  @Field(() => String, { description: 'The appkey asked about' })
  appkey: string;

  @Field(() => LocalDate, { description: "Today's Beijing date" })
  date: string;

  @Field(() => Boolean, { description: 'True if the gateway may let the call through now' })
  allowed: boolean;

  @Field(() => CallDenial, { nullable: true, description: 'Why not, when not allowed' })
  reason: CallDenial | null;

  @Field(() => String, { nullable: true, description: 'Why it is refused, for people; null when allowed' })
  message: string | null;

  @Field(() => Int, { nullable: true, description: "Today's limit including emergency traffic; null where UV-based rules govern" })
  limit: number | null;

  // NOTE: SafeInt (a JSON number exact up to 2^53 − 1): a day's calls pass GraphQL Int's 2^31 − 1 (2,147,483,647).
  @Field(() => GraphQLSafeInt, { description: 'Calls metered today (exact up to 2^53 − 1; may exceed 2^31)' })
  usedToday: number;
}

@ObjectType('EmergencyTrafficAnswer', { description: 'What reportQuotaExhausted did' })
export class EmergencyTrafficAnswerType {
  @Field(() => String, { description: 'The appkey asked about' })
  appkey: string;

  @Field(() => LocalDate, { description: "Today's Beijing date" })
  date: string;

  @Field(() => Boolean, { description: 'True when this report granted emergency traffic' })
  granted: boolean;

  @Field(() => EmergencyRefusal, { nullable: true, description: 'Why none was granted now' })
  reason: EmergencyRefusal | null;

  @Field(() => QuotaTodayType, { description: "Today's quota after the answer (with the grant when one was made)" })
  quotaToday: QuotaTodayType;
}

@ObjectType('AppQuotaSnapshot', { simpleResolvers: true, description: "One appkey's call-decision inputs for today, to decide locally until validUntil (the same rule as callPermission)" })
export class AppQuotaSnapshotType {
  @Field(() => String, { description: 'The appkey the inputs are for' })
  appkey: string;

  @Field(() => Boolean, { description: 'False: no app has this appkey (callPermission answers UNKNOWN_APPKEY)' })
  known: boolean;

  @Field(() => AppStatus, { nullable: true, description: 'SUSPENDED: no call at all' })
  status: AppStatus | null;

  @Field(() => Boolean, { description: "The owner's developer account is closed: no call at all" })
  accountClosed: boolean;

  @Field(() => Int, { nullable: true, description: "Today's limit including emergency traffic; null where UV-based rules govern" })
  limit: number | null;

  @Field(() => Int, { nullable: true, description: 'The quota before emergency traffic' })
  baseLimit: number | null;

  @Field(() => QuotaSource, { nullable: true, description: "Where today's quota comes from; null for an unknown appkey" })
  quotaSource: QuotaSource | null;

  @Field(() => Int, { description: 'Emergency calls granted for today (0 when none)' })
  emergencyCalls: number;

  @Field(() => Float, { description: 'API calls metered today, all categories and sources (an integer; Float holds counts past 2^31 exactly up to 2^53)' })
  usedToday: number;

  @Field(() => Boolean, { description: 'Unpaid bills: only FREE APIs may be called' })
  restrictedForArrears: boolean;

  @Field(() => Boolean, { description: 'VALUE_ADDED calls from OUT_OF_CLOUD are permitted' })
  valueAddedOutOfCloudPermitted: boolean;

  @Field(() => Date, { description: '24:00 Beijing time of today: quota, emergency traffic and counts start again' })
  resetsAt: Date;

  @Field(() => Date, { description: 'Decide from this entry until then, at the latest; then ask again' })
  validUntil: Date;

  @Field(() => String, { description: 'Changes whenever any field above changes (a new day included): equal versions, equal decisions' })
  version: string;
}

@ObjectType('QuotaSnapshot', { simpleResolvers: true, description: 'Call-decision inputs for many appkeys at once' })
export class QuotaSnapshotType {
  @Field(() => LocalDate, { description: "Today's Beijing date" })
  date: string;

  @Field(() => Date, { description: 'When the snapshot was taken' })
  generatedAt: Date;

  @Field(() => Date, { description: 'The earliest validUntil of the entries' })
  validUntil: Date;

  @Field(() => [AppQuotaSnapshotType], { description: 'One entry per distinct appkey asked, in the order asked' })
  entries: AppQuotaSnapshotType[];
}

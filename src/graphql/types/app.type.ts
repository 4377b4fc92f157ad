import { LocalDate } from './local-date.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AppEntity } from '../../db/entities';
import { AppFunction, AppStatus, BillingPlatform, QuotaSource, QuotaState } from './enums';
import { PageInfoType } from './connection.type';
import { OperatorQuotaType } from './operator-controls.type';

@ObjectType('App', { simpleResolvers: true, description: "A developer's app (DOMAIN §2)" })
export class AppType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the app; the same in every answer that holds it' })
  id: string;

  @Field(() => String, { description: 'Generated, unique' })
  appkey: string;

  @Field(() => String, { description: "The app's display name (no platform brand word: taobao, alibaba, hitao, tmall)" })
  name: string;

  @Field(() => String, { description: 'What the app does, shown to reviewers; no platform brand word' })
  description: string;

  @Field(() => String, { nullable: true, description: "Address of the app's logo image; no platform brand word; null until set" })
  logoUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Where the platform calls the app back: http(s) only, no platform brand word (taobao, alibaba, hitao, tmall); null until set' })
  callbackUrl: string | null;

  @Field(() => Boolean, { description: 'Runs inside the platform cloud (JuShiTa / Doudian cloud)' })
  inCloud: boolean;

  @Field(() => [AppFunction], { description: 'The functions the app declares; PERFORMANCE_APPRAISAL is required for Wangwang chat history' })
  declaredFunctions: AppFunction[];

  @Field(() => AppStatus, { description: 'Where the app is in its lifecycle (DEVELOPING → IN_REVIEW → ONLINE or REJECTED; ONLINE ↔ SUSPENDED)' })
  status: AppStatus;

  @Field(() => Boolean, { description: 'Operator-set: may call VALUE_ADDED APIs from outside the cloud' })
  valueAddedOutOfCloudPermitted: boolean;

  @Field(() => BillingPlatform, { description: 'Which platform profile bills the app (operator-set)' })
  billingPlatform: BillingPlatform;

  @Field(() => Date, { description: 'When the app was created (an instant, ISO 8601 UTC)' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the app last changed (an instant, ISO 8601 UTC)' })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: "The app's first secret in full: only in the createApp answer, null everywhere else (it is never shown again)" })
  appSecret: string | null = null;

  ownerId: string;
  tagCode: string;
  grantedTrafficQuota: number | null;
  grantedPackages: string[] | null;

  static from(e: Omit<AppEntity, 'owner' | 'tag'>): AppType {
    // NOTE: an entity carrying its just-issued secret (createApp) must not leak it through any other field.
    const { issuedSecret: _issued, ...plain } = e as AppEntity & { issuedSecret?: unknown };
    return Object.assign(new AppType(), plain);
  }

  /** createApp's answer: the only place the app's first secret is shown. */
  static created(e: AppEntity & { issuedSecret: { secret: string } }): AppType {
    return Object.assign(AppType.from(e), { appSecret: e.issuedSecret.secret });
  }
}

@ObjectType('QuotaToday', { simpleResolvers: true, description: "The app's API-call quota for today (Beijing date), DOMAIN §2.2" })
export class QuotaTodayType {
  @Field(() => LocalDate, { description: 'The Beijing date the quota is for (YYYY-MM-DD); it resets at 24:00 Beijing time' })
  date: string;

  @Field(() => Int, { nullable: true, description: 'Calls allowed today, emergency traffic included; null where UV-based rules govern' })
  limit: number | null;

  @Field(() => Int, { nullable: true, description: 'The quota before emergency traffic' })
  baseLimit: number | null;

  @Field(() => QuotaSource, { description: "Where today's quota comes from" })
  source: QuotaSource;

  @Field(() => Boolean, { description: 'Emergency traffic was granted for today' })
  emergencyGranted: boolean;

  @Field(() => Int, { description: 'Emergency calls granted for today (0 when none)' })
  emergencyCalls: number;

  @Field(() => QuotaState, { description: 'LIMIT_REACHED_EMERGENCY_GRANTED: "limit reached, emergency traffic granted", until resetsAt' })
  state: QuotaState;

  @Field(() => Date, { description: '24:00 Beijing time of `date`: the quota and any emergency traffic end then' })
  resetsAt: Date;

  @Field(() => OperatorQuotaType, { nullable: true, description: 'Source CONTRACT or UV_OPERATOR_SET: the operator-set quota in force, with its contract or basis and date' })
  operatorQuota?: OperatorQuotaType | null;
}

@ObjectType('AppEdge', { simpleResolvers: true, description: 'One app of a connection, with its cursor' })
export class AppEdgeType {
  @Field(() => String, { description: 'Opaque position of this app: pass it as `after` to read the apps that follow' })
  cursor: string;

  @Field(() => AppType, { description: 'The app itself' })
  node: AppType;
}

@ObjectType('AppConnection', { simpleResolvers: true, description: "A page of apps (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class AppConnectionType {
  @Field(() => [AppEdgeType], { description: 'The apps of this page, each with its cursor' })
  edges: AppEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many apps the whole list holds (all pages), not only this page' })
  totalCount: number;
}

@InputType('CreateAppInput', { description: 'A new app: name, tag and the rest of its details' })
export class CreateAppInput {
  @Field(() => String, { description: 'Display name, no platform brand word' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the app does, no platform brand word' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Logo image address, no platform brand word' })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) callback address, no platform brand word' })
  callbackUrl?: string | null;

  @Field(() => ID, { description: "The tag's code, e.g. MERCHANT_BACKEND" })
  tagCode: string;

  @Field(() => Boolean, { nullable: true, description: 'True if it runs inside the platform cloud (lower in-cloud prices); default false' })
  inCloud?: boolean;

  @Field(() => [String], { nullable: true, description: 'AppFunction values; unknown ones are refused by name' })
  declaredFunctions?: string[];
}

@InputType('UpdateAppInput', { description: 'Only the fields given change' })
export class UpdateAppInput {
  @Field(() => String, { nullable: true, description: 'New display name, no platform brand word' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New description, no platform brand word' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'New logo image address, no platform brand word' })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'New http(s) callback address, no platform brand word' })
  callbackUrl?: string | null;

  @Field(() => ID, { nullable: true, description: 'Code of the tag to move the app to' })
  tagCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether it runs inside the platform cloud' })
  inCloud?: boolean;

  @Field(() => [String], { nullable: true, description: 'New declared functions (AppFunction values)' })
  declaredFunctions?: string[];
}

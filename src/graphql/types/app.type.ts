import { LocalDate } from './local-date.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AppEntity } from '../../db/entities';
import { AppFunction, AppStatus, BillingPlatform, QuotaSource, QuotaState } from './enums';
import { PageInfoType } from './connection.type';
import { OperatorQuotaType } from './operator-controls.type';

@ObjectType('App', { simpleResolvers: true, description: "A developer's app (DOMAIN §2)" })
export class AppType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Generated, unique' })
  appkey: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  logoUrl: string | null;

  @Field(() => String, { nullable: true })
  callbackUrl: string | null;

  @Field(() => Boolean, { description: 'Runs inside the platform cloud (JuShiTa / Doudian cloud)' })
  inCloud: boolean;

  @Field(() => [AppFunction])
  declaredFunctions: AppFunction[];

  @Field(() => AppStatus)
  status: AppStatus;

  @Field(() => Boolean, { description: 'Operator-set: may call VALUE_ADDED APIs from outside the cloud' })
  valueAddedOutOfCloudPermitted: boolean;

  @Field(() => BillingPlatform, { description: 'Which platform profile bills the app (operator-set)' })
  billingPlatform: BillingPlatform;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
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

  @Field(() => QuotaSource)
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

@ObjectType('AppEdge', { simpleResolvers: true })
export class AppEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => AppType)
  node: AppType;
}

@ObjectType('AppConnection', { simpleResolvers: true })
export class AppConnectionType {
  @Field(() => [AppEdgeType])
  edges: AppEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@InputType('CreateAppInput')
export class CreateAppInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  callbackUrl?: string | null;

  @Field(() => ID)
  tagCode: string;

  @Field(() => Boolean, { nullable: true })
  inCloud?: boolean;

  @Field(() => [String], { nullable: true, description: 'AppFunction values; unknown ones are refused by name' })
  declaredFunctions?: string[];
}

@InputType('UpdateAppInput', { description: 'Only the fields given change' })
export class UpdateAppInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  callbackUrl?: string | null;

  @Field(() => ID, { nullable: true })
  tagCode?: string;

  @Field(() => Boolean, { nullable: true })
  inCloud?: boolean;

  @Field(() => [String], { nullable: true })
  declaredFunctions?: string[];
}

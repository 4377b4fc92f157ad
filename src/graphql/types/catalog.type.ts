import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApplicationChannel, PackageKind, TrafficMode } from './enums';
import { PackageEntity, TagEntity } from '../../db/entities';

@ObjectType('Package', { simpleResolvers: true, description: 'A traffic package (daily call quota) or a value-added package' })
export class PackageType {
  @Field(() => ID, { description: "The package code, as the object's identity (the same value as code), so clients can cache it" })
  id: string;

  @Field(() => String, { description: "The package's code (e.g. TRAFFIC_1M, WANGWANG_CHAT_HISTORY)" })
  code: string;

  @Field(() => String, { description: 'Package name shown in the portal' })
  name: string;

  @Field(() => PackageKind, { description: 'TRAFFIC (a daily call quota) or VALUE_ADDED (an API capability)' })
  kind: PackageKind;

  @Field(() => Int, { nullable: true, description: 'TRAFFIC: calls per Beijing day' })
  dailyQuota: number | null;

  @Field(() => ApplicationChannel, { description: 'ONLINE, EMAIL or NONE' })
  applicationChannel: ApplicationChannel;

  @Field(() => String, { nullable: true, description: 'EMAIL channel: where applications go' })
  contactEmail: string | null;

  @Field(() => [String], { description: 'EMAIL channel: what an application must carry' })
  requiredMaterials: string[];

  @Field(() => String, { nullable: true, description: 'An app must declare this function to apply' })
  requiredFunction: string | null;

  static from(e: PackageEntity): PackageType {
    return Object.assign(new PackageType(), { ...e, id: e.code, requiredMaterials: e.requiredMaterials ?? [] });
  }
}

@ObjectType('Tag', { simpleResolvers: true, description: 'An app tag: its quotas, traffic mode and packages (DOMAIN §2.1)' })
export class TagType {
  @Field(() => ID, { description: "The tag code, as the object's identity (the same value as code), so clients can cache it" })
  id: string;

  @Field(() => String, { description: "The tag's code, e.g. MERCHANT_BACKEND" })
  code: string;

  @Field(() => String, { description: 'Tag name shown in the portal, e.g. "Merchant backend system"' })
  name: string;

  @Field(() => Int, { description: 'Calls/day while DEVELOPING, IN_REVIEW or REJECTED' })
  devTestQuota: number;

  @Field(() => Int, { nullable: true, description: 'Calls/day once ONLINE; null for UV_BASED tags' })
  defaultOnlineQuota: number | null;

  @Field(() => TrafficMode, { description: 'LADDER, CONTRACT or UV_BASED' })
  trafficMode: TrafficMode;

  @Field(() => String, { nullable: true, description: 'What the portal shows where there is no online application' })
  trafficNote: string | null;

  static from(e: TagEntity): TagType {
    return Object.assign(new TagType(), e, { id: e.code });
  }
}

@InputType('UpsertTagInput', { description: 'A tag to create or replace (by code)' })
export class UpsertTagInput {
  @Field(() => String, { description: 'The tag code, e.g. MERCHANT_BACKEND' })
  code: string;

  @Field(() => String, { description: 'Tag name shown in the portal' })
  name: string;

  @Field(() => Int, { description: 'Calls per day before ONLINE (5,000 in the seed)' })
  devTestQuota: number;

  @Field(() => Int, { nullable: true, description: 'Calls per day once ONLINE; null for UV_BASED tags' })
  defaultOnlineQuota?: number | null;

  @Field(() => TrafficMode, { description: 'LADDER, CONTRACT or UV_BASED' })
  trafficMode: TrafficMode;

  @Field(() => String, { nullable: true, description: 'What the portal shows about traffic (e.g. "by offline contract negotiation")' })
  trafficNote?: string | null;

  @Field(() => [ID], { description: 'Value-added packages its apps get by default' })
  defaultPackageCodes: string[];

  @Field(() => [ID], { description: 'Value-added packages the tag may apply for, and for LADDER tags the traffic rungs' })
  applicablePackageCodes: string[];
}

@InputType('UpsertPackageInput', { description: 'A package to create or replace (by code)' })
export class UpsertPackageInput {
  @Field(() => String, { description: 'The package code, e.g. TRAFFIC_1M' })
  code: string;

  @Field(() => String, { description: 'Package name shown in the portal' })
  name: string;

  @Field(() => PackageKind, { description: 'TRAFFIC (needs dailyQuota) or VALUE_ADDED' })
  kind: PackageKind;

  @Field(() => Int, { nullable: true, description: 'TRAFFIC: calls per Beijing day' })
  dailyQuota?: number | null;

  @Field(() => ApplicationChannel, { description: 'ONLINE, EMAIL or NONE' })
  applicationChannel: ApplicationChannel;

  @Field(() => String, { nullable: true, description: 'EMAIL channel: where applications go' })
  contactEmail?: string | null;

  @Field(() => [String], { nullable: true, description: 'EMAIL channel: the materials to attach' })
  requiredMaterials?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An AppFunction apps must declare to apply (e.g. PERFORMANCE_APPRAISAL)' })
  requiredFunction?: string | null;
}

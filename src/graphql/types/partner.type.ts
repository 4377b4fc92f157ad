import { Field, ID, ObjectType } from 'type-graphql';
import { DeveloperEntity, PartnerGrantEntity } from '../../db/entities';
import { DeveloperKind } from './enums';

@ObjectType('PartnerGrant', { simpleResolvers: true, description: "A developer's grant of read access to an integration partner" })
export class PartnerGrantType {
  @Field(() => ID, { description: "The grant's id" })
  id: string;

  @Field(() => ID, { description: "The partner's credential subject" })
  partnerId: string;

  @Field(() => ID, { description: 'The developer granting access' })
  developerId: string;

  @Field(() => Date, { description: 'When access was (last) granted' })
  grantedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When access was revoked; null while granted' })
  revokedAt: Date | null;

  @Field(() => Boolean, { description: 'Whether the partner may read the developer now' })
  active: boolean;

  static from(e: PartnerGrantEntity): PartnerGrantType {
    return Object.assign(new PartnerGrantType(), { id: String(e.id), partnerId: e.partnerId, developerId: e.developerId, grantedAt: e.grantedAt, revokedAt: e.revokedAt, active: e.revokedAt === null });
  }
}

/**
 * A developer as an integration partner sees it: reachable only through `partnerDeveloper(id)` /
 * `partnerDevelopers`, which check the grant once. Partner-visible data hangs off this type as
 * field resolvers (apps now; review status, package applications and bills as they land), so
 * every partner read is behind that one check.
 */
@ObjectType('PartnerDeveloper', { description: 'A developer that grants the calling partner access' })
export class PartnerDeveloperType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the partner developer; the same in every answer that holds it' })
  id: string;

  @Field(() => String, { description: "The developer's display name" })
  name: string;

  @Field(() => DeveloperKind, { description: 'ISV (builds for merchants) or SELF_DEVELOPING_MERCHANT (builds for its own store)' })
  kind: DeveloperKind;

  @Field(() => Date, { description: 'When this developer granted the partner access' })
  grantedAt: Date;

  static from(developer: DeveloperEntity, grant: PartnerGrantEntity): PartnerDeveloperType {
    return Object.assign(new PartnerDeveloperType(), { id: developer.id, name: developer.name, kind: developer.kind, grantedAt: grant.grantedAt });
  }
}

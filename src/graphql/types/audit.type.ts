import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AuditEntryEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';

@ObjectType('AuditEntry', { simpleResolvers: true, description: 'One audited change: who, when, what, before and after' })
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: "The actor's role, e.g. OPERATOR" })
  actorRole: string;

  @Field(() => ID, { description: "The actor's subject id" })
  actorId: string;

  @Field(() => String, { description: 'The mutation, e.g. upsertTag' })
  action: string;

  @Field(() => String, { description: 'The kind of object changed, e.g. Tag' })
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object before; null when it was created' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object after; null when it was deleted' })
  after: unknown;

  static from(e: AuditEntryEntity): AuditEntryType {
    return Object.assign(new AuditEntryType(), e);
  }
}

@ObjectType('AuditEntryEdge', { simpleResolvers: true })
export class AuditEntryEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEntryType)
  node: AuditEntryType;
}

@ObjectType('AuditEntryConnection', { simpleResolvers: true })
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType])
  edges: AuditEntryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

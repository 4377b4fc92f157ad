import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AuditEntryEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';

@ObjectType('AuditEntry', { simpleResolvers: true, description: 'One audited change: who, when, what, before and after' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the audit entry; the same in every answer that holds it' })
  id: string;

  @Field(() => Date, { description: 'When the change was made' })
  at: Date;

  @Field(() => String, { description: "The actor's role, e.g. OPERATOR" })
  actorRole: string;

  @Field(() => ID, { description: "The actor's subject id" })
  actorId: string;

  @Field(() => String, { description: 'The mutation, e.g. upsertTag' })
  action: string;

  @Field(() => String, { description: 'The kind of object changed, e.g. Tag' })
  entityType: string;

  @Field(() => ID, { description: "Id of the object that changed (of the kind named by the entry's entity type)" })
  entityId: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object before; null when it was created' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object after; null when it was deleted' })
  after: unknown;

  static from(e: AuditEntryEntity): AuditEntryType {
    return Object.assign(new AuditEntryType(), e);
  }
}

@ObjectType('AuditEntryEdge', { simpleResolvers: true, description: 'One audit entry of a connection, with its cursor' })
export class AuditEntryEdgeType {
  @Field(() => String, { description: 'Opaque position of this audit entry: pass it as `after` to read the audit entrys that follow' })
  cursor: string;

  @Field(() => AuditEntryType, { description: 'The audit entry itself' })
  node: AuditEntryType;
}

@ObjectType('AuditEntryConnection', { simpleResolvers: true, description: "A page of audit entrys (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType], { description: 'The audit entrys of this page, each with its cursor' })
  edges: AuditEntryEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many audit entrys the whole list holds (all pages), not only this page' })
  totalCount: number;
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where a page of a cursor connection sits (Relay cursor connections)' })
export class PageInfoType {
  @Field(() => Boolean, { description: 'More edges follow endCursor: ask again with after: endCursor' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Always false: connections page forward only (first/after)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page" })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; null on an empty page" })
  endCursor: string | null;
}

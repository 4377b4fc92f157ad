import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';

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

/** A Relay connection's shape: edges, page info and the total count. */
export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfoType;
  totalCount: number;
}

/**
 * The Edge and Connection object types of a node type (`XEdge`, `XConnection`), for the lists
 * that can grow (issue 13). Every connection pages forward with `first` (at most PAGE_MAX, one
 * bound for the whole API) and `after`, and carries the full PageInfo and totalCount.
 */
export function connectionType<N extends object>(node: ClassType<N>, name: string, what: string): ClassType<Connection<N>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} of a ${name}Connection, with its cursor` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge: pass it as `after` to read the edges that follow' })
    cursor: string;

    @Field(() => node, { description: `The ${what}` })
    node: N;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what}s (Relay cursor connection)` })
  class ConnectionOf {
    @Field(() => [Edge], { description: 'The edges of this page, in the list order' })
    edges: Edge[];

    @Field(() => PageInfoType, { description: 'Where this page sits' })
    pageInfo: PageInfoType;

    @Field(() => Int, { description: 'How many edges the whole list has, all pages together' })
    totalCount: number;
  }
  return ConnectionOf;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 1 to 100 (PAGE_MAX, one bound for every connection); 20 when omitted' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "An edge's cursor: the page starts after it" })
  after?: string | null;
}

import { violation, Violation } from '../../domain/common/violation';
import { encodeCursor, encodeKeyCursor, KeysetPage, KeyValue, PAGE_DEFAULT, PAGE_MAX, readKeysetArgs, CursorKey } from '../../services/common/pagination';
import { badUserInput } from './result';

/**
 * Edges and page info of a cursor connection, from one page of rows (cursor: the row's id unless
 * given). Connections page forward (`first`/`after`): `hasPreviousPage` is false, as the Relay
 * cursor spec allows for forward paging.
 */
export function toConnection<R extends { id: string | number }, N>(
  rows: readonly R[],
  hasNextPage: boolean,
  node: (row: R) => N,
  cursorOf: (row: R) => string = (row) => encodeCursor(String(row.id)),
): { edges: { cursor: string; node: N }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } {
  const edges = rows.map((row) => ({ cursor: cursorOf(row), node: node(row) }));
  return { edges, pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Checks `first` against the API's one bound (PAGE_MAX) and answers the limit, for services that page themselves. */
export function firstOf(first: number | null | undefined): number {
  const limit = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) throw badUserInput([violation('first', 'OUT_OF_RANGE', `first must be 1 to ${PAGE_MAX}`)]);
  return limit;
}

/** Checks `first`/`after` of a keyset-ordered connection; a bad value is BAD_USER_INPUT naming the argument. */
export function keysetArgs<R>(args: { first?: number | null; after?: string | null }, keys: readonly CursorKey<R>[]): { limit: number; after: KeyValue[] | null } {
  const page = readKeysetArgs(args, keys as readonly CursorKey<never>[]);
  if (Array.isArray(page)) throw badUserInput(page);
  return page;
}

/** A connection from one keyset page: each edge's cursor encodes the row's key values. */
export function keysetConnection<R, N>(page: KeysetPage<R>, keys: readonly CursorKey<R>[], node: (row: R) => N) {
  const edges = page.rows.map((row) => ({ cursor: encodeKeyCursor(keys.map((k) => k.of(row))), node: node(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

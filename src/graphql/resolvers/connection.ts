import { encodeCursor } from '../../services/common/pagination';

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

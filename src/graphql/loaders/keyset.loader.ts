import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { keysetCondition, keysetOrderBy, KeysetPage, KeyValue, SortKey } from '../../services/common/pagination';

/** A page of one parent's children: the parent and the page arguments, already checked. */
export interface ChildPageKey {
  parentId: string;
  limit: number;
  after: KeyValue[] | null;
}

/** Where a parent's children live and how one is read: the table, its parent column, the selected columns, the keyset order. */
export interface ChildPageSpec<R> {
  table: string;
  parent: string;
  /** The selected columns (bare column names or expressions with aliases of that one table). */
  select: string;
  /** The order, ending with a unique key; its `sql` are bare column names of the table. */
  keys: readonly SortKey<R>[];
  /** A further filter on the table's rows (e.g. the subject type of a polymorphic parent column), with its positional parameters. */
  where?: { sql: string; params: readonly unknown[] };
  map: (raw: Record<string, unknown>) => R;
}

/**
 * Pages of children (a connection on each object of a list, e.g. every app's secrets in `myApps`),
 * paged in SQL for a whole batch of parents: one statement per distinct page arguments. Window
 * functions number each parent's rows in the keyset order and count those after the cursor, so
 * each parent answers at most `limit + 1` rows, plus its first row for the total count.
 */
export function childPagesLoader<R>(ds: DataSource, spec: ChildPageSpec<R>) {
  return new DataLoader<ChildPageKey, KeysetPage<R>, string>(
    async (keys) => {
      const groups = new Map<string, { limit: number; after: KeyValue[] | null; parents: string[] }>();
      for (const k of keys) {
        const g = JSON.stringify([k.limit, k.after]);
        (groups.get(g) ?? groups.set(g, { limit: k.limit, after: k.after, parents: [] }).get(g)!).parents.push(k.parentId);
      }
      const pages = new Map<string, KeysetPage<R>>();
      const keyOrder = spec.keys as readonly SortKey<never>[];
      const order = keysetOrderBy(keyOrder);
      for (const [g, { limit, after, parents }] of groups) {
        const cond = after ? keysetCondition(keyOrder, after) : { sql: '1', params: [] as KeyValue[] };
        const rows: Record<string, unknown>[] = await ds.query(
          `SELECT * FROM (
             SELECT ${spec.select}, ${spec.parent} AS keyset_parent, CASE WHEN ${cond.sql} THEN 1 ELSE 0 END AS keyset_after,
                    COUNT(*) OVER (PARTITION BY ${spec.parent}) AS keyset_total,
                    ROW_NUMBER() OVER (PARTITION BY ${spec.parent} ORDER BY ${order}) AS keyset_row,
                    SUM(CASE WHEN ${cond.sql} THEN 1 ELSE 0 END) OVER (PARTITION BY ${spec.parent} ORDER BY ${order} ROWS UNBOUNDED PRECEDING) AS keyset_rank
               FROM ${spec.table} WHERE ${spec.parent} IN (?)${spec.where ? ` AND (${spec.where.sql})` : ''}
           ) keyset_rows
           WHERE keyset_row = 1 OR (keyset_after = 1 AND keyset_rank <= ?)
           ORDER BY keyset_parent, keyset_row`,
          [...cond.params, ...cond.params, parents, ...(spec.where?.params ?? []), limit + 1],
        );
        const byParent = new Map<string, { total: number; rows: R[] }>();
        for (const raw of rows) {
          const parent = String(raw.keyset_parent);
          const entry = byParent.get(parent) ?? byParent.set(parent, { total: Number(raw.keyset_total), rows: [] }).get(parent)!;
          if (Number(raw.keyset_after) === 1) entry.rows.push(spec.map(raw));
        }
        for (const parent of parents) {
          const entry = byParent.get(parent) ?? { total: 0, rows: [] };
          pages.set(`${parent}|${g}`, { rows: entry.rows.slice(0, limit), hasNextPage: entry.rows.length > limit, totalCount: entry.total });
        }
      }
      return keys.map((k) => pages.get(`${k.parentId}|${JSON.stringify([k.limit, k.after])}`)!);
    },
    { cacheKeyFn: (k) => JSON.stringify([k.parentId, k.limit, k.after]), maxBatchSize: 500 },
  );
}

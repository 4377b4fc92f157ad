import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { violation, Violation } from '../../domain/common/violation';

/** Cursor pagination over a descending numeric id: the cursor is the last id seen, base64url. */
export const PAGE_MAX = 100;
export const PAGE_DEFAULT = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const encodeCursor = (id: string): string => Buffer.from(`id:${id}`).toString('base64url');

export function decodeCursor(cursor: string): string | null {
  const raw = Buffer.from(cursor, 'base64url').toString();
  return /^id:\d{1,20}$/.test(raw) ? raw.slice(3) : null;
}

/** Checks page arguments; returns the limit and the id to continue below, or violations. */
export function readPageArgs(args: PageArgs): { limit: number; beforeId: string | null } | Violation[] {
  const out: Violation[] = [];
  const limit = args.first ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) out.push(violation('first', 'OUT_OF_RANGE', `first must be 1 to ${PAGE_MAX}`));
  let beforeId: string | null = null;
  if (args.after) {
    beforeId = decodeCursor(args.after);
    if (beforeId === null) out.push(violation('after', 'INVALID_CURSOR', 'after is not a cursor this API issued'));
  }
  return out.length > 0 ? out : { limit, beforeId };
}

/** One page of a filtered query, newest id first, below `beforeId`, with the filter's total count. */
export async function pageDescById<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  limit: number,
  beforeId: string | null,
): Promise<{ rows: T[]; hasNextPage: boolean; totalCount: number }> {
  const totalCount = await qb.clone().getCount();
  if (beforeId) qb.andWhere(`${alias}.id < :beforeId`, { beforeId });
  const rows = await qb.orderBy(`${alias}.id`, 'DESC').take(limit + 1).getMany();
  return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit, totalCount };
}

/** A value of a sort key as a keyset cursor carries it. */
export type KeyValue = string | number;

/**
 * One column of a keyset order: its SQL (a column or an expression of the query's alias), its
 * direction, its kind and how to read it from a row. A keyset order ends with a unique key, so
 * every row has one position and a cursor names exactly one.
 */
/** The part of a keyset order a cursor needs: each key's kind and how to read it from a row. */
export type CursorKey<T> = Pick<SortKey<T>, 'kind' | 'of'>;

export interface SortKey<T> {
  sql: string;
  dir: 'ASC' | 'DESC';
  /** 'time': a DATETIME column, carried in the cursor as epoch milliseconds. */
  kind: 'string' | 'number' | 'time';
  of: (row: T) => KeyValue;
}

/** The opaque cursor of a row in a keyset order: its key values, base64url. */
export const encodeKeyCursor = (values: readonly KeyValue[]): string => Buffer.from(`ks:${JSON.stringify(values)}`).toString('base64url');

/** The key values a cursor names, or null when it is not a cursor of this order. */
export function decodeKeyCursor(cursor: string, keys: readonly Pick<SortKey<never>, 'kind'>[]): KeyValue[] | null {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!raw.startsWith('ks:')) return null;
  let values: unknown;
  try {
    values = JSON.parse(raw.slice(3));
  } catch {
    return null;
  }
  if (!Array.isArray(values) || values.length !== keys.length) return null;
  const ok = values.every((v, i) => (keys[i].kind === 'string' ? typeof v === 'string' && v.length <= 200 : Number.isSafeInteger(v)));
  return ok ? (values as KeyValue[]) : null;
}

/** Checks page arguments of a keyset-ordered connection; returns the limit and the position to continue after, or violations. */
export function readKeysetArgs(args: PageArgs, keys: readonly Pick<SortKey<never>, 'kind'>[]): { limit: number; after: KeyValue[] | null } | Violation[] {
  const out: Violation[] = [];
  const limit = args.first ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) out.push(violation('first', 'OUT_OF_RANGE', `first must be 1 to ${PAGE_MAX}`));
  let after: KeyValue[] | null = null;
  if (args.after) {
    after = decodeKeyCursor(args.after, keys);
    if (after === null) out.push(violation('after', 'INVALID_CURSOR', 'after is not a cursor of this list'));
  }
  return out.length > 0 ? out : { limit, after };
}

/**
 * The SQL condition "the row comes after these key values" in a keyset order, as
 * `(k1 > a) OR (k1 = a AND k2 > b) …` (`<` for DESC keys), with positional parameters.
 */
export function keysetCondition(keys: readonly SortKey<never>[], after: readonly KeyValue[]): { sql: string; params: (KeyValue | Date)[] } {
  const parts: string[] = [];
  const params: (KeyValue | Date)[] = [];
  const param = (j: number) => (keys[j].kind === 'time' ? new Date(Number(after[j])) : after[j]);
  keys.forEach((key, i) => {
    const eq = keys.slice(0, i).map((k, j) => {
      params.push(param(j));
      return `${k.sql} = ?`;
    });
    params.push(param(i));
    parts.push(`(${[...eq, `${key.sql} ${key.dir === 'ASC' ? '>' : '<'} ?`].join(' AND ')})`);
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** The ORDER BY clause of a keyset order. */
export const keysetOrderBy = (keys: readonly SortKey<never>[]): string => keys.map((k) => `${k.sql} ${k.dir}`).join(', ');

/** One page of a keyset-ordered list: at most `limit` rows, whether more follow, the whole list's count. */
export interface KeysetPage<T> {
  rows: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * One page of a filtered query in a keyset order, paged in SQL: the rows after `after` (LIMIT
 * limit + 1 tells whether more follow), and the filter's total count (a second statement).
 */
export async function pageByKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: readonly SortKey<T>[],
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<KeysetPage<T>> {
  const totalCount = await qb.clone().getCount();
  if (after) {
    const cond = keysetCondition(keys as readonly SortKey<never>[], after);
    let n = 0;
    const named: Record<string, KeyValue | Date> = {};
    const sql = cond.sql.replace(/\?/g, () => {
      const name = `keyset_${n}`;
      named[name] = cond.params[n++];
      return `:${name}`;
    });
    qb.andWhere(sql, named);
  }
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.sql, k.dir) : qb.addOrderBy(k.sql, k.dir)));
  const rows = await qb.limit(limit + 1).getMany();
  return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit, totalCount };
}

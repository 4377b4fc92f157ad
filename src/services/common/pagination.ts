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

/**
 * One page of rows already held in memory and ordered newest id first (a parent's few children,
 * read by a loader for a whole page of parents): those below `beforeId`, at most `limit`.
 */
export function pageOfLoaded<T extends { id: string }>(rows: readonly T[], limit: number, beforeId: string | null): { rows: T[]; hasNextPage: boolean; totalCount: number } {
  const below = beforeId === null ? rows : rows.filter((r) => BigInt(r.id) < BigInt(beforeId));
  return { rows: below.slice(0, limit), hasNextPage: below.length > limit, totalCount: rows.length };
}

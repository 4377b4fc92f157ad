import { isOverdue } from '../common/sla.rule';

/** One pending item of a reviewer queue, whatever workflow it comes from. */
export interface QueueEntry {
  readonly submittedAt: Date;
  readonly dueAt: Date;
}

/**
 * The reviewer queue over several workflows (package and member-capability applications today):
 * the pending items of every list merged, earliest due first (ties: earliest submitted), the first
 * `limit`, each flagged `overdue` once its due time has come (DOMAIN §2.4 / §3: the SLA clock).
 */
export function mergeQueues<T extends QueueEntry>(lists: readonly (readonly T[])[], now: Date, limit: number): (T & { overdue: boolean })[] {
  return lists
    .flat()
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || x.submittedAt.getTime() - y.submittedAt.getTime())
    .slice(0, limit)
    .map((item) => ({ ...item, overdue: isOverdue(item.dueAt, now) }));
}

/** A review round is overdue while PENDING and past its due time; a decided round never is. */
export const isPendingOverdue = (pending: boolean, dueAt: Date, now: Date): boolean => pending && isOverdue(dueAt, now);

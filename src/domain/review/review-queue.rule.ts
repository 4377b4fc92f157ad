import { isOverdue } from '../common/sla.rule';

/** A review round is overdue while PENDING and past its due time; a decided round never is. */
export const isPendingOverdue = (pending: boolean, dueAt: Date, now: Date): boolean => pending && isOverdue(dueAt, now);

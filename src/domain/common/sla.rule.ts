/**
 * Whether something pending with an SLA is overdue at `now`: its due time (24:00 Beijing of the
 * last working day allowed) has come. NOTE: at exactly the due instant it is already overdue.
 */
export const isOverdue = (dueAt: Date, now: Date): boolean => now.getTime() >= dueAt.getTime();

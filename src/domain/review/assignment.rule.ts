import { addDays, beijingDate, beijingEndOfDay, beijingStartOfDay } from '../common/beijing-time';
import { isWorkingDay, WorkCalendar } from '../calendar/working-days.rule';

/** What a reviewer can hold (issue 18): an app or market review round, a package application, a member-capability application. */
export enum ReviewItemKind {
  REVIEW_ROUND = 'REVIEW_ROUND',
  PACKAGE_APPLICATION = 'PACKAGE_APPLICATION',
  MEMBER_CAPABILITY_APPLICATION = 'MEMBER_CAPABILITY_APPLICATION',
}

/** Which part of a queue to show: the caller's items, nobody's, or all. */
export enum AssignmentFilter {
  MINE = 'MINE',
  UNASSIGNED = 'UNASSIGNED',
  ALL = 'ALL',
}

const HOUR_MS = 3_600_000;

/**
 * Working hours left from `now` to `dueAt` (issue 18): the time between them that falls on working
 * days, in hours. NOTE: a working day counts whole (00:00–24:00 Beijing), as the SLA clock does (a
 * round is due at 24:00 of its 3rd working day); weekends and holidays in between stop the clock.
 * 0 once due.
 */
export function workingHoursLeft(cal: WorkCalendar, now: Date, dueAt: Date): number {
  if (dueAt.getTime() <= now.getTime()) return 0;
  let ms = 0;
  const last = beijingDate(new Date(dueAt.getTime() - 1));
  for (let day = beijingDate(now); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(cal, day)) continue;
    const start = Math.max(beijingStartOfDay(day).getTime(), now.getTime());
    const end = Math.min(beijingEndOfDay(day).getTime(), dueAt.getTime());
    if (end > start) ms += end - start;
  }
  return ms / HOUR_MS;
}

/** At risk: still open, not yet overdue, and due within `thresholdHours` working hours. */
export const isAtRisk = (open: boolean, now: Date, dueAt: Date, hoursLeft: number, thresholdHours: number): boolean =>
  open && dueAt.getTime() > now.getTime() && hoursLeft <= thresholdHours;

/** Reviewer ids are the identity provider's subjects: 1–64 characters. */
export const isReviewerId = (id: string): boolean => id.trim().length >= 1 && id.length <= 64;

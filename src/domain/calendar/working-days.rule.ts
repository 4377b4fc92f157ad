import { addDays, beijingEndOfDay, isoWeekday } from '../common/beijing-time';

/**
 * The Chinese working-day calendar (DOMAIN §3). A plain week works Monday to Friday; the official
 * State Council notice for a year moves some days: public holidays are OFF, make-up working days
 * (调休, e.g. a worked Saturday) are WORKDAY. Only those differing days are stored.
 */
export enum CalendarDayKind {
  OFF = 'OFF',
  WORKDAY = 'WORKDAY',
}

/** The calendar as the rules see it: the stored days (by YYYY-MM-DD) and the years they cover. */
export interface WorkCalendar {
  /** The stored kind of a date, if the calendar has a row for it. */
  readonly dayKind: (date: string) => CalendarDayKind | undefined;
  /** Years whose official notice is in the calendar. Dates in any other year follow the plain week. */
  readonly coveredYears: ReadonlySet<number>;
}

/** Builds a WorkCalendar from rows. */
export function workCalendar(rows: Iterable<{ date: string; kind: CalendarDayKind }>, coveredYears: Iterable<number>): WorkCalendar {
  const byDate = new Map<string, CalendarDayKind>();
  for (const r of rows) byDate.set(r.date, r.kind);
  return { dayKind: (date) => byDate.get(date), coveredYears: new Set(coveredYears) };
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** True when Saturday or Sunday. */
export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

/** Whether a Beijing date is a working day: its stored kind, else Monday to Friday. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const kind = cal.dayKind(date);
  if (kind !== undefined) return kind === CalendarDayKind.WORKDAY;
  return !isWeekend(date);
}

/** True when the date falls in a year the calendar does not cover (its answer is a guess). */
export const isProvisional = (cal: WorkCalendar, date: string): boolean => !cal.coveredYears.has(yearOf(date));

export interface WorkingDayDue {
  /** The Nth working day after D (Beijing date, YYYY-MM-DD). */
  readonly dueDate: string;
  /** The end of that day: 24:00 Beijing time (= 16:00 UTC of that date). */
  readonly dueAt: Date;
  /** True when any day counted (D+1 .. dueDate) lies in a year with no calendar rows. */
  readonly provisional: boolean;
}

/**
 * The end of the Nth working day after Beijing date D (DOMAIN §3 SLA clock): D itself never
 * counts, whatever hour the round was submitted. n ≥ 1.
 * NOTE: the instant returned is 24:00 Beijing of the due day; "before dueAt" means on time.
 */
export function endOfNthWorkingDayAfter(cal: WorkCalendar, date: string, n: number): WorkingDayDue {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  let day = date;
  let counted = 0;
  let provisional = false;
  while (counted < n) {
    day = addDays(day, 1);
    if (isProvisional(cal, day)) provisional = true;
    if (isWorkingDay(cal, day)) counted++;
  }
  return { dueDate: day, dueAt: beijingEndOfDay(day), provisional };
}

export interface WorkingDayCount {
  readonly count: number;
  /** True when any day in the range lies in a year with no calendar rows. */
  readonly provisional: boolean;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function countWorkingDays(cal: WorkCalendar, from: string, to: string): WorkingDayCount {
  let count = 0;
  let provisional = false;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (isProvisional(cal, day)) provisional = true;
    if (isWorkingDay(cal, day)) count++;
  }
  return { count, provisional };
}

/**
 * Working days left before a due date, seen on Beijing date `today`: the working days after
 * today up to and including the due day (0 on the due day itself, which is still on time).
 * Once past the due day it is negative: minus the working days from the day after the due day
 * to today. NOTE: today never counts, matching the SLA clock, where the submission day never counts.
 */
export function workingDaysLeft(cal: WorkCalendar, today: string, dueDate: string): number {
  if (today <= dueDate) return countWorkingDays(cal, addDays(today, 1), dueDate).count;
  return -countWorkingDays(cal, addDays(dueDate, 1), today).count;
}

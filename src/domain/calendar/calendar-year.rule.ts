import { addDays, isIsoDate, isoWeekday } from '../common/beijing-time';
import { violation, Violation } from '../common/violation';
import { CalendarDayKind } from './working-days.rule';

/** The calendar should cover at least this many days ahead; fewer raises the coverage warning (issue 18). */
export const COVERAGE_WARNING_DAYS = 60;

export interface NoticeDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly note: string;
}

export interface YearNoticeInput {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

/**
 * A year's official notice as days (issue 18): holidays OFF, make-up working days WORKDAY. Every date
 * real and in that year; no date listed twice; a make-up working day is a Saturday or Sunday (a
 * weekday already works); at least one holiday (a notice without any is a mistake). Years 2000–2100.
 */
export function checkYearNotice(input: YearNoticeInput, field = 'holidays'): Violation[] {
  const v: Violation[] = [];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) v.push(violation('year', 'OUT_OF_RANGE', `a year from 2000 to 2100 (got ${input.year})`));
  const seen = new Map<string, string>();
  const check = (list: readonly string[], name: string, weekendOnly: boolean) =>
    list.forEach((d, i) => {
      const f = `${name}[${i}]`;
      if (!isIsoDate(d)) v.push(violation(f, 'NOT_A_DATE', `YYYY-MM-DD (got "${d}")`));
      else if (Number(d.slice(0, 4)) !== input.year) v.push(violation(f, 'OTHER_YEAR', `${d} is not in ${input.year}`));
      else if (seen.has(d)) v.push(violation(f, 'DUPLICATE_DATE', `${d} is listed already (${seen.get(d)})`));
      else if (weekendOnly && isoWeekday(d) < 6) v.push(violation(f, 'NOT_A_WEEKEND', `${d} is a weekday: it works already`));
      if (isIsoDate(d) && !seen.has(d)) seen.set(d, f);
    });
  check(input.holidays, 'holidays', false);
  check(input.workdays, 'workdays', true);
  if (input.holidays.length === 0) v.push(violation(field, 'EMPTY_NOTICE', 'a notice lists its public holidays'));
  return v;
}

/** Unfolds RFC 5545 content lines (a line starting with a space or tab continues the previous one). */
const unfold = (text: string): string[] => text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '').split('\n');

const icsDate = (value: string): string | null => {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

/** Words that mark an event as a make-up working day in common holiday feeds. */
const WORKDAY_MARK = /补班|上班|调休上班|(^|[^休])班$|make-?up|workday|working day/i;

/**
 * Reads a holiday ICS file (issue 18) into holidays and make-up working days. Each VEVENT with an
 * all-day DTSTART (and optional exclusive DTEND) is one or more days. NOTE, Decision: an event is a
 * make-up working day when its CATEGORIES say WORKDAY or its SUMMARY says so (补班, 上班, "班" at the
 * end, make-up, workday); every other event is a holiday. Returns violations naming the event.
 */
export function parseHolidayIcs(text: string): { holidays: NoticeDay[]; workdays: NoticeDay[]; violations: Violation[] } {
  const holidays: NoticeDay[] = [];
  const workdays: NoticeDay[] = [];
  const violations: Violation[] = [];
  const lines = unfold(text);
  if (!lines.some((l) => l.trim() === 'BEGIN:VCALENDAR')) return { holidays, workdays, violations: [violation('ics', 'NOT_ICS', 'an iCalendar file starts with BEGIN:VCALENDAR')] };
  let event: Record<string, string> | null = null;
  let n = 0;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === 'BEGIN:VEVENT') {
      event = {};
      continue;
    }
    if (line === 'END:VEVENT' && event) {
      const at = `ics.events[${n++}]`;
      const start = event.DTSTART ? icsDate(event.DTSTART) : null;
      const end = event.DTEND ? icsDate(event.DTEND) : null;
      if (!start || !isIsoDate(start)) violations.push(violation(`${at}.DTSTART`, 'NOT_A_DATE', 'an all-day DTSTART (YYYYMMDD)'));
      else if (end !== null && (!isIsoDate(end) || end <= start)) violations.push(violation(`${at}.DTEND`, 'NOT_AFTER_START', 'DTEND is after DTSTART (exclusive)'));
      else if (end !== null && end > addDays(start, 31)) violations.push(violation(`${at}.DTEND`, 'TOO_LONG', 'an event spans at most 31 days'));
      else {
        const summary = (event.SUMMARY ?? '').replace(/\\,/g, ',').slice(0, 100);
        const isWork = /WORKDAY/i.test(event.CATEGORIES ?? '') || WORKDAY_MARK.test(summary);
        for (let d = start; d < (end ?? addDays(start, 1)); d = addDays(d, 1)) (isWork ? workdays : holidays).push({ date: d, kind: isWork ? CalendarDayKind.WORKDAY : CalendarDayKind.OFF, note: summary });
      }
      event = null;
      continue;
    }
    if (event) {
      const i = line.indexOf(':');
      if (i > 0) event[line.slice(0, i).split(';')[0].toUpperCase()] = line.slice(i + 1);
    }
  }
  return { holidays, workdays, violations };
}

export interface CalendarCoverage {
  /** The last Beijing date of the unbroken run of covered years from today's year; null when today's year is not covered. */
  readonly coveredThrough: string | null;
  /** Days from today to coveredThrough (0 when not covered). */
  readonly daysAhead: number;
  /** True while fewer than COVERAGE_WARNING_DAYS days ahead are covered. */
  readonly warning: boolean;
}

/** How far ahead the working-day calendar holds official notices (issue 18): warn under 60 days. */
export function calendarCoverage(coveredYears: ReadonlySet<number>, today: string): CalendarCoverage {
  let year = Number(today.slice(0, 4));
  if (!coveredYears.has(year)) return { coveredThrough: null, daysAhead: 0, warning: true };
  while (coveredYears.has(year + 1)) year++;
  const coveredThrough = `${year}-12-31`;
  const daysAhead = Math.round((Date.parse(`${coveredThrough}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { coveredThrough, daysAhead, warning: daysAhead < COVERAGE_WARNING_DAYS };
}

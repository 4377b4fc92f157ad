import { workCalendar, CalendarDayKind } from '../calendar/working-days.rule';
import { isAtRisk, workingHoursLeft } from './assignment.rule';

// 2026: Oct 1–7 National Day holiday, Oct 10 (Saturday) a make-up working day (State Council notice).
const cal = workCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: CalendarDayKind.OFF })),
    { date: '2026-10-10', kind: CalendarDayKind.WORKDAY },
  ],
  [2026],
);
const at = (iso: string) => new Date(iso);

describe('working hours left before a due time (whole working days, Beijing)', () => {
  it.each([
    // Friday 2026-11-20 12:00 Beijing → due end of Wed 11-25: Fri 12 h + Mon, Tue, Wed 72 h = 84 h (the weekend stops the clock).
    ['2026-11-20T04:00:00Z', '2026-11-25T16:00:00Z', 84],
    // Tuesday 18:00 Beijing → due end of Wednesday: 6 h + 24 h.
    ['2026-11-24T10:00:00Z', '2026-11-25T16:00:00Z', 30],
    // Over National Day: Wed 2026-09-30 12:00 → due end of Fri 10-09 (Oct 1–7 off, Oct 8, 9 work): 12 + 48.
    ['2026-09-30T04:00:00Z', '2026-10-09T16:00:00Z', 60],
    // Due already: 0.
    ['2026-11-26T00:00:00Z', '2026-11-25T16:00:00Z', 0],
  ])('from %s to %s: %p working hours', (now, due, hours) => {
    expect(workingHoursLeft(cal, at(now), at(due))).toBe(hours);
  });

  it('a Saturday make-up working day counts (Sat 2026-10-10)', () => {
    expect(workingHoursLeft(cal, at('2026-10-09T16:00:00Z'), at('2026-10-10T16:00:00Z'))).toBe(24);
    expect(workingHoursLeft(cal, at('2026-10-10T16:00:00Z'), at('2026-10-11T16:00:00Z'))).toBe(0);
  });

  it('at risk: open, not overdue, within the threshold (24 working hours by default)', () => {
    const now = at('2026-11-24T10:00:00Z');
    expect(isAtRisk(true, now, at('2026-11-25T16:00:00Z'), 30, 24)).toBe(false);
    expect(isAtRisk(true, now, at('2026-11-25T16:00:00Z'), 24, 24)).toBe(true);
    expect(isAtRisk(false, now, at('2026-11-25T16:00:00Z'), 1, 24)).toBe(false);
    expect(isAtRisk(true, now, at('2026-11-24T09:00:00Z'), 0, 24)).toBe(false); // overdue is flagged as overdue instead
  });
});

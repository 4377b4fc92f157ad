import { CalendarDayKind } from '../../domain/calendar/working-days.rule';
import { CALENDAR_SEED_YEARS, calendarRowsFor } from './02-calendar.seed';

/**
 * The seed's source checked against the official notices (State Council General Office, holiday
 * arrangements for 2025 and for 2026), typed in by hand: every weekday holiday and every make-up
 * weekend working day, nothing else.
 */
const rowsOf = (year: number, kind: CalendarDayKind) =>
  calendarRowsFor(year)
    .filter((r) => r.kind === kind)
    .map((r) => r.date);

describe('seed 02: working-day calendar from chinese-days, checked against the official notices', () => {
  it('2026 notice: New Year Jan 1–3, Spring Festival Feb 15–23, Qingming Apr 4–6, Labour May 1–5, Dragon Boat Jun 19–21, Mid-Autumn Sep 25–27, National Day Oct 1–7; weekdays among them are OFF rows', () => {
    expect(rowsOf(2026, CalendarDayKind.OFF)).toEqual([
      '2026-01-01', '2026-01-02',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23',
      '2026-04-06',
      '2026-05-01', '2026-05-04', '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
  });

  it('2026 notice: make-up working days Sun Jan 4, Sat Feb 14, Sat Feb 28, Sat May 9, Sun Sep 20, Sat Oct 10', () => {
    expect(rowsOf(2026, CalendarDayKind.WORKDAY)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('2025 notice: New Year Jan 1, Spring Festival Jan 28–Feb 4, Qingming Apr 4–6, Labour May 1–5, Dragon Boat May 31–Jun 2, National Day/Mid-Autumn Oct 1–8', () => {
    expect(rowsOf(2025, CalendarDayKind.OFF)).toEqual([
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04',
      '2025-04-04',
      '2025-05-01', '2025-05-02', '2025-05-05',
      '2025-06-02',
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08',
    ]);
    // make-up: Sun Jan 26, Sat Feb 8, Sun Apr 27, Sun Sep 28, Sat Oct 11
    expect(rowsOf(2025, CalendarDayKind.WORKDAY)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('seeds only years the package really covers: 2004 to 2026, never 2027 (which it answers as plain weeks)', () => {
    expect(CALENDAR_SEED_YEARS[0]).toBe(2004);
    expect(CALENDAR_SEED_YEARS.at(-1)).toBe(2026);
    expect(CALENDAR_SEED_YEARS).not.toContain(2027);
    for (const year of CALENDAR_SEED_YEARS) expect(calendarRowsFor(year).length).toBeGreaterThan(0);
  });

  it('rows carry the holiday name and the source', () => {
    expect(calendarRowsFor(2026).find((r) => r.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      kind: CalendarDayKind.WORKDAY,
      note: 'Make-up working day: Spring Festival (春节)',
      updatedBy: expect.stringMatching(/^seed:chinese-days@\d+\.\d+\.\d+$/),
    });
  });
});

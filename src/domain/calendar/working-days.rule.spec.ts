import { beijingDate } from '../common/beijing-time';
import { CalendarDayKind, countWorkingDays, endOfNthWorkingDayAfter, isWorkingDay, workCalendar, workingDaysLeft } from './working-days.rule';

/**
 * The 2026 official notice (State Council General Office, holiday arrangements for 2026), typed
 * in by hand here so the rule is checked against the notice and not against the package the seed
 * reads. Only days that differ from the plain week are rows: weekday holidays OFF, make-up
 * weekend days WORKDAY.
 */
const OFF_2026 = [
  '2026-01-01', '2026-01-02', // New Year (Jan 3 is a Saturday anyway)
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23', // Spring Festival Feb 15–23
  '2026-04-06', // Qingming Apr 4–6
  '2026-05-01', '2026-05-04', '2026-05-05', // Labour Day May 1–5
  '2026-06-19', // Dragon Boat Jun 19–21
  '2026-09-25', // Mid-Autumn Sep 25–27
  '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', // National Day Oct 1–7
];
const WORKDAY_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
const rows = [
  ...OFF_2026.map((date) => ({ date, kind: CalendarDayKind.OFF })),
  ...WORKDAY_2026.map((date) => ({ date, kind: CalendarDayKind.WORKDAY })),
  // 2025's New Year's Day, so the 2025/2026 boundary is covered on both sides
  { date: '2025-01-01', kind: CalendarDayKind.OFF },
];
const cal = workCalendar(rows, [2025, 2026]);
const plainWeek = workCalendar([], []);

describe('isWorkingDay: the stored kind wins, else Monday to Friday', () => {
  it.each([
    ['2026-11-20', true, 'a plain Friday'],
    ['2026-11-21', false, 'a plain Saturday'],
    ['2026-02-14', true, 'Saturday, make-up working day for the Spring Festival'],
    ['2026-09-20', true, 'Sunday, make-up working day for National Day'],
    ['2026-10-01', false, 'Thursday, National Day'],
    ['2026-02-15', false, 'Sunday inside the Spring Festival: off by the plain week, no row needed'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });
});

describe('endOfNthWorkingDayAfter(D, 3): DOMAIN §3, due at 24:00 Beijing of the 3rd working day after D', () => {
  it.each([
    // [submitted D, due date, reason, worked by hand from the notice]
    ['2026-11-20', '2026-11-25', 'DOMAIN example: Fri; Sat/Sun off; Mon 23 (1), Tue 24 (2), Wed 25 (3)'],
    // Spring Festival 2026: off Feb 15–23, make-up workdays Sat Feb 14 and Sat Feb 28
    ['2026-02-12', '2026-02-24', 'just before: Fri 13 (1), Sat 14 make-up (2), Feb 15–23 off, Tue 24 (3)'],
    ['2026-02-13', '2026-02-25', 'last plain day before: Sat 14 make-up (1), Feb 15–23 off, Tue 24 (2), Wed 25 (3)'],
    ['2026-02-18', '2026-02-26', 'during (Wed, off): Feb 19–23 off, Tue 24 (1), Wed 25 (2), Thu 26 (3)'],
    ['2026-02-25', '2026-02-28', 'after, window holds the make-up Saturday: Thu 26 (1), Fri 27 (2), Sat 28 make-up (3)'],
    // National Day 2026: off Oct 1–7 (and Mid-Autumn Sep 25–27), make-up Sun Sep 20 and Sat Oct 10
    ['2026-09-17', '2026-09-21', 'window holds the make-up Sunday: Fri 18 (1), Sat 19 off, Sun 20 make-up (2), Mon 21 (3)'],
    ['2026-09-24', '2026-09-30', 'Mid-Autumn: Fri 25 off, Sat 26/Sun 27 off, Mon 28 (1), Tue 29 (2), Wed 30 (3)'],
    ['2026-09-29', '2026-10-09', 'just before: Wed 30 (1), Oct 1–7 off, Thu 8 (2), Fri 9 (3)'],
    ['2026-09-30', '2026-10-10', 'last day before: Oct 1–7 off, Thu 8 (1), Fri 9 (2), Sat 10 make-up (3)'],
    ['2026-10-03', '2026-10-10', 'during (Sat, off): Oct 4–7 off, Thu 8 (1), Fri 9 (2), Sat 10 make-up (3)'],
    ['2026-10-09', '2026-10-13', 'after: Sat 10 make-up (1), Sun 11 off, Mon 12 (2), Tue 13 (3)'],
    // New Year across the covered 2025/2026 boundary: Jan 1–3 off, Sun Jan 4 make-up
    ['2025-12-31', '2026-01-06', 'Wed: Jan 1 Thu off, Jan 2 Fri off, Sat 3 off, Sun 4 make-up (1), Mon 5 (2), Tue 6 (3)'],
  ])('submitted %s → due end of %s (%s)', (submitted, due) => {
    const result = endOfNthWorkingDayAfter(cal, submitted, 3);
    expect(result.dueDate).toBe(due);
    expect(result.dueAt.toISOString()).toBe(`${due}T16:00:00.000Z`);
    expect(result.provisional).toBe(false);
  });

  it('without the notice the same submissions fall elsewhere (the calendar is what moves them)', () => {
    expect(endOfNthWorkingDayAfter(plainWeek, '2026-02-25', 3).dueDate).toBe('2026-03-02');
    expect(endOfNthWorkingDayAfter(plainWeek, '2026-09-29', 3).dueDate).toBe('2026-10-02');
  });

  it('a window reaching into a year with no calendar rows counts weekends only and is provisional', () => {
    // Wed 2026-12-30: Thu 31 (1), Fri 2027-01-01 (2, 2027 not covered: plain week), Mon 2027-01-04 (3)
    expect(endOfNthWorkingDayAfter(cal, '2026-12-30', 3)).toEqual({ dueDate: '2027-01-04', dueAt: new Date('2027-01-04T16:00:00.000Z'), provisional: true });
    // Mon 2026-12-28 → Tue 29, Wed 30, Thu 31: every counted day is in 2026
    expect(endOfNthWorkingDayAfter(cal, '2026-12-28', 3).provisional).toBe(false);
  });

  it('23:59 and 00:01 Beijing on the same UTC day are different Beijing dates, so different due dates', () => {
    const at2359 = new Date('2026-11-19T15:59:00Z'); // Thu 2026-11-19 23:59 Beijing
    const at0001 = new Date('2026-11-19T16:01:00Z'); // Fri 2026-11-20 00:01 Beijing
    expect(beijingDate(at2359)).toBe('2026-11-19');
    expect(beijingDate(at0001)).toBe('2026-11-20');
    // Thu: Fri 20 (1), Mon 23 (2), Tue 24 (3)
    expect(endOfNthWorkingDayAfter(cal, beijingDate(at2359), 3).dueDate).toBe('2026-11-24');
    expect(endOfNthWorkingDayAfter(cal, beijingDate(at0001), 3).dueDate).toBe('2026-11-25');
  });

  it('n must be a positive integer', () => {
    expect(() => endOfNthWorkingDayAfter(cal, '2026-11-20', 0)).toThrow(RangeError);
  });
});

describe('countWorkingDays (both ends included)', () => {
  it('Spring Festival, Feb 9 to Mar 1 2026: Mon–Fri Feb 9–13 (5) + Sat 14 (1) + Tue–Fri Feb 24–27 (4) + Sat 28 (1) = 11', () => {
    expect(countWorkingDays(cal, '2026-02-09', '2026-03-01')).toEqual({ count: 11, provisional: false });
  });

  it('a plain week has 5; an empty range has 0; a range into 2027 is provisional', () => {
    expect(countWorkingDays(cal, '2026-11-16', '2026-11-22').count).toBe(5);
    expect(countWorkingDays(cal, '2026-11-22', '2026-11-16').count).toBe(0);
    expect(countWorkingDays(cal, '2026-12-28', '2027-01-03')).toEqual({ count: 5, provisional: true });
  });
});

describe('workingDaysLeft: working days after today up to the due day; negative once past', () => {
  it.each([
    ['2026-11-20', 3, 'submission day (Fri): Mon, Tue, Wed left'],
    ['2026-11-22', 3, 'Sunday: Mon, Tue, Wed left'],
    ['2026-11-24', 1, 'Tuesday: Wed left'],
    ['2026-11-25', 0, 'the due day itself: still on time until 24:00'],
    ['2026-11-26', -1, 'Thursday: one working day late'],
    ['2026-11-30', -3, 'next Monday: Thu, Fri, Mon late'],
  ])('due Wed 2026-11-25, seen on %s → %i (%s)', (today, left) => {
    expect(workingDaysLeft(cal, today, '2026-11-25')).toBe(left);
  });
});

import { calendarCoverage, checkYearNotice, parseHolidayIcs } from './calendar-year.rule';

const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field} ${x.rule}`);

describe('a year notice: holidays and make-up working days of that year', () => {
  it('accepts the 2026 notice figures (holidays Jan 1–3 …; make-up Sun Jan 4, Sat Feb 14)', () => {
    expect(checkYearNotice({ year: 2026, holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: ['2026-01-04', '2026-02-14'] })).toEqual([]);
  });
  it('names each broken rule by index', () => {
    expect(rules(checkYearNotice({ year: 2027, holidays: ['2027-01-01', '2026-12-31', '2027-02-30', '2027-01-01'], workdays: ['2027-01-04', '2027-01-01'] }))).toEqual([
      'holidays[1] OTHER_YEAR',
      'holidays[2] NOT_A_DATE',
      'holidays[3] DUPLICATE_DATE',
      'workdays[0] NOT_A_WEEKEND', // Monday 2027-01-04
      'workdays[1] DUPLICATE_DATE',
    ]);
    expect(rules(checkYearNotice({ year: 1999, holidays: [], workdays: [] }))).toEqual(['year OUT_OF_RANGE', 'holidays EMPTY_NOTICE']);
  });
});

describe('holiday ICS files', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270104',
    'SUMMARY:元旦 休',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270206',
    'SUMMARY:春节补班',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20271009',
    'CATEGORIES:WORKDAY',
    'SUMMARY:National Day',
    '  make-up',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('expands all-day events (DTEND exclusive) and tells make-up working days by their mark', () => {
    const parsed = parseHolidayIcs(ics);
    expect(parsed.violations).toEqual([]);
    expect(parsed.holidays.map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(parsed.workdays.map((d) => [d.date, d.note])).toEqual([
      ['2027-02-06', '春节补班'],
      ['2027-10-09', 'National Day make-up'],
    ]);
  });

  it('refuses what is not an iCalendar file, and names a bad event', () => {
    expect(rules(parseHolidayIcs('hello').violations)).toEqual(['ics NOT_ICS']);
    expect(rules(parseHolidayIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20270105\nDTEND:20270101\nEND:VEVENT\nEND:VCALENDAR').violations)).toEqual([
      'ics.events[0].DTSTART NOT_A_DATE',
      'ics.events[1].DTEND NOT_AFTER_START',
    ]);
  });
});

describe('coverage: warn while fewer than 60 days ahead are covered', () => {
  it.each([
    ['2026-11-20', [2025, 2026], '2026-12-31', 41, true],
    ['2026-11-01', [2026], '2026-12-31', 60, false],
    ['2026-11-20', [2026, 2027], '2027-12-31', 406, false],
    ['2027-01-02', [2026], null, 0, true],
  ])('today %s, covered %p → through %s, %p days, warning %p', (today, years, through, days, warning) => {
    expect(calendarCoverage(new Set(years as number[]), today as string)).toEqual({ coveredThrough: through, daysAhead: days, warning });
  });
});

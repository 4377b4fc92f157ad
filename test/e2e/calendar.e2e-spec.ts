/**
 * Working-day calendar (issue 3 step 1, DOMAIN §3): seeded rows, the public `workingDays` query,
 * the operator's `setCalendarDay`, and the CalendarService other features call for SLAs.
 */
import { Role } from '../../src/domain/common/role';
import { CalendarService } from '../../src/services/calendar/calendar.service';
import { SetCalendarDayDocument, WorkingDaysDocument } from '../generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let calendar: CalendarService;
beforeAll(async () => {
  t = await TestApp.start();
  calendar = new CalendarService(t.ds);
});
afterAll(() => t?.stop());

describe('workingDays (public)', () => {
  it('an anonymous caller reads the 2026 Spring Festival weeks: make-up Saturdays work, Feb 15–23 off', async () => {
    const { data } = await t.gql(WorkingDaysDocument, { from: '2026-02-13', to: '2026-02-28' });
    const wd = data!.workingDays;
    // Fri 13, Sat 14 (make-up), Tue 24, Wed 25, Thu 26, Fri 27, Sat 28 (make-up) = 7
    expect(wd.count).toBe(7);
    expect(wd.provisional).toBe(false);
    expect(wd.days.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28']);
    expect(wd.days.find((d) => d.date === '2026-02-14')).toMatchObject({ working: true, kind: 'WORKDAY', note: 'Make-up working day: Spring Festival (春节)' });
    expect(wd.days.find((d) => d.date === '2026-02-16')).toMatchObject({ working: false, kind: 'OFF', note: 'Spring Festival (春节)' });
    // a Sunday inside the holiday is off by the plain week: no row
    expect(wd.days.find((d) => d.date === '2026-02-22')).toMatchObject({ working: false, kind: null, note: null });
  });

  it('2027 has no calendar rows (no notice yet): plain week, marked provisional', async () => {
    const { data } = await t.gql(WorkingDaysDocument, { from: '2026-12-31', to: '2027-01-03' });
    // Thu 31 works; Fri 2027-01-01 works by the plain week (not yet known as a holiday)
    expect(data!.workingDays).toMatchObject({ count: 2, provisional: true });
    expect(data!.workingDays.days.map((d) => d.provisional)).toEqual([false, true, true, true]);
  });

  it('bad dates and over-long ranges are BAD_USER_INPUT naming the field', async () => {
    const bad = await t.gql(WorkingDaysDocument, { from: '2026-02-30', to: '2026-03-01' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('from');
    const long = await t.gql(WorkingDaysDocument, { from: '2026-01-01', to: '2027-01-02' });
    expect(long.errors![0].extensions!.violations).toEqual([expect.objectContaining({ field: 'to', rule: 'RANGE_TOO_LONG' })]);
  });
});

describe('CalendarService.dueAfterWorkingDays (the SLA other features call)', () => {
  it.each([
    ['2026-11-20T04:00:00Z', '2026-11-25T16:00:00.000Z', 'Fri 2026-11-20 noon Beijing → end of Wed 11-25 (DOMAIN example)'],
    ['2026-11-19T16:01:00Z', '2026-11-25T16:00:00.000Z', '00:01 Beijing Fri 11-20 (UTC still Thu 19) → Wed 11-25'],
    ['2026-11-19T15:59:00Z', '2026-11-24T16:00:00.000Z', '23:59 Beijing Thu 11-19, same UTC day → Fri, Mon, Tue: end of Tue 11-24'],
    ['2026-09-30T02:00:00Z', '2026-10-10T16:00:00.000Z', 'Wed Sep 30 → Oct 1–7 off, Thu 8, Fri 9, Sat 10 (make-up)'],
    ['2026-02-25T02:00:00Z', '2026-02-28T16:00:00.000Z', 'Wed Feb 25 → Thu 26, Fri 27, Sat 28 (make-up)'],
  ])('submitted %s → due %s (%s)', async (submitted, due) => {
    expect(await calendar.dueAfterWorkingDays(new Date(submitted), 3)).toEqual({ dueAt: new Date(due), provisional: false });
  });

  it('a window into 2027 is provisional', async () => {
    // Wed 2026-12-30: Thu 31, Fri 2027-01-01 (plain week), Mon 2027-01-04
    expect(await calendar.dueAfterWorkingDays(new Date('2026-12-30T02:00:00Z'), 3)).toEqual({ dueAt: new Date('2027-01-04T16:00:00Z'), provisional: true });
  });

  it('workingDaysLeft: 3 on the submission Friday, 0 on the due Wednesday, -1 the Thursday after', async () => {
    const dueAt = new Date('2026-11-25T16:00:00Z');
    expect(await calendar.workingDaysLeft(new Date('2026-11-20T04:00:00Z'), dueAt)).toBe(3);
    expect(await calendar.workingDaysLeft(new Date('2026-11-25T15:59:00Z'), dueAt)).toBe(0);
    expect(await calendar.workingDaysLeft(new Date('2026-11-26T01:00:00Z'), dueAt)).toBe(-1);
  });
});

describe('setCalendarDay (operator)', () => {
  it('an operator adds a 2027 holiday: 2027 becomes covered and the SLA moves', async () => {
    const op = await t.token(Role.OPERATOR, 'op-1');
    // before: Wed 2026-12-30 is due Mon 2027-01-04, provisional
    const res = await t.gql(SetCalendarDayDocument, { date: '2027-01-01', kind: 'OFF', note: "New Year's Day (元旦)" }, op);
    expect(res.data!.setCalendarDay).toEqual({ __typename: 'CalendarDay', date: '2027-01-01', kind: 'OFF', note: "New Year's Day (元旦)" });
    // after: Thu 31 (1), Fri 01-01 off, Mon 4 (2), Tue 5 (3); 2027 now has a row, so not provisional
    expect(await calendar.dueAfterWorkingDays(new Date('2026-12-30T02:00:00Z'), 3)).toEqual({ dueAt: new Date('2027-01-05T16:00:00Z'), provisional: false });
    const { data } = await t.gql(WorkingDaysDocument, { from: '2027-01-01', to: '2027-01-01' });
    expect(data!.workingDays).toMatchObject({ count: 0, provisional: false });
    // set again: replaces the row (kind and note)
    const again = await t.gql(SetCalendarDayDocument, { date: '2027-01-01', kind: 'WORKDAY', note: null }, op);
    expect(again.data!.setCalendarDay).toMatchObject({ kind: 'WORKDAY', note: '' });
    await t.ds.query("DELETE FROM calendar_day WHERE `date` LIKE '2027-%'");
  });

  it('a bad date is refused naming the field (date is a LocalDate: refused before the resolver runs, nothing written)', async () => {
    const op = await t.token(Role.OPERATOR);
    const rows = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM calendar_day'))[0].n);
    const before = await rows();
    const res = await t.gql(SetCalendarDayDocument, { date: '2026-13-01', kind: 'OFF' }, op);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/\$date.*LocalDate/);
    expect(await rows()).toBe(before);
  });

  // PARTNER credentials run only persisted operations (issue 6): see the authorization matrix, which
  // checks PARTNER both over HTTP (refused by the allowlist) and at field level (FORBIDDEN).
  it.each([Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY] as const)('%s is FORBIDDEN, nothing written', async (role) => {
    const res = await t.gql(SetCalendarDayDocument, { date: '2026-11-23', kind: 'OFF' }, await t.token(role));
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await t.ds.query("SELECT * FROM calendar_day WHERE `date` = '2026-11-23'")).toEqual([]);
  });

  it('anonymous is UNAUTHENTICATED', async () => {
    expect(errorCode(await t.gql(SetCalendarDayDocument, { date: '2026-11-23', kind: 'OFF' }))).toBe('UNAUTHENTICATED');
  });
});

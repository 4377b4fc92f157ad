/**
 * Calendar years (issue 18 part 4), over HTTP against a fresh database. The calendar is seeded to
 * 2026; the clock stands at Wednesday 2026-12-30 12:00 Beijing (04:00 UTC), when due dates fall in
 * 2027 and are provisional. Rules checked: an operator imports a year's notice at once (a list or an
 * ICS file), audited; the coverage query warns while fewer than 60 days ahead are covered; an open
 * round's provisional due date becomes the real one on import.
 */
import { Role } from '../../src/domain/common/role';
import { data, errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-12-30T04:00:00Z' });
  operator = await t.token(Role.OPERATOR, 'operator-1');
});
afterAll(() => t?.stop());

const gql = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => data<T>(await t.post({ query, variables }, token));

const COVERAGE = '{ calendarCoverage { today coveredThrough daysAhead thresholdDays warning provisionalOpenItems coveredYears } }';
const IMPORT =
  'mutation($i: ImportCalendarYearInput!) { importCalendarYear(input: $i) { __typename ... on CalendarYearImport { year holidays workdays replaced recomputed { kind id dueAtBefore dueAt provisional } } ... on InvalidInput { violations { field rule } } } }';
const importYear = (i: Record<string, unknown>, token = operator) => t.post({ query: IMPORT, variables: { i } }, token);
const day = async (date: string) =>
  (await gql<{ workingDays: { provisional: boolean; days: { working: boolean; kind: string | null; note: string | null }[] } }>('query($d: LocalDate!) { workingDays(from: $d, to: $d) { provisional days { working kind note } } }', { d: date }, operator)).workingDays;

// NOTE: test data shaped like a State Council notice for 2027 (New Year Jan 1–3 off; a Spring Festival make-up Saturday).
const NOTICE_2027 = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-08', '2027-02-09'], workdays: ['2027-02-20'], note: 'notice 2027 (test data)' };

describe('a 2027 import makes provisional due dates real', () => {
  let roundId: string;
  let applicationId: string;

  it('before: the calendar covers 1 day ahead (to 2026-12-31), the coverage query warns, and a round submitted today is due provisionally', async () => {
    expect((await gql<{ calendarCoverage: Record<string, unknown> }>(COVERAGE, {}, operator)).calendarCoverage).toMatchObject({
      today: '2026-12-30',
      coveredThrough: '2026-12-31',
      daysAhead: 1,
      thresholdDays: 60,
      warning: true,
      provisionalOpenItems: 0,
    });
    const dev = await t.developer('Year-end Soft');
    const { createApp } = await gql<{ createApp: { id: string } }>(
      'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }',
      { i: { name: 'Year-end App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: ['PERFORMANCE_APPRAISAL'] } },
      dev.token,
    );
    const round = await gql<{ submitAppForReview: { id: string; dueAt: string; dueProvisional: boolean } }>('mutation($id: ID!) { submitAppForReview(appId: $id) { ... on ReviewRound { id dueAt dueProvisional } } }', { id: createApp.id }, dev.token);
    // Dec 31 (works), Fri Jan 1 2027 (plain week: counted as working, provisionally), Mon Jan 4 → due end of Jan 4.
    expect(round.submitAppForReview).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', dueProvisional: true });
    roundId = round.submitAppForReview.id;

    const other = await gql<{ createApp: { id: string } }>('mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', { i: { name: 'Online App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: ['PERFORMANCE_APPRAISAL'] } }, dev.token);
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [other.createApp.id]);
    const applied = await gql<{ applyForValueAddedPackage: { id: string; dueAt: string; dueProvisional: boolean } }>(
      'mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { ... on PackageApplication { id dueAt dueProvisional } } }',
      { id: other.createApp.id },
      dev.token,
    );
    expect(applied.applyForValueAddedPackage).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', dueProvisional: true });
    applicationId = applied.applyForValueAddedPackage.id;
    expect((await gql<{ calendarCoverage: { provisionalOpenItems: number } }>(COVERAGE, {}, operator)).calendarCoverage.provisionalOpenItems).toBe(2);
    expect(await day('2027-01-01')).toEqual({ provisional: true, days: [{ working: true, kind: null, note: null }] });
  });

  it('importing the 2027 notice moves both to the real due date (Jan 1–3 off: due end of Tue Jan 5), no longer provisional; the warning clears', async () => {
    const res = data<{ importCalendarYear: { __typename: string; recomputed: unknown[] } }>(await importYear(NOTICE_2027)).importCalendarYear;
    expect(res).toMatchObject({ __typename: 'CalendarYearImport', year: 2027, holidays: 5, workdays: 1, replaced: 0 });
    expect(res.recomputed).toEqual(
      expect.arrayContaining([
        { kind: 'REVIEW_ROUND', id: roundId, dueAtBefore: '2027-01-04T16:00:00.000Z', dueAt: '2027-01-05T16:00:00.000Z', provisional: false },
        { kind: 'PACKAGE_APPLICATION', id: applicationId, dueAtBefore: '2027-01-04T16:00:00.000Z', dueAt: '2027-01-05T16:00:00.000Z', provisional: false },
      ]),
    );
    expect(res.recomputed).toHaveLength(2);
    const round = await gql<{ reviewRound: unknown }>('query($id: ID!) { reviewRound(id: $id) { dueAt dueProvisional } }', { id: roundId }, operator);
    expect(round.reviewRound).toEqual({ dueAt: '2027-01-05T16:00:00.000Z', dueProvisional: false });
    expect(await day('2027-01-01')).toEqual({ provisional: false, days: [{ working: false, kind: 'OFF', note: 'notice 2027 (test data)' }] });
    expect(await day('2027-02-20')).toMatchObject({ provisional: false, days: [{ working: true, kind: 'WORKDAY' }] });
    expect((await gql<{ calendarCoverage: Record<string, unknown> }>(COVERAGE, {}, operator)).calendarCoverage).toMatchObject({
      coveredThrough: '2027-12-31',
      daysAhead: 366,
      warning: false,
      provisionalOpenItems: 0,
    });

    const audit = await gql<{ auditLog: { edges: { node: { actorId: string; entityType: string; before: { days: string[] }; after: { days: string[]; recomputed: unknown[] } } }[] } }>(
      '{ auditLog(first: 5, action: "importCalendarYear") { edges { node { actorId entityType before after } } } }',
      {},
      operator,
    );
    expect(audit.auditLog.edges[0].node).toMatchObject({ actorId: 'operator-1', entityType: 'CalendarYear', before: { days: [] } });
    expect(audit.auditLog.edges[0].node.after.days).toEqual(['2027-01-01 OFF', '2027-01-02 OFF', '2027-01-03 OFF', '2027-02-08 OFF', '2027-02-09 OFF', '2027-02-20 WORKDAY']);
    expect(audit.auditLog.edges[0].node.after.recomputed).toHaveLength(2);
  });

  it('re-importing 2027 as an ICS file replaces the year at once: a day dropped from the notice is gone, the ICS summaries are the notes', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//holidays//EN',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270101',
      'DTEND;VALUE=DATE:20270104',
      'SUMMARY:元旦',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270221',
      'SUMMARY:春节补班',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const res = data<{ importCalendarYear: unknown }>(await importYear({ year: 2027, ics })).importCalendarYear;
    expect(res).toMatchObject({ __typename: 'CalendarYearImport', holidays: 3, workdays: 1, replaced: 6, recomputed: [] });
    expect(await day('2027-01-02')).toMatchObject({ days: [{ working: false, kind: 'OFF', note: '元旦' }] });
    expect(await day('2027-02-08')).toMatchObject({ days: [{ working: true, kind: null }] });
    expect(await day('2027-02-20')).toMatchObject({ days: [{ working: false, kind: null }] }); // a Saturday, no longer a make-up day
    expect(await day('2027-02-21')).toMatchObject({ days: [{ working: true, kind: 'WORKDAY', note: '春节补班' }] });
  });
});

describe('concurrent imports', () => {
  it('two operators importing 2028 at once: both answer, the year holds exactly one notice', async () => {
    const notice = (extra: string) => ({ year: 2028, holidays: ['2028-01-01', extra], workdays: [] });
    const answers = await Promise.all([importYear(notice('2028-05-01')), importYear(notice('2028-10-02'))]);
    const kinds = answers.map((r) => data<{ importCalendarYear: { __typename: string; replaced: number } }>(r).importCalendarYear);
    expect(kinds.map((k) => k.__typename)).toEqual(['CalendarYearImport', 'CalendarYearImport']);
    expect(kinds.map((k) => k.replaced).sort()).toEqual([0, 2]);
    const rows: { date: string }[] = await t.ds.query("SELECT `date` FROM calendar_day WHERE `date` LIKE '2028-%' ORDER BY `date`");
    expect(rows).toHaveLength(2);
    expect(rows[0].date).toBe('2028-01-01');
  });
});

describe('refusals and roles', () => {
  it('names each broken rule; nothing is written', async () => {
    const violations = async (i: Record<string, unknown>) => data<{ importCalendarYear: { violations: { field: string; rule: string }[] } }>(await importYear(i)).importCalendarYear.violations.map((v) => `${v.field} ${v.rule}`);
    expect(await violations({ year: 2029 })).toEqual(['ics ONE_SOURCE']);
    expect(await violations({ year: 2029, holidays: ['2029-01-01'], ics: 'BEGIN:VCALENDAR' })).toEqual(['ics ONE_SOURCE']);
    expect(await violations({ year: 2029, holidays: ['2029-01-01', '2028-12-31', '2029-01-01'], workdays: ['2029-01-02'] })).toEqual(['holidays[1] OTHER_YEAR', 'holidays[2] DUPLICATE_DATE', 'workdays[0] NOT_A_WEEKEND']);
    expect(await violations({ year: 2029, ics: 'not a calendar' })).toEqual(['ics NOT_ICS']);
    expect(await violations({ year: 2029, ics: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20300101\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR' })).toEqual(['ics.holidays[0] OTHER_YEAR']);
    expect(await violations({ year: 1999, holidays: ['1999-01-01'] })).toEqual(['year OUT_OF_RANGE']);
    const [{ n }] = await t.ds.query("SELECT COUNT(*) AS n FROM calendar_day WHERE `date` LIKE '2029-%'");
    expect(Number(n)).toBe(0);
  });

  it('only operators import and read coverage', async () => {
    const dev = await t.developer();
    for (const token of [dev.token, await t.token(Role.REVIEWER, 'r'), await t.token(Role.GATEWAY, 'g')]) {
      expect(errorCode(await importYear(NOTICE_2027, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.post({ query: COVERAGE }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.post({ query: COVERAGE }))).toBe('UNAUTHENTICATED');
  });
});

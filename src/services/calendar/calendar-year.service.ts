import { DataSource, EntityManager, Like, MoreThanOrEqual } from 'typeorm';
import { beijingDate, beijingStartOfDay } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { violation, Violation } from '../../domain/common/violation';
import { CalendarCoverage, calendarCoverage, checkYearNotice, COVERAGE_WARNING_DAYS, NoticeDay, parseHolidayIcs } from '../../domain/calendar/calendar-year.rule';
import { CalendarDayKind } from '../../domain/calendar/working-days.rule';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { ReviewRoundStatus } from '../../domain/review/review.enums';
import { CalendarDayEntity, ReviewRoundEntity } from '../../db/entities';
import { itemOfRound } from '../../domain/review/review-item';
import { change } from '../common/change';
import { AuditService } from '../audit/audit.service';
import { REVIEW_SLA_WORKING_DAYS } from '../review/review.service';
import { CalendarService } from './calendar.service';

export interface ImportYearInput {
  readonly year: number;
  readonly holidays?: readonly string[] | null;
  readonly workdays?: readonly string[] | null;
  readonly ics?: string | null;
  /** Shown on each day imported from a list (e.g. "State Council notice 2026-11"); ICS days keep their SUMMARY. */
  readonly note?: string | null;
}

export interface RecomputedDue {
  readonly kind: ReviewItemKind;
  readonly id: string;
  readonly dueAtBefore: Date;
  readonly dueAt: Date;
  readonly provisional: boolean;
}

export interface YearImport {
  readonly year: number;
  readonly holidays: number;
  readonly workdays: number;
  /** Rows of that year there were before (replaced). */
  readonly replaced: number;
  /** Open items whose due time was computed again (their window touched the year, or it was provisional). */
  readonly recomputed: readonly RecomputedDue[];
}

export interface CoverageView extends CalendarCoverage {
  readonly today: string;
  readonly coveredYears: readonly number[];
  readonly thresholdDays: number;
  /** Open review rounds and applications whose due time is still provisional. */
  readonly provisionalOpenItems: number;
}

/**
 * Open items are the PENDING review rounds: apps', market listings' and (issue 13) package and
 * member-capability applications' rounds, all on the same SLA of 3 working days.
 */
const OPEN_ROUNDS_SLA_DAYS = REVIEW_SLA_WORKING_DAYS;

/**
 * Calendar years (issue 18): an operator imports a year's official notice at once — a list or an ICS
 * file — replacing that year's rows; open review rounds and applications whose due time was
 * provisional, or whose window reaches into the year, get their due time computed again, in the
 * same transaction. Audited.
 */
export class CalendarYearService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  async importYear(actor: Viewer, input: ImportYearInput): Promise<Result<YearImport>> {
    const parsed = this.readNotice(input);
    if (!parsed.ok) return parsed;
    const { holidays, workdays } = parsed.value;
    const days = (rows: { date: string; kind: CalendarDayKind }[]) => rows.map((r) => `${r.date} ${r.kind}`);
    return change(this.ds, this.audit, {
      actor,
      action: 'importCalendarYear',
      // NOTE: two imports of a year with no rows yet both take gap locks and then insert: InnoDB resolves
      // that deadlock by rolling one back, which is then run again on top of the other (at most 3 tries).
      retry: { attempts: 3 },
      lock: (em) => em.find(CalendarDayEntity, { where: { date: Like(`${input.year}-%`) }, order: { date: 'ASC' }, lock: { mode: 'pessimistic_write' } }),
      // The notice was checked as it was read (readNotice): a year is replaced whole.
      rule: () => ok([...holidays, ...workdays]),
      before: (rows) => ({ days: days(rows) }),
      save: async (em, rows, notice) => {
        await em.delete(CalendarDayEntity, { date: Like(`${input.year}-%`) });
        const by = actor.subjectId ?? 'operator';
        await em.insert(
          CalendarDayEntity,
          notice.map((d) => ({ date: d.date, kind: d.kind, note: d.note.slice(0, 100), updatedBy: by })),
        );
        const recomputed = await this.recomputeOpenDues(em, input.year);
        return ok({ year: input.year, holidays: holidays.length, workdays: workdays.length, replaced: rows.length, recomputed });
      },
      audit: (_rows, imported) => ({
        entityType: 'CalendarYear',
        entityId: String(input.year),
        after: { days: days([...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date))), recomputed: imported.recomputed.map((r) => ({ ...r, dueAtBefore: r.dueAtBefore.toISOString(), dueAt: r.dueAt.toISOString() })) },
      }),
    });
  }

  /** How far ahead the calendar is covered, the warning under 60 days, and provisional open items (metric-ready figures). */
  async coverage(): Promise<CoverageView> {
    const today = beijingDate(this.clock.now());
    const years = (await this.ds.query('SELECT DISTINCT LEFT(`date`, 4) AS y FROM `calendar_day` ORDER BY y')) as { y: string }[];
    const coveredYears = years.map((r) => Number(r.y));
    const provisionalOpenItems = await this.ds.manager.countBy(ReviewRoundEntity, { status: ReviewRoundStatus.PENDING, dueProvisional: true });
    return { today, coveredYears, thresholdDays: COVERAGE_WARNING_DAYS, provisionalOpenItems, ...calendarCoverage(new Set(coveredYears), today) };
  }

  /** The notice as days: exactly one of a list (holidays, workdays) or an ICS file, each checked against the year. */
  private readNotice(input: ImportYearInput): Result<{ holidays: NoticeDay[]; workdays: NoticeDay[] }> {
    const hasList = (input.holidays?.length ?? 0) > 0 || (input.workdays?.length ?? 0) > 0;
    const hasIcs = (input.ics ?? '').trim() !== '';
    if (hasList === hasIcs) return invalidInput([violation('ics', 'ONE_SOURCE', 'give the notice either as holidays and workdays lists or as an ICS file, not both, not neither')]);
    const note = (input.note ?? '').trim();
    if (note.length > 100) return invalidInput([violation('note', 'TOO_LONG', 'at most 100 characters')]);
    let holidays: NoticeDay[];
    let workdays: NoticeDay[];
    const pre: Violation[] = [];
    if (hasIcs) {
      const parsed = parseHolidayIcs(input.ics!);
      pre.push(...parsed.violations);
      holidays = parsed.holidays.map((d) => ({ ...d, note: d.note || note }));
      workdays = parsed.workdays.map((d) => ({ ...d, note: d.note || note }));
    } else {
      holidays = (input.holidays ?? []).map((date) => ({ date, kind: CalendarDayKind.OFF, note }));
      workdays = (input.workdays ?? []).map((date) => ({ date, kind: CalendarDayKind.WORKDAY, note }));
    }
    const violations = [...pre, ...(pre.length ? [] : checkYearNotice({ year: input.year, holidays: holidays.map((d) => d.date), workdays: workdays.map((d) => d.date) }, hasIcs ? 'ics' : 'holidays'))];
    if (hasIcs) for (const v of violations) if (/^(holidays|workdays)\[/.test(v.field)) Object.assign(v, { field: `ics.${v.field}` });
    return violations.length ? invalidInput(violations) : ok({ holidays, workdays });
  }

  /** Open items whose due time was provisional or reaches the imported year: computed again with the new rows. */
  private async recomputeOpenDues(em: EntityManager, year: number): Promise<RecomputedDue[]> {
    const out: RecomputedDue[] = [];
    const yearStart = beijingStartOfDay(`${year}-01-01`);
    const rows = await em.find(ReviewRoundEntity, {
      where: [
        { status: ReviewRoundStatus.PENDING, dueProvisional: true },
        { status: ReviewRoundStatus.PENDING, dueAt: MoreThanOrEqual(yearStart) },
      ],
      lock: { mode: 'pessimistic_write' },
    });
    for (const r of rows) {
      const due = await this.calendar.dueAfterWorkingDays(r.submittedAt, OPEN_ROUNDS_SLA_DAYS, em);
      if (due.dueAt.getTime() === r.dueAt.getTime() && due.provisional === r.dueProvisional) continue;
      await em.update(ReviewRoundEntity, { id: r.id }, { dueAt: due.dueAt, dueProvisional: due.provisional });
      out.push({ ...itemOfRound(r), dueAtBefore: r.dueAt, dueAt: due.dueAt, provisional: due.provisional });
    }
    return out;
  }
}

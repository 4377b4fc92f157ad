import { DataSource, EntityManager, MoreThanOrEqual, Between } from 'typeorm';
import {
  CalendarDayKind,
  countWorkingDays,
  endOfNthWorkingDayAfter,
  isProvisional,
  isWorkingDay,
  WorkCalendar,
  workCalendar,
  workingDaysLeft,
} from '../../domain/calendar/working-days.rule';
import { addDays, beijingDate, isIsoDate } from '../../domain/common/beijing-time';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { violation, Violation } from '../../domain/common/violation';
import { CalendarDayEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { ConcurrentWriteConflict } from '../common/transaction';
import { change } from '../common/change';

/** The longest range `workingDays(from, to)` answers, in days. */
export const WORKING_DAYS_RANGE_MAX = 366;
export const CALENDAR_NOTE_MAX = 100;
/** How long a process trusts its copy of the calendar on the read path when nothing invalidated it. */
export const CALENDAR_CACHE_TTL_MS = 60_000;

export interface CalendarDayView {
  date: string;
  working: boolean;
  /** The stored row's kind, or null when the plain week decides. */
  kind: CalendarDayKind | null;
  note: string | null;
  provisional: boolean;
}

export interface WorkingDaysView {
  from: string;
  to: string;
  count: number;
  provisional: boolean;
  days: CalendarDayView[];
}

/**
 * The working-day calendar (DOMAIN §3) for every feature with an SLA in working days: app reviews,
 * package applications, cloud-market listings. Reads the `calendar_day` rows, decides with the
 * pure rules in `domain/calendar/working-days.rule.ts`.
 */
export class CalendarService {
  /** The whole calendar, read once for the read path (see `cached`); null until read or after an edit. */
  private cache: { calendar: Promise<WorkCalendar>; readAt: number } | null = null;

  constructor(
    private readonly ds: DataSource,
    /** Audits operator edits; readers built without it (loaders, tests) never write. */
    private readonly audit?: AuditService,
    /** How long the read path trusts its in-process copy, in ms (edits made through this process invalidate it at once). */
    private readonly cacheTtlMs = CALENDAR_CACHE_TTL_MS,
  ) {}

  /**
   * The whole calendar (every stored day and the covered years: about a thousand rows) kept in
   * process for reads outside a transaction (`workingDaysLeft`), so a page of rounds does not read
   * the table on every request. NOTE: `setDay` through this service drops it at once; an edit made
   * by another process is seen within `cacheTtlMs`. SLA due times (`dueAfterWorkingDays`) are
   * computed inside the writer's transaction and always read the table.
   */
  private cached(): Promise<WorkCalendar> {
    const now = Date.now();
    if (!this.cache || now - this.cache.readAt > this.cacheTtlMs) {
      const calendar = this.load('0000-01-01');
      this.cache = { calendar, readAt: now };
      // A failed read is not kept: the next caller tries again.
      calendar.catch(() => {
        if (this.cache?.calendar === calendar) this.cache = null;
      });
    }
    return this.cache.calendar;
  }

  /** Drops the in-process copy of the calendar (after an edit). */
  invalidate(): void {
    this.cache = null;
  }

  /**
   * The calendar from Beijing date `from` on (all later rows; a few dozen a year) and the covered
   * years. `em` lets a caller read it inside its own transaction.
   */
  async load(from: string, em: EntityManager = this.ds.manager): Promise<WorkCalendar> {
    const [rows, years] = await Promise.all([em.find(CalendarDayEntity, { where: { date: MoreThanOrEqual(from) }, select: { date: true, kind: true } }), this.coveredYears(em)]);
    return workCalendar(rows, years);
  }

  /** Years with at least one calendar row. */
  private async coveredYears(em: EntityManager): Promise<number[]> {
    const rows: { y: string }[] = await em.query('SELECT DISTINCT LEFT(`date`, 4) AS y FROM `calendar_day`');
    return rows.map((r) => Number(r.y));
  }

  /**
   * SLA due time: the end (24:00 Beijing) of the Nth working day after the Beijing date of
   * `submittedAt`; provisional when a counted day is in a year the calendar does not cover.
   */
  async dueAfterWorkingDays(submittedAt: Date, n: number, em?: EntityManager): Promise<{ dueAt: Date; provisional: boolean }> {
    const date = beijingDate(submittedAt);
    const { dueAt, provisional } = endOfNthWorkingDayAfter(await this.load(date, em), date, n);
    return { dueAt, provisional };
  }

  /** Working days left at `now` before `dueAt` (0 on the due day, negative once overdue). */
  async workingDaysLeft(now: Date, dueAt: Date): Promise<number> {
    const [today, dueDate] = [beijingDate(now), beijingDate(new Date(dueAt.getTime() - 1))];
    return workingDaysLeft(await this.cached(), today, dueDate);
  }

  /** Same, for many due times at once with one read of the calendar. */
  async workingDaysLeftMany(now: Date, dueAts: readonly Date[]): Promise<number[]> {
    if (dueAts.length === 0) return [];
    const today = beijingDate(now);
    const dueDates = dueAts.map((d) => beijingDate(new Date(d.getTime() - 1)));
    const cal = await this.cached();
    return dueDates.map((dueDate) => workingDaysLeft(cal, today, dueDate));
  }

  /** Every day from `from` to `to` (inclusive), working or not, with the count of working days. */
  async workingDays(from: string, to: string): Promise<Result<WorkingDaysView>> {
    const out: Violation[] = [];
    if (!isIsoDate(from)) out.push(violation('from', 'INVALID_DATE', 'from must be a date written YYYY-MM-DD'));
    if (!isIsoDate(to)) out.push(violation('to', 'INVALID_DATE', 'to must be a date written YYYY-MM-DD'));
    if (out.length === 0 && to < from) out.push(violation('to', 'BEFORE_FROM', 'to must not be before from'));
    if (out.length === 0 && to > addDays(from, WORKING_DAYS_RANGE_MAX - 1)) out.push(violation('to', 'RANGE_TOO_LONG', `at most ${WORKING_DAYS_RANGE_MAX} days at once`));
    if (out.length > 0) return invalidInput(out);

    const [rows, years] = await Promise.all([this.ds.manager.find(CalendarDayEntity, { where: { date: Between(from, to) } }), this.coveredYears(this.ds.manager)]);
    const cal = workCalendar(rows, years);
    const notes = new Map(rows.map((r) => [r.date, r]));
    const days: CalendarDayView[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const row = notes.get(d);
      days.push({ date: d, working: isWorkingDay(cal, d), kind: row?.kind ?? null, note: row?.note ?? null, provisional: isProvisional(cal, d) });
    }
    const { count, provisional } = countWorkingDays(cal, from, to);
    return ok({ from, to, count, provisional, days });
  }

  /** Operator: sets one day's kind (a row is kept even when it matches the plain week: it marks the year covered). */
  async setDay(operator: Viewer, date: string, kind: CalendarDayKind, note: string | null): Promise<Result<CalendarDayEntity>> {
    const operatorId = operator.subjectId!;
    const out: Violation[] = [];
    if (!isIsoDate(date)) out.push(violation('date', 'INVALID_DATE', 'date must be a date written YYYY-MM-DD'));
    if (note && note.length > CALENDAR_NOTE_MAX) out.push(violation('note', 'TOO_LONG', `note must be at most ${CALENDAR_NOTE_MAX} characters`));
    if (out.length > 0) return invalidInput(out);
    // NOTE (locks): READ COMMITTED, so locking a date that has no row yet takes no gap lock (under
    // REPEATABLE READ, operators setting new dates at once each held the gap and deadlocked on
    // their inserts). A row another operator inserted between our read and our upsert would make
    // `before` wrong: then the attempt is re-run and reads it. Deadlocks are re-run too (bounded).
    if (!this.audit) throw new Error('CalendarService: a calendar edit needs the audit log (readers are built without it)');
    return change(this.ds, this.audit, {
      actor: operator,
      action: 'setCalendarDay',
      isolation: 'READ COMMITTED',
      retry: {},
      lock: (em) => em.findOne(CalendarDayEntity, { where: { date }, lock: { mode: 'pessimistic_write' } }),
      // Any kind may be set on any date (the input checks above are the rule).
      rule: () => ok({ date, kind, note: note ?? '' }),
      before: (existing) => existing,
      save: async (em, existing, day) => {
        const written: { affectedRows?: number } = await em.query(
          'INSERT INTO `calendar_day` (`date`, `kind`, `note`, `updated_by`) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE `kind` = VALUES(`kind`), `note` = VALUES(`note`), `updated_by` = VALUES(`updated_by`)',
          [day.date, day.kind, day.note, operatorId],
        );
        // affectedRows: 1 inserted, 2 updated, 0 unchanged; anything but an insert means the row existed.
        if (existing === null && Number(written.affectedRows) !== 1) throw new ConcurrentWriteConflict(`calendar day ${date} was created concurrently`);
        return ok(await em.findOneByOrFail(CalendarDayEntity, { date }));
      },
      audit: (_e, after) => ({ entityType: 'CalendarDay', entityId: date, after }),
    }).finally(() => this.invalidate());
  }
}

import { addDays, beijingDate, beijingStartOfDay } from '../domain/common/beijing-time';

/**
 * The jobs the scheduler runs for periods (docs/billing.md "Scheduled runs"): each period of a job
 * runs once, in order, as soon as it is due; a period missed while no server ran is caught up.
 */
export enum ScheduledJob {
  /** A Taobao Beijing day, after midnight plus the grace for late usage. */
  TAOBAO_BILLING = 'TAOBAO_BILLING',
  /** A Douyin month, on the 5th of the next month (DOMAIN §6). */
  DOUYIN_BILLING = 'DOUYIN_BILLING',
  /**
   * The late-usage sweep, once a Beijing day half an hour after that night's Taobao billing: usage
   * of periods already billed becomes adjustment bills (issue 17).
   */
  LATE_USAGE = 'LATE_USAGE',
  /** Arrears collection and due deposit deductions, once a Beijing day after that day's billing. */
  ARREARS_COLLECTION = 'ARREARS_COLLECTION',
}

export interface ScheduleSettings {
  /** Minutes after Beijing midnight a day waits for late usage before it is billed (default 120: 02:00). */
  readonly graceMinutes: number;
}

const monthOf = (date: string) => date.slice(0, 7);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** When a job's period is due (an instant). */
export function dueAt(job: ScheduledJob, period: string, settings: ScheduleSettings): Date {
  const grace = settings.graceMinutes * 60_000;
  switch (job) {
    case ScheduledJob.TAOBAO_BILLING:
      return new Date(beijingStartOfDay(addDays(period, 1)).getTime() + grace);
    case ScheduledJob.DOUYIN_BILLING:
      return new Date(beijingStartOfDay(`${nextMonth(period)}-05`).getTime() + grace);
    case ScheduledJob.LATE_USAGE:
      return new Date(beijingStartOfDay(addDays(period, 1)).getTime() + grace + 1_800_000);
    case ScheduledJob.ARREARS_COLLECTION:
      // After the same night's Taobao billing: one hour after its due time.
      return new Date(beijingStartOfDay(addDays(period, 1)).getTime() + grace + 3_600_000);
  }
}

/** The period that follows `period` for a job. */
export function nextPeriod(job: ScheduledJob, period: string): string {
  return job === ScheduledJob.DOUYIN_BILLING ? nextMonth(period) : addDays(period, 1);
}

/** The period of a job that contains a Beijing date. */
export function periodOf(job: ScheduledJob, date: string): string {
  return job === ScheduledJob.DOUYIN_BILLING ? monthOf(date) : date;
}

/**
 * Every period of `job` from `from` (inclusive) that is due at `now`, oldest first, at most
 * `limit` of them (a server down for weeks catches up in several ticks, still in order).
 */
export function duePeriods(job: ScheduledJob, from: string, now: Date, settings: ScheduleSettings, limit = 400): string[] {
  const out: string[] = [];
  for (let p = periodOf(job, from); out.length < limit && dueAt(job, p, settings).getTime() <= now.getTime(); p = nextPeriod(job, p)) out.push(p);
  return out;
}

/** Where a job's schedule starts when nothing says otherwise: the period before the one that contains today (Beijing). */
export function defaultScheduleStart(job: ScheduledJob, now: Date): string {
  const today = beijingDate(now);
  if (job === ScheduledJob.DOUYIN_BILLING) {
    const [y, m] = monthOf(today).split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  return addDays(today, -1);
}

/** Retry delay after a failed attempt: 5 min, 10, 20 … at most 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { D } from '../../billing/money';
import { CursorKey, KeysetPage, KeyValue } from '../common/pagination';
import { defaultScheduleStart, dueAt, duePeriods, nextPeriod, retryDelayMs, ScheduledJob, ScheduleSettings } from '../../billing/schedule.rule';
import { Clock } from '../../domain/common/clock';
import { ScheduledJobRunEntity } from '../../db/entities';
import { BillingRunTrigger } from '../../db/entities/billing-run.entity';
import { ScheduledRunState } from '../../db/entities/scheduled-job-run.entity';
import { AccountService } from './account.service';
import { BillingRunService } from './billing-run.service';
import { BillAdjustmentService } from './bill-adjustment.service';
import { observeJob } from '../../observability/metrics';

export interface BillingScheduleOptions extends ScheduleSettings {
  /** Where each job's schedule starts on a database that has none yet (default: yesterday, last month). */
  readonly startFrom?: Partial<Record<ScheduledJob, string>>;
  /** How long a claim holds without renewal; renewed every third of it while the job works. */
  readonly leaseMs: number;
  /**
   * Attempts before a period stays FAILED for an operator (it stays visible and overdue); null (the
   * default): retried until it is done, at most every 2 h. NOTE: a capped period would hold every
   * later period of its job, and an operator's runBilling does not mark the scheduled period done.
   */
  readonly maxAttempts: number | null;
}

export const DEFAULT_SCHEDULE_OPTIONS: BillingScheduleOptions = { graceMinutes: 120, leaseMs: 120_000, maxAttempts: null };

/**
 * Where a run record sits among billing runs: when it was due (a scheduled period) or started (a
 * run started by hand), newest first; at one instant manual runs ('M') before scheduled periods
 * ('S'); then its unique key (job|period, or the run's id), descending.
 */
export const RUN_RECORD_ORDER: CursorKey<RunRecord>[] = [
  { kind: 'number', of: (r) => (r.dueAt ?? r.startedAt)!.getTime() },
  { kind: 'string', of: (r) => (r.trigger === BillingRunTrigger.SCHEDULE ? 'S' : 'M') },
  { kind: 'string', of: (r) => (r.trigger === BillingRunTrigger.SCHEDULE ? `${r.job}|${r.period}` : r.runId!) },
];

function compareRunRecords(a: RunRecord, b: RunRecord): number {
  const [ka, kb] = [a, b].map((r) => RUN_RECORD_ORDER.map((k) => k.of(r)));
  if (ka[0] !== kb[0]) return Number(kb[0]) - Number(ka[0]);
  if (ka[1] !== kb[1]) return ka[1] < kb[1] ? -1 : 1;
  return ka[2] === kb[2] ? 0 : ka[2] < kb[2] ? 1 : -1;
}

export interface RunRecord {
  job: ScheduledJob;
  platform: BillingPlatform | null;
  period: string;
  trigger: BillingRunTrigger;
  state: ScheduledRunState;
  dueAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  appDays: number | null;
  bills: number | null;
  amount: string | null;
  attempts: number;
  failures: number;
  lastError: string | null;
  runId: string | null;
  overdue: boolean;
}

const JOBS: readonly ScheduledJob[] = [ScheduledJob.TAOBAO_BILLING, ScheduledJob.DOUYIN_BILLING, ScheduledJob.LATE_USAGE, ScheduledJob.ARREARS_COLLECTION];

/**
 * The scheduled billing jobs (docs/billing.md "Scheduled runs"). `tick` records every period that
 * is due (catching up after downtime), then claims and runs them oldest first. Any number of
 * servers may tick at once: a period is claimed by one conditional UPDATE, held by a lease its
 * holder renews, and marked DONE once; a holder that dies leaves it to the next tick after the
 * lease. Billing runs are idempotent on their own keys, so even a lease lost mid-run bills nothing twice.
 */
export class BillingScheduleService {
  private readonly options: BillingScheduleOptions;
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly billingRuns: BillingRunService,
    private readonly accounts: AccountService,
    private readonly adjustments: BillAdjustmentService,
    options: Partial<BillingScheduleOptions> = {},
  ) {
    this.options = { ...DEFAULT_SCHEDULE_OPTIONS, ...options };
  }

  /** Records due periods and runs what is claimable, oldest first. Returns the periods this call ran. */
  async tick(): Promise<{ job: ScheduledJob; period: string; state: ScheduledRunState }[]> {
    for (const job of JOBS) await this.recordDue(job);
    const ran: { job: ScheduledJob; period: string; state: ScheduledRunState }[] = [];
    for (;;) {
      const next = await this.claimNext();
      if (!next) break;
      ran.push({ job: next.job as ScheduledJob, period: next.period, state: await this.execute(next) });
    }
    return ran;
  }

  /**
   * The operator's run records, newest first: every scheduled period (with its attempts, and
   * flagged overdue when it should have run and has not), and every billing run an operator or
   * the CLI started by hand.
   */
  async pageRecords(limit: number, after: KeyValue[] | null): Promise<KeysetPage<RunRecord>> {
    const now = this.clock.now();
    // Each source answers its rows after the cursor in the merged order (time newest first, manual
    // runs before scheduled periods at the same instant, then the source's unique key, descending).
    const [at, source, key] = after ?? [];
    const tie = (mine: 'M' | 'S', keySql: string) => (source === undefined ? '' : mine > String(source) ? '1 = 1' : mine === source ? `${keySql} < ?` : '1 = 0');
    const sqb = this.ds.getRepository(ScheduledJobRunEntity).createQueryBuilder('r');
    if (after) sqb.where(`(r.due_at < :at OR (r.due_at = :at AND ${tie('S', "CONCAT(r.job, '|', r.period)").replace('?', ':key')}))`, { at: new Date(Number(at)), key });
    const manualAfter = after ? `AND (r.created_at < ? OR (r.created_at = ? AND ${tie('M', 'r.id')}))` : '';
    const manualParams = after ? [new Date(Number(at)), new Date(Number(at)), ...(source === 'M' ? [key] : [])] : [];
    const [scheduled, [{ n: scheduledCount }], [{ n: manualCount }]] = await Promise.all([
      sqb.orderBy('r.due_at', 'DESC').addOrderBy("CONCAT(r.job, '|', r.period)", 'DESC').limit(limit + 1).getMany(),
      this.ds.query('SELECT COUNT(*) AS n FROM scheduled_job_run') as Promise<{ n: string }[]>,
      this.ds.query("SELECT COUNT(*) AS n FROM billing_run WHERE `trigger` != 'SCHEDULE'") as Promise<{ n: string }[]>,
    ]);
    const manual: { id: string; platform: BillingPlatform; period: string; trigger: BillingRunTrigger; state: string; created_at: Date; finished_at: Date | null; apps: string; bills: string; total: string }[] = await this.ds.query(
      `SELECT r.id, r.platform, r.period, r.trigger, r.state, r.created_at, r.finished_at,
              COALESCE(SUM(s.apps_billed), 0) AS apps, COALESCE(SUM(s.bills_created), 0) AS bills, COALESCE(SUM(s.total), 0) AS total
         FROM billing_run r LEFT JOIN billing_shard s ON s.run_id = r.id
        WHERE r.trigger != 'SCHEDULE' ${manualAfter} GROUP BY r.id ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
      [...manualParams, limit + 1],
    );
    const records: RunRecord[] = [
      ...scheduled.map((r) => {
        // Billing runs report appsConsidered / billsCreated; the late-usage sweep considered / adjusted.
        const summary = (r.summary ?? {}) as { appsConsidered?: number; billsCreated?: number; considered?: number; adjusted?: number; total?: string };
        return {
          job: r.job as ScheduledJob,
          platform: r.job === ScheduledJob.TAOBAO_BILLING ? BillingPlatform.TAOBAO : r.job === ScheduledJob.DOUYIN_BILLING ? BillingPlatform.DOUYIN : null,
          period: r.period,
          trigger: BillingRunTrigger.SCHEDULE,
          state: r.state,
          dueAt: r.dueAt,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          appDays: summary.appsConsidered ?? summary.considered ?? null,
          bills: summary.billsCreated ?? summary.adjusted ?? null,
          amount: summary.total ?? null,
          attempts: r.attempts,
          failures: r.state === ScheduledRunState.DONE ? Math.max(0, r.attempts - 1) : r.state === ScheduledRunState.RUNNING ? Math.max(0, r.attempts - 1) : r.attempts,
          lastError: r.lastError,
          runId: r.runId,
          overdue: r.state !== ScheduledRunState.DONE && r.dueAt.getTime() < now.getTime() - this.options.leaseMs,
        };
      }),
      ...manual.map((r) => ({
        job: r.platform === BillingPlatform.TAOBAO ? ScheduledJob.TAOBAO_BILLING : ScheduledJob.DOUYIN_BILLING,
        platform: r.platform,
        period: r.period,
        trigger: r.trigger,
        state: r.state === 'DONE' ? ScheduledRunState.DONE : ScheduledRunState.RUNNING,
        dueAt: null,
        startedAt: new Date(r.created_at),
        finishedAt: r.finished_at ? new Date(r.finished_at) : null,
        appDays: Number(r.apps),
        bills: Number(r.bills),
        amount: new D(r.total).toFixed(2),
        attempts: 1,
        failures: 0,
        lastError: null,
        runId: r.id,
        overdue: false,
      })),
    ];
    const merged = records.sort(compareRunRecords);
    return { rows: merged.slice(0, limit), hasNextPage: merged.length > limit, totalCount: Number(scheduledCount) + Number(manualCount) };
  }

  /** Periods that should have run and have not (the overdue alarm). */
  async overdueCount(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.options.leaseMs);
    return this.ds.getRepository(ScheduledJobRunEntity).createQueryBuilder('r').where('r.state != :done AND r.due_at < :cutoff', { done: ScheduledRunState.DONE, cutoff }).getCount();
  }

  private async recordDue(job: ScheduledJob): Promise<void> {
    const now = this.clock.now();
    const [last] = await this.ds.getRepository(ScheduledJobRunEntity).find({ where: { job }, order: { period: 'DESC' }, take: 1 });
    const from = last ? nextPeriod(job, last.period) : (this.options.startFrom?.[job] ?? defaultScheduleStart(job, now));
    const periods = duePeriods(job, from, now, this.options);
    if (periods.length === 0) return;
    await this.ds
      .createQueryBuilder()
      .insert()
      .orIgnore()
      .into(ScheduledJobRunEntity)
      .values(periods.map((period) => ({ job, period, state: ScheduledRunState.PENDING, dueAt: dueAt(job, period, this.options), attempts: 0 })))
      .execute();
  }

  /** Claims the oldest runnable period: PENDING, FAILED and due for a retry, or RUNNING with an expired lease. */
  private async claimNext(): Promise<ScheduledJobRunEntity | null> {
    const now = this.clock.now();
    const candidates = await this.ds
      .getRepository(ScheduledJobRunEntity)
      .createQueryBuilder('r')
      .where('r.state = :pending AND r.due_at <= :now', { pending: ScheduledRunState.PENDING, now })
      .orWhere(`r.state = :failed AND r.next_attempt_at <= :now${this.options.maxAttempts === null ? '' : ' AND r.attempts < :max'}`, {
        failed: ScheduledRunState.FAILED,
        max: this.options.maxAttempts,
        now,
      })
      .orWhere('r.state = :running AND r.lease_expires_at < :now', { running: ScheduledRunState.RUNNING, now })
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.job', 'ASC')
      .take(5)
      .getMany();
    for (const c of candidates) {
      // Billing a day before the previous one of the same job has finished would settle out of order.
      if (await this.earlierUnfinished(c)) continue;
      const res = await this.ds.query(
        `UPDATE scheduled_job_run SET state = 'RUNNING', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, started_at = ?
          WHERE job = ? AND period = ? AND state = ? AND attempts = ?`,
        [this.worker, new Date(now.getTime() + this.options.leaseMs), now, c.job, c.period, c.state, c.attempts],
      );
      if (Number(res.affectedRows) === 1) return this.ds.getRepository(ScheduledJobRunEntity).findOneByOrFail({ job: c.job, period: c.period });
    }
    return null;
  }

  private async earlierUnfinished(c: ScheduledJobRunEntity): Promise<boolean> {
    // Arrears and the late-usage sweep wait for the night's Taobao billing (a Douyin month failing for days holds neither).
    const jobs = c.job === ScheduledJob.ARREARS_COLLECTION || c.job === ScheduledJob.LATE_USAGE ? [c.job, ScheduledJob.TAOBAO_BILLING] : [c.job];
    const n = await this.ds
      .getRepository(ScheduledJobRunEntity)
      .createQueryBuilder('r')
      .where({ job: In(jobs) })
      .andWhere('r.state != :done AND r.due_at < :due', { done: ScheduledRunState.DONE, due: c.dueAt })
      .getCount();
    return n > 0;
  }

  private async execute(run: ScheduledJobRunEntity): Promise<ScheduledRunState> {
    const renew = setInterval(() => {
      void this.ds
        .query('UPDATE scheduled_job_run SET lease_expires_at = ? WHERE job = ? AND period = ? AND lease_owner = ?', [new Date(this.clock.now().getTime() + this.options.leaseMs), run.job, run.period, this.worker])
        .catch(() => undefined);
    }, this.options.leaseMs / 3);
    renew.unref();
    try {
      const outcome = await this.perform(run);
      const now = this.clock.now();
      if (outcome.ok) {
        await this.finish(run, { state: ScheduledRunState.DONE, finishedAt: now, runId: outcome.runId, summary: outcome.summary, lastError: null, nextAttemptAt: null });
        return ScheduledRunState.DONE;
      }
      await this.finish(run, { state: ScheduledRunState.FAILED, finishedAt: now, lastError: outcome.error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(run.attempts)) });
      return ScheduledRunState.FAILED;
    } catch (err) {
      const now = this.clock.now();
      await this.finish(run, { state: ScheduledRunState.FAILED, finishedAt: now, lastError: String((err as Error).message ?? err).slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(run.attempts)) });
      return ScheduledRunState.FAILED;
    } finally {
      clearInterval(renew);
    }
  }

  private async finish(run: ScheduledJobRunEntity, patch: Partial<ScheduledJobRunEntity>): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(ScheduledJobRunEntity)
      .set({ ...patch, leaseOwner: null, leaseExpiresAt: null } as never)
      .where('job = :job AND period = :period AND lease_owner = :worker', { job: run.job, period: run.period, worker: this.worker })
      .execute();
  }

  private async perform(run: ScheduledJobRunEntity): Promise<{ ok: true; runId: string | null; summary: Record<string, unknown> } | { ok: false; error: string }> {
    if (run.job === ScheduledJob.ARREARS_COLLECTION) {
      return observeJob(run.job, BillingRunTrigger.SCHEDULE, async () => ({ ok: true as const, runId: null, summary: await this.accounts.collectArrears() }));
    }
    if (run.job === ScheduledJob.LATE_USAGE) {
      return observeJob(run.job, BillingRunTrigger.SCHEDULE, async () => {
        const { batchId, ...summary } = await this.adjustments.sweepLateUsage();
        return { ok: true as const, runId: batchId, summary: summary as unknown as Record<string, unknown> };
      });
    }
    const platform = run.job === ScheduledJob.TAOBAO_BILLING ? BillingPlatform.TAOBAO : BillingPlatform.DOUYIN;
    const result = await this.billingRuns.run(platform, run.period, undefined, BillingRunTrigger.SCHEDULE);
    if (!result.ok) return { ok: false, error: JSON.stringify(result.refusal) };
    const { runId, ...summary } = result.value;
    return { ok: true, runId, summary: summary as Record<string, unknown> };
  }
}

/** The schedule's options from configuration (BILLING_GRACE_MINUTES, BILLING_SCHEDULE_FROM). */
export function scheduleOptionsFrom(cfg: { graceMinutes: number; startFrom: string | null }): Partial<BillingScheduleOptions> {
  const startFrom = cfg.startFrom
    ? {
        [ScheduledJob.TAOBAO_BILLING]: cfg.startFrom,
        [ScheduledJob.DOUYIN_BILLING]: cfg.startFrom.slice(0, 7),
        [ScheduledJob.LATE_USAGE]: cfg.startFrom,
        [ScheduledJob.ARREARS_COLLECTION]: cfg.startFrom,
      }
    : undefined;
  return { graceMinutes: cfg.graceMinutes, ...(startFrom ? { startFrom } : {}) };
}

/**
 * Prometheus metrics (prom-client), on one registry of the process. Names start with `portal_`;
 * process metrics keep prom-client's standard names (`process_*`, `nodejs_*`). Every label has a
 * bounded set of values: routes and codes come from this code, operation names are capped.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { Result } from '../domain/common/result';
import { multiStatementPoolOf } from '../services/common/driver-sql';

export const registry = new Registry();

/** Distinct GraphQL operation names kept as labels; the rest are counted as `(other)`. */
export const MAX_OPERATION_LABELS = 300;

const httpDuration = new Histogram({
  name: 'portal_http_request_duration_seconds',
  help: 'HTTP requests by route and status: duration from the first byte read to the last byte sent',
  labelNames: ['route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const graphqlOperations = new Counter({
  name: 'portal_graphql_operations_total',
  help: 'GraphQL operations by operation name, type (query, mutation) and outcome (ok, refused, error)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [registry],
});

const refusals = new Counter({
  name: 'portal_graphql_refusals_total',
  help: 'Refusals returned as data in a mutation result union, by code (INVALID_INPUT, INVALID_STATE, ...)',
  labelNames: ['code'] as const,
  registers: [registry],
});

const errors = new Counter({
  name: 'portal_graphql_errors_total',
  help: 'Errors in GraphQL responses by code (NOT_FOUND, FORBIDDEN, INTERNAL_SERVER_ERROR, ...; HTTP_<status> when the request never reached GraphQL)',
  labelNames: ['code'] as const,
  registers: [registry],
});

const usageIngested = new Counter({
  name: 'portal_usage_records_ingested_total',
  help: 'Usage records accepted by recordUsage: applied (new) or duplicate (idempotency key seen before)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const billingRuns = new Counter({
  name: 'portal_billing_runs_total',
  help: 'Billing runs by platform and outcome (ok, refused: bad period or no price list, failed: threw)',
  labelNames: ['platform', 'outcome'] as const,
  registers: [registry],
});

const billingRunDuration = new Histogram({
  name: 'portal_billing_run_duration_seconds',
  help: 'Duration of billing runs by platform (every outcome)',
  labelNames: ['platform'] as const,
  buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600],
  registers: [registry],
});

const billingAppDays = new Counter({
  name: 'portal_billing_app_days_total',
  help: 'App-days billed: bills created times the days of their period (1 for a Taobao day, the month for Douyin)',
  labelNames: ['platform'] as const,
  registers: [registry],
});

const billingBills = new Counter({
  name: 'portal_billing_bills_created_total',
  help: 'Bills created by billing runs (bills another run wrote already are not counted)',
  labelNames: ['platform'] as const,
  registers: [registry],
});

const billingLines = new Counter({
  name: 'portal_billing_lines_written_total',
  help: 'Bill lines written by billing runs',
  labelNames: ['platform'] as const,
  registers: [registry],
});

/** The DataSource whose pool and tables the gauges below read on a scrape (the serving process's). */
let watched: DataSource | null = null;

/**
 * mysql2's callback pool under TypeORM's mysql/mariadb driver: `driver.pool` in TypeORM 1.x
 * (`driver.master` in 0.3). Its queues are mysql2 RingQueues with a `length`: every connection
 * opened, the idle ones, and the callers waiting for one (lib/base/pool.js).
 */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

function poolOf(ds: DataSource | null): Mysql2Pool | null {
  if (!ds?.isInitialized) return null;
  const driver = ds.driver as unknown as { pool?: Mysql2Pool; master?: Mysql2Pool };
  const pool = driver.pool ?? driver.master;
  return pool && pool._allConnections && pool._freeConnections && pool._connectionQueue ? pool : null;
}

new Gauge({
  name: 'portal_db_pool_connections',
  help: 'Database pool connections by state: in_use (lent to a query or transaction) and idle',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = poolOf(watched);
    if (!pool) return;
    const all = pool._allConnections!.length;
    const idle = pool._freeConnections!.length;
    this.set({ state: 'in_use' }, all - idle);
    this.set({ state: 'idle' }, idle);
  },
});

new Gauge({
  name: 'portal_db_pool_waiting',
  help: 'Callers waiting for a database connection (the pool is at its limit)',
  registers: [registry],
  collect() {
    const pool = poolOf(watched);
    if (pool) this.set(pool._connectionQueue!.length);
  },
});

new Gauge({
  name: 'portal_db_pool_limit',
  help: 'Most connections the database pool opens',
  registers: [registry],
  collect() {
    const pool = poolOf(watched);
    if (pool?.config?.connectionLimit !== undefined) this.set(pool.config.connectionLimit);
  },
});

new Gauge({
  name: 'portal_db_ingest_pool_connections',
  help: "The usage ingestion's multi-statement pool (one round trip a batch; made on the first batch) by state: in_use and idle",
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = watched?.isInitialized ? (multiStatementPoolOf(watched) as Mysql2Pool | undefined) : undefined;
    if (!pool?._allConnections || !pool._freeConnections) return;
    this.set({ state: 'in_use' }, pool._allConnections.length - pool._freeConnections.length);
    this.set({ state: 'idle' }, pool._freeConnections.length);
  },
});

new Gauge({
  name: 'portal_db_ingest_pool_waiting',
  help: "Usage batches waiting for a connection of the ingestion's pool (it is at its limit)",
  registers: [registry],
  collect() {
    const pool = watched?.isInitialized ? (multiStatementPoolOf(watched) as Mysql2Pool | undefined) : undefined;
    if (pool?._connectionQueue) this.set(pool._connectionQueue.length);
  },
});

const scrapeFailures = new Counter({
  name: 'portal_metrics_collect_failures_total',
  help: 'Scrapes where a gauge read from the database could not be refreshed',
  labelNames: ['collector'] as const,
  registers: [registry],
});

/** A scrape never waits longer than this on the database. */
const SCRAPE_QUERY_TIMEOUT_MS = 1000;

new Gauge({
  name: 'portal_market_notifications',
  help: 'Outbound production notifications to market providers not delivered: pending (never failed), failing (pending, failed at least once), stopped (failed 120 times, waiting for the provider to reset)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    if (!watched?.isInitialized) return;
    const ds = watched;
    let timer: NodeJS.Timeout | undefined;
    try {
      // Reads the (status, next_attempt_at) index's status prefix; DELIVERED rows are not touched.
      const rows: { status: string; failing: number | string; n: number | string }[] = await Promise.race([
        ds.query("SELECT status, errors > 0 AS failing, COUNT(*) AS n FROM market_notification WHERE status IN ('PENDING', 'STOPPED') GROUP BY status, errors > 0"),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('scrape query timed out')), SCRAPE_QUERY_TIMEOUT_MS);
        }),
      ]);
      const counts = { pending: 0, failing: 0, stopped: 0 };
      for (const r of rows) {
        if (r.status === 'STOPPED') counts.stopped += Number(r.n);
        else if (Number(r.failing) === 1) counts.failing += Number(r.n);
        else counts.pending += Number(r.n);
      }
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    } catch {
      // Database unavailable or slow: the gauge keeps its last values; /readyz reports the outage.
      scrapeFailures.inc({ collector: 'market_notifications' });
    } finally {
      clearTimeout(timer);
    }
  },
});
let processMetrics = false;

/** Process metrics (CPU, memory, event loop lag, GC, handles), once per process. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}

/** Makes the pool and delivery gauges read this DataSource; returns the undo. */
/**
 * Figures the services compute on demand (read from the database on each scrape, bounded like the
 * gauge above): the working-day calendar's coverage, billing periods overdue, and the outbox of
 * webhooks, email and SMS. The server registers them with `watchFigures`.
 */
export interface ScrapedFigures {
  calendarDaysAhead(): Promise<number>;
  overdueBillingPeriods(): Promise<number>;
  outboundMessages(): Promise<Record<'pending' | 'failing' | 'stopped', number>>;
}
let figures: ScrapedFigures | null = null;

async function scraped<T>(collector: string, read: (f: ScrapedFigures) => Promise<T>, set: (value: T) => void): Promise<void> {
  if (!figures) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    set(await Promise.race([read(figures), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('scrape timed out')), SCRAPE_QUERY_TIMEOUT_MS)))]));
  } catch {
    scrapeFailures.inc({ collector });
  } finally {
    clearTimeout(timer);
  }
}

new Gauge({
  name: 'portal_calendar_days_covered_ahead',
  help: 'Days from today (Beijing) the working-day calendar covers with an imported year; operators are warned under 60 (calendarCoverage)',
  registers: [registry],
  async collect() {
    await scraped('calendar_coverage', (f) => f.calendarDaysAhead(), (n) => this.set(n));
  },
});

new Gauge({
  name: 'portal_billing_periods_overdue',
  help: 'Scheduled billing and arrears periods past their due time and not done (billingRuns flags them overdue)',
  registers: [registry],
  async collect() {
    await scraped('billing_schedule', (f) => f.overdueBillingPeriods(), (n) => this.set(n));
  },
});

new Gauge({
  name: 'portal_outbound_messages',
  help: 'Webhook, email and SMS messages not delivered: pending (never failed), failing (failed at least once, retried), stopped (gave up after 16 attempts)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    await scraped('outbound_messages', (f) => f.outboundMessages(), (counts) => {
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    });
  },
});

/** Registers the service figures read on scrape; returns the unregister function. */
export function watchFigures(f: ScrapedFigures): () => void {
  figures = f;
  return () => {
    if (figures === f) figures = null;
  };
}

export function watchDataSource(ds: DataSource): () => void {
  watched = ds;
  return () => {
    if (watched === ds) watched = null;
  };
}

export type GraphqlOutcome = 'ok' | 'refused' | 'error';

const operationNames = new Set<string>();

/** The label for an operation name: itself while fewer than MAX_OPERATION_LABELS names were seen. */
function operationLabel(name: string | undefined): string {
  if (!name) return '(anonymous)';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_LABELS || !/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return '(other)';
  operationNames.add(name);
  return name;
}

export const observe = {
  httpRequest(route: string, status: number, seconds: number): void {
    httpDuration.observe({ route, status: String(status) }, seconds);
  },

  graphqlOperation(op: { name?: string; type?: string; outcome: GraphqlOutcome; refusalCodes: readonly string[]; errorCodes: readonly string[] }): void {
    graphqlOperations.inc({ operation: operationLabel(op.name), type: op.type ?? 'unknown', outcome: op.outcome });
    for (const code of op.refusalCodes) refusals.inc({ code });
    for (const code of op.errorCodes) errors.inc({ code });
  },

  usageIngested(applied: number, duplicates: number): void {
    if (applied) usageIngested.inc({ outcome: 'applied' }, applied);
    if (duplicates) usageIngested.inc({ outcome: 'duplicate' }, duplicates);
  },
};

const jobRuns = new Counter({
  name: 'portal_billing_job_runs_total',
  help: 'Billing jobs run (issue 17): every billing run and every scheduled period attempt, by job (TAOBAO_BILLING, DOUYIN_BILLING, LATE_USAGE, ARREARS_COLLECTION), platform (none for arrears), trigger (SCHEDULE, OPERATOR, CLI) and state (DONE, FAILED)',
  labelNames: ['job', 'platform', 'trigger', 'state'] as const,
  registers: [registry],
});

const jobDuration = new Histogram({
  name: 'portal_billing_job_run_duration_seconds',
  help: 'Duration of billing jobs by job and trigger (every state)',
  labelNames: ['job', 'trigger'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [registry],
});

const jobAppDays = new Counter({
  name: 'portal_billing_job_app_days_total',
  help: 'App-days billed by billing jobs (a Douyin month counts its days), by job, platform and trigger',
  labelNames: ['job', 'platform', 'trigger'] as const,
  registers: [registry],
});

const jobFailures = new Counter({
  name: 'portal_billing_job_failures_total',
  help: 'Failed billing job attempts (refused or threw) by job and trigger; a scheduled period is retried until it is done',
  labelNames: ['job', 'trigger'] as const,
  registers: [registry],
});

const adjustments = new Counter({
  name: 'portal_billing_adjustments_total',
  help: 'Adjustment bills written, by platform and reason (LATE_USAGE, RERATE)',
  labelNames: ['platform', 'reason'] as const,
  registers: [registry],
});

/** Counts one adjustment bill written. */
export function observeAdjustment(platform: string, reason: string): void {
  adjustments.inc({ platform, reason });
}

/**
 * Runs one scheduled job period that is not a billing run (LATE_USAGE, ARREARS_COLLECTION) and
 * counts it by state, with its duration; a throw counts FAILED and is rethrown.
 */
export async function observeJob<R extends { ok: boolean }>(job: string, trigger: string, run: () => Promise<R>): Promise<R> {
  const end = jobDuration.startTimer({ job, trigger });
  try {
    const r = await run();
    jobRuns.inc({ job, platform: 'none', trigger, state: r.ok ? 'DONE' : 'FAILED' });
    if (!r.ok) jobFailures.inc({ job, trigger });
    return r;
  } catch (err) {
    jobRuns.inc({ job, platform: 'none', trigger, state: 'FAILED' });
    jobFailures.inc({ job, trigger });
    throw err;
  } finally {
    end();
  }
}

/** Days a billing period key spans: a Taobao day (YYYY-MM-DD) is 1, a Douyin month (YYYY-MM) its length. */
export function periodDays(key: string): number {
  if (/^\d{4}-\d{2}$/.test(key)) {
    const [y, m] = key.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).getUTCDate();
  }
  return 1;
}

/**
 * Runs one billing run and counts it: duration, outcome, bills created, lines and app-days. The
 * run's own result is returned untouched; a throw is counted `failed` and rethrown.
 */
export async function observeBillingRun<R extends { period: string; billsCreated: number; linesWritten: number }>(
  platform: string,
  run: () => Promise<Result<R>>,
  trigger = 'OPERATOR',
): Promise<Result<R>> {
  const end = billingRunDuration.startTimer({ platform });
  const job = `${platform}_BILLING`;
  const endJob = jobDuration.startTimer({ job, trigger });
  try {
    const result = await run();
    billingRuns.inc({ platform, outcome: result.ok ? 'ok' : 'refused' });
    jobRuns.inc({ job, platform, trigger, state: result.ok ? 'DONE' : 'FAILED' });
    if (result.ok) {
      billingBills.inc({ platform }, result.value.billsCreated);
      billingLines.inc({ platform }, result.value.linesWritten);
      billingAppDays.inc({ platform }, result.value.billsCreated * periodDays(result.value.period));
      jobAppDays.inc({ job, platform, trigger }, result.value.billsCreated * periodDays(result.value.period));
    } else jobFailures.inc({ job, trigger });
    return result;
  } catch (err) {
    billingRuns.inc({ platform, outcome: 'failed' });
    jobRuns.inc({ job, platform, trigger, state: 'FAILED' });
    jobFailures.inc({ job, trigger });
    throw err;
  } finally {
    end();
    endJob();
  }
}

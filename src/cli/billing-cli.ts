/**
 * The billing command line, for an operator or a cron job:
 *   npm run billing -- <TAOBAO|DOUYIN> <period> [--workers N]   bills a Taobao day (YYYY-MM-DD) or a Douyin
 *                                                  month (YYYY-MM): starts a run (its id on stderr) and bills
 *                                                  it in this process, or in N forked worker processes
 *   npm run billing -- worker <run id>            one more worker on a started run (any machine on the same database)
 *   npm run billing -- arrears                    settles developers in arrears (auto-debit retries, Douyin deposits)
 * A progress bar and JSON log lines (pino, LOG_LEVEL) go to stderr, the report as JSON to stdout, and an audit entry is written like
 * the operator's mutations write one (actor `cli:<os user>`). Exit codes: 0 done, 1 refused or
 * failed, 2 usage. Idempotent: safe to rerun, and safe to run twice at once.
 */
import { BillingRunTrigger } from '../db/entities/billing-run.entity';
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { DataSource } from 'typeorm';
import { BillingPlatform } from '../billing/billing.enums';
import { config } from '../config';
import { Clock, systemClock } from '../domain/common/clock';
import { Role, Viewer } from '../domain/common/role';
import { createDataSource } from '../db/data-source';
import { createServices } from '../services';
import { createLogger, Logger, silentLogger } from '../observability/logger';
import { BillingRunState } from '../db/entities/billing-run.entity';
import type { BillingRunReport } from '../services/billing/billing-run.service';
import { sumReports, WorkerPool } from './worker-pool';

export const USAGE = 'usage: npm run billing -- <TAOBAO|DOUYIN> <YYYY-MM-DD | YYYY-MM> [--workers N]   or   npm run billing -- worker <run id>   or   npm run billing -- arrears';

/** Local worker processes `--workers` may ask for. */
export const MAX_WORKERS = 64;

/** `[####......] 3/10 shards 30%, 1500 apps billed` */
export function progressBar(done: number, total: number, apps: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} shards ${(share * 100).toFixed(0)}%, ${apps} apps billed`;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The operator a CLI run is recorded as in the audit log. */
export function cliActor(): Viewer {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep "unknown"
  }
  return { role: Role.OPERATOR, subjectId: `cli:${user}`.slice(0, 64) };
}

export type CliCommand =
  | { kind: 'run'; platform: BillingPlatform; period: string; workers: number | null }
  | { kind: 'worker'; runId: string }
  | { kind: 'arrears' };

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The command the arguments name, or null (print the usage, exit 2) before any database work. */
export function parseArgs(args: readonly string[]): CliCommand | null {
  const [command, period, ...rest] = args;
  if (command?.toLowerCase() === 'arrears' && period === undefined) return { kind: 'arrears' };
  if (command?.toLowerCase() === 'worker') return period && RUN_ID.test(period) && rest.length === 0 ? { kind: 'worker', runId: period.toLowerCase() } : null;
  const platform = command?.toUpperCase() as BillingPlatform;
  if (!Object.values(BillingPlatform).includes(platform) || !period || period.startsWith('-')) return null;
  let workers: number | null = null;
  if (rest.length > 0) {
    const [flag, value, ...extra] = rest;
    const n = Number(value);
    if (flag !== '--workers' || extra.length > 0 || !/^\d+$/.test(value ?? '') || n < 1 || n > MAX_WORKERS) return null;
    workers = n;
  }
  return { kind: 'run', platform, period, workers };
}

/**
 * Runs one command against an initialized DataSource; returns the exit code. NOTE: the payment
 * provider is the SANDBOX one, like the server's today (docs/billing.md).
 */
export async function billingCli(command: CliCommand, ds: DataSource, io: CliIo, clock: Clock = systemClock, actor: Viewer = cliActor(), log: Logger = silentLogger): Promise<number> {
  const services = createServices(ds, clock, { billing: config().billing });
  const t0 = Date.now();
  log.info({ command, actor: actor.subjectId }, 'billing command started');
  if (command.kind === 'arrears') {
    const summary = await services.accounts.collectArrears();
    log.info({ command, summary, ms: Date.now() - t0 }, 'billing command done');
    await services.audit.recordArrearsCollection(actor, summary);
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  }
  const bar = (shardsDone: number, shardCount: number, apps: number) => io.err(`\r${progressBar(shardsDone, shardCount, apps)}`);
  if (command.kind === 'worker') {
    const run = await services.billingRuns.findRun(command.runId);
    if (!run) {
      io.err(`no billing run ${command.runId}\n`);
      return 1;
    }
    const report = await services.billingRuns.work(run.id, bar);
    io.err('\n');
    log.info({ command, report, ms: Date.now() - t0 }, 'billing worker done');
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  const { platform, period, workers } = command;
  const started = await services.billingRuns.start(platform, period, BillingRunTrigger.CLI);
  if (!started.ok) {
    log.warn({ command, refusal: started.refusal }, 'billing run refused');
    io.err(JSON.stringify(started.refusal, null, 2));
    return 1;
  }
  const { runId, shardCount } = started.value;
  io.err(`billing run ${runId}: ${shardCount} shards; more workers: npm run billing -- worker ${runId}\n`);
  let report: BillingRunReport;
  if (workers === null) {
    report = await services.billingRuns.work(runId, bar);
  } else {
    const pool = await WorkerPool.start(workers);
    try {
      const result = await pool.bill(runId, bar);
      for (const f of result.failures) io.err(`\n${f}`);
      report = sumReports(runId, result.reports, platform, period);
    } finally {
      await pool.close();
    }
    // A worker that died leaves its shard to the others (after its lease): the run must be DONE.
    const run = await services.billingRuns.findRun(runId);
    if (run?.state !== BillingRunState.DONE) {
      io.err(`\nbilling run ${runId} is not done (${run?.shardsDone}/${run?.shardCount} shards): start a worker on it\n`);
      return 1;
    }
  }
  io.err('\n');
  await services.audit.recordBillingRun(actor, platform, period, report);
  const { appsConsidered, billsCreated, billsSkipped, linesWritten, total } = report;
  log.info({ command, runId, workers, appsConsidered, billsCreated, billsSkipped, linesWritten, total, ms: Date.now() - t0 }, 'billing run done');
  io.out(JSON.stringify(report, null, 2));
  return 0;
}

async function main(log: Logger): Promise<number> {
  const command = parseArgs(process.argv.slice(2));
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const ds = await createDataSource(config(), undefined, { batch: true }).initialize();
  try {
    const io: CliIo = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(s.endsWith('\n') || s.startsWith('\r') ? s : `${s}\n`) };
    return await billingCli(command, ds, io, systemClock, cliActor(), log);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  let log: Logger;
  try {
    // stderr: stdout carries only the JSON report.
    log = createLogger(config(), { name: 'billing-cli', fd: 2 });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  main(log).then(
    (code) => process.exit(code),
    (err) => {
      log.error({ err }, 'billing command failed');
      process.exit(1);
    },
  );
}

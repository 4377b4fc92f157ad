/**
 * The billing command line, for an operator or a cron job:
 *   npm run billing -- <TAOBAO|DOUYIN> <period>   bills a Taobao day (YYYY-MM-DD) or a Douyin month (YYYY-MM)
 *   npm run billing -- arrears                    settles developers in arrears (auto-debit retries, Douyin deposits)
 * A progress bar and JSON log lines (pino, LOG_LEVEL) go to stderr, the report as JSON to stdout, and an audit entry is written like
 * the operator's mutations write one (actor `cli:<os user>`). Exit codes: 0 done, 1 refused or
 * failed, 2 usage. Idempotent: safe to rerun, and safe to run twice at once.
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { DataSource } from 'typeorm';
import { BillingPlatform } from '../billing/billing.enums';
import { config } from '../config';
import { Clock, systemClock } from '../domain/common/clock';
import { Role, Viewer } from '../domain/common/role';
import { createDataSource } from '../db/data-source';
import { createLogger, Logger, silentLogger } from '../observability/logger';
import { createServices } from '../services';

export const USAGE = 'usage: npm run billing -- <TAOBAO|DOUYIN> <YYYY-MM-DD | YYYY-MM>   or   npm run billing -- arrears';

export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} apps ${(share * 100).toFixed(0)}%`;
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

export type CliCommand = { kind: 'run'; platform: BillingPlatform; period: string } | { kind: 'arrears' };

/** The command the arguments name, or null (print the usage, exit 2) before any database work. */
export function parseArgs(args: readonly string[]): CliCommand | null {
  const [command, period, ...extra] = args;
  if (command?.toLowerCase() === 'arrears' && period === undefined) return { kind: 'arrears' };
  const platform = command?.toUpperCase() as BillingPlatform;
  if (!Object.values(BillingPlatform).includes(platform) || !period || extra.length > 0) return null;
  return { kind: 'run', platform, period };
}

/**
 * Runs one command against an initialized DataSource; returns the exit code. NOTE: the payment
 * provider is the SANDBOX one, like the server's today (docs/billing.md).
 */
export async function billingCli(command: CliCommand, ds: DataSource, io: CliIo, clock: Clock = systemClock, actor: Viewer = cliActor(), log: Logger = silentLogger): Promise<number> {
  const services = createServices(ds, clock);
  const started = Date.now();
  log.info({ command, actor: actor.subjectId }, 'billing command started');
  if (command.kind === 'arrears') {
    const summary = await services.accounts.collectArrears();
    log.info({ command, summary, ms: Date.now() - started }, 'billing command done');
    await services.audit.recordSummary({ actor, action: 'collectArrears', entityType: 'BillingRun', entityId: 'arrears', before: null, after: summary });
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  }
  const { platform, period } = command;
  const result = await services.billingRuns.run(platform, period, (done, total) => io.err(`\r${progressBar(done, total)}`));
  io.err('\n');
  if (!result.ok) {
    log.warn({ command, refusal: result.refusal }, 'billing run refused');
    io.err(JSON.stringify(result.refusal, null, 2));
    return 1;
  }
  await services.audit.recordSummary({ actor, action: 'runBilling', entityType: 'BillingRun', entityId: `${platform}:${period}`, before: null, after: result.value });
  const { runId, appsConsidered, billsCreated, billsSkipped, linesWritten, total } = result.value;
  log.info({ command, runId, appsConsidered, billsCreated, billsSkipped, linesWritten, total, ms: Date.now() - started }, 'billing run done');
  io.out(JSON.stringify(result.value, null, 2));
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

/**
 * `npm run bench:billing [-- <app-days> [<workers>]]`: app-days of usage (BENCH_DAYS days, 10 by
 * default, of app-days / days Taobao apps; 10 apps per developer; 3 meters each), then the Taobao
 * daily billing of those days as production runs it: one billing run per day, started here, billed
 * by <workers> forked worker processes (`src/cli/billing-worker.ts`, the CLI's `--workers`) that
 * claim its shards in the database. Against a fresh database of its own (`portal_bench_billshard`
 * unless BENCH_DATABASE is set), without the test harness (no statement log in any process).
 * Prints app-days/s, the ratio against a raw `INSERT … SELECT` writing the same number of bill
 * lines in the same database, each worker's peak RSS, and `resultDigest`, a hash of every billing
 * result (bills, lines, ledger, balances, arrears flags): a speed change, or another worker count,
 * must leave it unchanged for the same size. Also settable: BENCH_APP_DAYS, BENCH_WORKERS (or
 * BENCH_APPS for the apps directly). A measurement, not a test: no threshold.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import mysql from 'mysql2/promise';
import { BillingPlatform } from '../src/billing/billing.enums';
import { WorkerPool } from '../src/cli/worker-pool';
import { configFrom } from '../src/config';
import { addDays } from '../src/domain/common/beijing-time';
import { FixedClock } from '../src/domain/common/clock';
import { createDataSource } from '../src/db/data-source';
import { BillingRunState } from '../src/db/entities/billing-run.entity';
import { migrateAndSeed } from '../src/db/migrate';
import { BillingRunService } from '../src/services/billing/billing-run.service';
import { SandboxPaymentProvider } from '../src/services/billing/payment-provider';

const [argAppDays, argWorkers] = process.argv.slice(2);
const DAYS = Number(process.env.BENCH_DAYS ?? 10);
const APP_DAYS = Number(argAppDays ?? process.env.BENCH_APP_DAYS ?? 0);
const APPS = APP_DAYS > 0 ? Math.round(APP_DAYS / DAYS) : Number(process.env.BENCH_APPS ?? 10_000);
const WORKERS = Number(argWorkers ?? process.env.BENCH_WORKERS ?? 1);
const DEVS = Math.max(1, Math.floor(APPS / 10));
const FIRST = '2026-10-01';

/**
 * An order-independent hash of what billing wrote, per table, summed over rows: every column that is
 * a result, with bills named by (app, period) rather than by their auto-increment id, so the digest
 * does not depend on the order bills were inserted in. Left out: run id, creation timestamps,
 * ledger entry ids and the bill id inside entry keys (the entry's bill, kind and amount stand for it).
 */
async function resultDigest(q: (sql: string) => Promise<{ n: string; h: string }[]>): Promise<string> {
  const tables: [string, string, string][] = [
    ['bill', 'bill b', 'b.app_id, b.appkey, b.developer_id, b.platform, b.period, b.period_start, b.period_end, b.status, b.total, b.coupon_total, b.price_list_id, b.issued_on, b.paid_at'],
    ['bill_line', 'bill_line l JOIN bill b ON b.id = l.bill_id', 'b.app_id, b.period, l.position, l.kind, l.code, l.label, l.quantity, l.unit_price, l.precise_amount, l.amount, l.explanation'],
    [
      'ledger_entry',
      'ledger_entry e LEFT JOIN bill b ON b.id = e.bill_id',
      "e.developer_id, e.kind, e.amount, IF(e.bill_id IS NULL, e.entry_key, SUBSTRING_INDEX(e.entry_key, ':', 2)), b.app_id, b.period, e.note",
    ],
    ['billing_account', 'billing_account a', 'a.developer_id, a.balance, a.deposit'],
    ['developer', 'developer d', 'd.id, d.restricted_for_arrears'],
  ];
  const parts: string[] = [];
  for (const [name, from, cols] of tables) {
    const [r] = await q(`SELECT COUNT(*) AS n, SUM(CAST(CONV(LEFT(MD5(CONCAT_WS('|', ${cols})), 12), 16, 10) AS UNSIGNED)) AS h FROM ${from}`);
    parts.push(`${name}:${r.n}:${BigInt(r.h ?? 0).toString(16)}`);
  }
  return parts.join(' ');
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); null elsewhere or when it is gone. */
function cpuSecondsOf(pid: number, path = `/proc/${pid}/stat`): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(path, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of every thread of a process, by thread id (/proc/<pid>/task). */
function threadCpuSeconds(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const cpu = cpuSecondsOf(Number(tid), `/proc/${pid}/task/${tid}/stat`);
      if (cpu !== null) out.set(Number(tid), cpu);
    }
  } catch {
    // gone, or not Linux
  }
  return out;
}

/** The local database server's pid (a process named mariadbd or mysqld), or null. */
function databasePid(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null; // not Linux
  }
  for (const d of entries) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const comm = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(d);
    } catch {
      // a process that ended since the listing
    }
  }
  return null;
}

export async function benchBilling(): Promise<Record<string, unknown>> {
  if (!Number.isInteger(APPS) || APPS < 1 || !Number.isInteger(DAYS) || DAYS < 1 || !Number.isInteger(WORKERS) || WORKERS < 1 || WORKERS > 64) {
    throw new Error(`bad size: ${APPS} apps × ${DAYS} days, ${WORKERS} workers`);
  }
  const base = configFrom({ ...process.env, NODE_ENV: 'test' });
  const url = new URL(base.databaseUrl);
  const dbName = process.env.BENCH_DATABASE ?? 'portal_bench_billshard';
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  // batch: the digest and the raw INSERT … SELECT are long statements (no statement time limit).
  const ds = await createDataSource(base, databaseUrl, { batch: true }).initialize();
  let pool: WorkerPool | null = null;
  try {
    await migrateAndSeed(ds);
    const q = (sql: string, p: unknown[] = []) => ds.query(sql, p);
    // Data generation (not timed): developers, accounts with balance, apps, usage.
    for (let i = 0; i < DEVS; i += 1000) {
      const ids = Array.from({ length: Math.min(1000, DEVS - i) }, (_, k) => `bench-dev-${i + k}`);
      await q(`INSERT INTO developer (id, name, kind) VALUES ${ids.map(() => "(?, 'Bench', 'ISV')").join(',')}`, ids);
      // Half the developers prepaid enough; half in arrears.
      await q(`INSERT INTO billing_account (developer_id, balance, deposit) VALUES ${ids.map(() => '(?, ?, 0)').join(',')}`, ids.flatMap((id, k) => [id, (i + k) % 2 === 0 ? '1000000.00' : '0.00']));
      await q(`INSERT INTO ledger_entry (developer_id, kind, amount, entry_key) VALUES ${ids.map(() => "(?, 'RECHARGE', ?, ?)").join(',')}`, ids.flatMap((id, k) => [id, (i + k) % 2 === 0 ? '1000000.00' : '0.00', `seed:${id}`]));
    }
    for (let i = 0; i < APPS; i += 1000) {
      const n = Math.min(1000, APPS - i);
      await q(
        `INSERT INTO app (appkey, owner_id, name, tag_code, declared_functions, version) VALUES ${Array.from({ length: n }, () => "(?, ?, 'Bench app', 'MERCHANT_BACKEND', '[]', 1)").join(',')}`,
        Array.from({ length: n }, (_, k) => [String(10_000_000 + i + k), `bench-dev-${(i + k) % DEVS}`]).flat(),
      );
    }
    const appIds: string[] = (await q('SELECT id FROM app ORDER BY id')).map((r: { id: string }) => r.id);
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(FIRST, d);
      for (let i = 0; i < appIds.length; i += 2000) {
        const chunk = appIds.slice(i, i + 2000);
        const rows = chunk.flatMap((id, k) => [
          [id, date, 'API:BASIC:IN_CLOUD', 10_000 + ((k * 7919 + d) % 500_000)],
          [id, date, 'API:VALUE_ADDED:IN_CLOUD', 1_000 + ((k * 104_729 + d) % 90_000)],
          [id, date, 'DATA_SYNC_ORDERS', (k * 15_485_863 + d) % 1_500_000],
        ]);
        await q(`INSERT INTO usage_daily (app_id, usage_date, meter, quantity, successful) VALUES ${rows.map(() => '(?,?,?,?,0)').join(',')}`, rows.flat());
      }
      process.stderr.write(`\rusage ${d + 1}/${DAYS} days`);
    }
    process.stderr.write('\n');
    appIds.length = 0;
    // Statistics, as a database that has been running has them. The tables were created empty a
    // moment ago and their statistics say so: InnoDB recalculates them in the background, but an
    // open table keeps the figures it was opened with, and with those MariaDB read the whole
    // usage_daily index for every chunk's usage probe at 100,000 app-days (300,000 rows examined a
    // probe instead of 1,500: most of that size's server CPU; docs/billing.md, "Sixth pass").
    await q('ANALYZE TABLE app, usage_daily, developer, billing_account, ledger_entry');

    // The workers: separate processes on the bench database, as `npm run billing -- … --workers N` forks them.
    const poolStarted = performance.now();
    pool = await WorkerPool.start(WORKERS, { ...process.env, DATABASE_URL: databaseUrl });
    const workerStartSeconds = (performance.now() - poolStarted) / 1000;
    const clock = new FixedClock(new Date('2026-11-20T04:00:00Z'));
    const runs = new BillingRunService(ds, clock, new SandboxPaymentProvider(), undefined, base.billing);
    const peakRssKb = new Array<number>(WORKERS).fill(0);
    // CPU of the workers and of the database server over the billing runs: on a machine shared with
    // other work, wall time alone says little (see docs/billing.md, "Benchmark").
    const dbPid = databasePid();
    const cpuBefore = { workers: pool.pids.map((pid) => cpuSecondsOf(pid)), db: dbPid === null ? null : cpuSecondsOf(dbPid), dbThreads: dbPid === null ? new Map<number, number>() : threadCpuSeconds(dbPid) };
    const started = performance.now();
    let lines = 0;
    for (let d = 0; d < DAYS; d++) {
      const run = await runs.start(BillingPlatform.TAOBAO, addDays(FIRST, d));
      if (!run.ok) throw new Error(JSON.stringify(run.refusal));
      const r = await pool.bill(run.value.runId);
      if (r.failures.length > 0) throw new Error(r.failures.join('; '));
      r.maxRssKb.forEach((kb, w) => (peakRssKb[w] = Math.max(peakRssKb[w], kb)));
      lines += r.reports.reduce((s, x) => s + x.linesWritten, 0);
      if ((await runs.findRun(run.value.runId))?.state !== BillingRunState.DONE) throw new Error(`run ${run.value.runId} not done`);
      process.stderr.write(`\rbilled ${d + 1}/${DAYS} days`);
    }
    process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = (before: number | null, after: number | null) => (before === null || after === null ? null : Number((after - before).toFixed(2)));
    const workerCpuSeconds = pool.pids.map((pid, w) => cpuUsed(cpuBefore.workers[w], cpuSecondsOf(pid)));
    const databaseCpuSeconds = dbPid === null ? null : cpuUsed(cpuBefore.db, cpuSecondsOf(dbPid));
    // The server's threads serving this bench's connections (MariaDB's PROCESSLIST.TID; the workers'
    // connections stay open until the pool closes): the server's work for the run without other
    // databases' statements, and without its background threads (purge, page cleaner, log writer).
    let benchConnectionsCpuSeconds: number | null = null;
    if (dbPid !== null) {
      try {
        const tids: { TID: number }[] = await q('SELECT TID FROM information_schema.PROCESSLIST WHERE DB = ?', [dbName]);
        const after = threadCpuSeconds(dbPid);
        benchConnectionsCpuSeconds = Number(tids.reduce((s, { TID }) => s + (after.get(Number(TID)) ?? 0) - (cpuBefore.dbThreads.get(Number(TID)) ?? 0), 0).toFixed(2));
      } catch {
        // not MariaDB
      }
    }

    // Baseline: a raw INSERT … SELECT writing the same number of lines into a copy of bill_line.
    await q('CREATE TABLE bench_line LIKE bill_line');
    const rawStarted = performance.now();
    await q(
      `INSERT INTO bench_line (bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation)
       SELECT bill_id, position, kind, code, label, quantity, unit_price, precise_amount, amount, explanation FROM bill_line LIMIT ${lines}`,
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    const [bills] = await q('SELECT COUNT(*) n FROM bill');
    const [shards] = await q('SELECT COUNT(*) n, SUM(attempts) a FROM billing_shard');
    const digest = await resultDigest(q);
    return {
      appDays: APPS * DAYS,
      apps: APPS,
      days: DAYS,
      workers: WORKERS,
      shards: Number(shards.n),
      shardClaims: Number(shards.a),
      bills: Number(bills.n),
      lines,
      workerStartSeconds: Number(workerStartSeconds.toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      appDaysPerSecond: Number(((APPS * DAYS) / seconds).toFixed(0)),
      rawInsertSelectSeconds: Number(rawSeconds.toFixed(2)),
      ratioVsRawInsertSelect: Number((seconds / rawSeconds).toFixed(1)),
      workerCpuSeconds,
      databaseCpuSeconds,
      benchConnectionsCpuSeconds,
      peakRssPerWorkerMB: peakRssKb.map((kb) => Number((kb / 1024).toFixed(0))),
      benchProcessPeakRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(0)),
      loadAverage: loadavg().map((x) => Number(x.toFixed(1))),
      resultDigest: digest,
    };
  } finally {
    await pool?.close();
    await ds.destroy();
    if (process.env.BENCH_KEEP_DATABASE !== 'true') await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  }
}

if (require.main === module) {
  benchBilling()
    .then((r) => console.log('Taobao daily billing:', r))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

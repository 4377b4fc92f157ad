import { ChildProcess, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { D } from '../billing/money';
import type { BillingRunReport } from '../services/billing/billing-run.service';
import type { WorkerMessage } from './billing-worker';

/** What the pool's workers did on one run. */
export interface PoolResult {
  reports: BillingRunReport[];
  /** Peak RSS of each worker that reported, in kB (process.resourceUsage().maxRSS). */
  maxRssKb: number[];
  /** Workers that failed or died on the run (their shards go to the others once their leases expire). */
  failures: string[];
}

/**
 * N local billing worker processes (`billing-worker.ts`, forked with this process's loader, so the
 * TypeScript entry runs under tsx and the compiled one under node). They claim shards in the
 * database like workers on any other machine; the pool only hands them run ids and collects reports.
 */
/** V8's young-generation limit for forked billing workers (see `WorkerPool.start`). */
export const WORKER_SEMI_SPACE = '--max-semi-space-size=32';

export class WorkerPool {
  private constructor(private readonly children: ChildProcess[]) {}

  static async start(n: number, env: NodeJS.ProcessEnv = process.env): Promise<WorkerPool> {
    const entry = join(__dirname, `billing-worker${extname(__filename)}`);
    // Under tsx the loader is in this process's execArgv and children inherit it; a TypeScript entry
    // forked from elsewhere (a Jest test) needs it named.
    const loader = entry.endsWith('.ts') && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;
    // A young generation of 32 MB (V8's default is 16): a chunk's rows, statements and usage are
    // short-lived, and with the default a tenth of a worker's CPU went to scavenges. It costs about
    // 40 MB of RSS per worker (docs/billing.md). An explicit setting (execArgv, NODE_OPTIONS) wins.
    const semiSpaceGiven = [...loader, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-semi-space-size'));
    const execArgv = semiSpaceGiven ? loader : [WORKER_SEMI_SPACE, ...loader];
    const children = Array.from({ length: n }, () => fork(entry, [], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve, reject) => {
            c.once('message', (m: WorkerMessage) => (m.type === 'ready' ? resolve() : reject(new Error(`worker ${c.pid}: ${JSON.stringify(m)}`))));
            c.once('exit', (code) => reject(new Error(`worker ${c.pid} exited (${code}) before it was ready`)));
          }),
      ),
    );
    return new WorkerPool(children);
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid!);
  }

  /** Sends the run to every worker and waits until each has reported, failed or died. */
  bill(run: string, onProgress?: (shardsDone: number, shardCount: number, apps: number) => void): Promise<PoolResult> {
    const result: PoolResult = { reports: [], maxRssKb: [], failures: [] };
    const apps = new Map<number, number>();
    let shardsDone = 0;
    return Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) {
              result.failures.push(`worker ${c.pid} is not running`);
              return resolve();
            }
            const onMessage = (m: WorkerMessage) => {
              if (m.type === 'progress' && m.run === run) {
                apps.set(c.pid!, m.apps);
                shardsDone = Math.max(shardsDone, m.shardsDone);
                onProgress?.(shardsDone, m.shardCount, [...apps.values()].reduce((a, b) => a + b, 0));
                return;
              }
              if ((m.type === 'report' || m.type === 'error') && m.run === run) {
                if (m.type === 'report') (result.reports.push(m.report), result.maxRssKb.push(m.maxRssKb));
                else result.failures.push(`worker ${c.pid}: ${m.message}`);
                done();
              }
            };
            const onExit = (code: number | null, signal: string | null) => {
              result.failures.push(`worker ${c.pid} exited (${signal ?? code})`);
              done();
            };
            const done = () => {
              c.off('message', onMessage);
              c.off('exit', onExit);
              resolve();
            };
            c.on('message', onMessage);
            c.on('exit', onExit);
            c.send({ run });
          }),
      ),
    ).then(() => result);
  }

  /** Disconnects the workers (each finishes its run, closes its connections, exits) and waits for them. */
  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            if (c.connected) c.disconnect();
          }),
      ),
    );
  }
}

/** The reports of several workers on one run, summed into one. */
export function sumReports(runId: string, reports: readonly BillingRunReport[], platform: BillingRunReport['platform'], period: string): BillingRunReport {
  const sum = reports.reduce(
    (s, r) => ({ apps: s.apps + r.appsConsidered, created: s.created + r.billsCreated, skipped: s.skipped + r.billsSkipped, lines: s.lines + r.linesWritten, total: s.total.plus(r.total) }),
    { apps: 0, created: 0, skipped: 0, lines: 0, total: new D(0) },
  );
  return { runId, platform, period, appsConsidered: sum.apps, billsCreated: sum.created, billsSkipped: sum.skipped, linesWritten: sum.lines, total: sum.total.toFixed(2) };
}

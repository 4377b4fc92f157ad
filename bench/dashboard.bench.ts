/**
 * `npm run bench:dashboard`: the developer home page (test/e2e/documents/home.graphql,
 * `DeveloperHome`, first: 50) against 200 developers × 50 apps, this project's server against a
 * hand-written baseline (bench/dashboard-baseline.ts), both as child processes on the same
 * database and clock, timed alternately with autocannon. Before timing: `data` of both checked
 * identical (as JSON text) for several developers, and the SQL statements of one request counted
 * for each. Prints req/s, p50, p99, RSS, the server's CPU time per request (read from /proc: it
 * stays meaningful when other work loads the machine), statements per request and the ratios.
 * A measurement, not a test: no threshold.
 *
 * BENCH_PAIRS (5), BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_DATABASE_URL; BENCH_NODE_FLAGS
 * (e.g. `--max-semi-space-size=16`) go to both servers alike.
 */
import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { configFrom } from '../src/config';
import { Role } from '../src/domain/common/role';
import { FixedClock } from '../src/domain/common/clock';
import { dataSourceOptions } from '../src/db/data-source';
import { mintToken } from '../src/graphql/auth/token';
import { startServer } from '../src/http/server';
import { DeveloperHomeDocument } from '../test/generated/graphql';
import { QueryCounter } from '../test/support/query-counter';
import { APPS_PER_DEVELOPER, BENCH_NOW, benchDatabaseUrl, developerId, DEVELOPERS, ensureDashboardData } from './dashboard-data';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const JWT_SECRET = 'bench-dashboard-secret-of-at-least-32-characters';

const QUERY = print(DeveloperHomeDocument);
const BODY = (first = APPS_PER_DEVELOPER) => JSON.stringify({ query: QUERY, variables: { first } });

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

function env(databaseUrl: string): NodeJS.ProcessEnv {
  // Production mode needs the keys that seal secrets at rest: bench-only values.
  return {
    ...process.env,
    NODE_ENV: 'production',
    RATE_LIMIT_ENABLED: 'false',
    JWT_SECRET,
    SECRETS_KEY: process.env.SECRETS_KEY ?? 'be'.repeat(32),
    DATABASE_URL: databaseUrl,
    PORT: '0',
    BENCH_NOW,
    MARKET_WORKER_INTERVAL_MS: '0',
    NOTIFICATION_WORKER_INTERVAL_MS: '0',
    BILLING_SCHEDULER: 'false',
  };
}

function spawnServer(name: string, script: string, databaseUrl: string): Promise<Server> {
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(__dirname, script)], { env: env(databaseUrl), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    // Until `listening <port>`; after that the server's log lines (one a request, as in production)
    // are read and dropped: accumulating and re-scanning them made this process's CPU grow with the
    // run, taken from the server being measured (only the project logs; the baseline does not).
    let out: string | null = '';
    child.stdout!.on('data', (c: Buffer) => {
      if (out === null) return;
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        out = null;
        resolve({ name, url: `http://127.0.0.1:${m[1]}/graphql`, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

async function post(url: string, token: string, body = BODY()): Promise<{ text: string; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { text: await res.text(), headers: res.headers };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks at 100 Hz). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const rssMb = (pid: number): number => Math.round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024);

async function load(server: Server, tokens: string[], seconds: number) {
  let i = 0;
  const cpuBefore = cpuSeconds(server.child.pid!);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i++ % tokens.length]}` }, body: BODY() }),
      },
    ],
  });
  if (result.non2xx || result.errors) throw new Error(`${server.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const cpuMsPerRequest = ((cpuSeconds(server.child.pid!) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rss: rssMb(server.child.pid!), cpuMsPerRequest };
}

/** Statements one request of the project's server runs, counted in process by the test harness's counter. */
async function projectStatements(databaseUrl: string, token: string, first: number): Promise<number> {
  const config = configFrom(env(databaseUrl));
  const counter = new QueryCounter();
  const ds = new DataSource({ ...dataSourceOptions(config, databaseUrl), logger: counter, logging: ['query'] } as never);
  await ds.initialize();
  const server = await startServer({ config, dataSource: ds, clock: new FixedClock(new Date(BENCH_NOW)) });
  try {
    await post(server.url, token, BODY(first)); // warm: the calendar copy is read once per process
    const { result } = await counter.during(() => post(server.url, token, BODY(first)));
    if (JSON.parse(result.text).errors) throw new Error(result.text.slice(0, 300));
    return counter.count;
  } finally {
    await server.stop();
    await ds.destroy();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchDashboard(): Promise<void> {
  const databaseUrl = benchDatabaseUrl(configFrom(process.env));
  const data = await ensureDashboardData(configFrom(env(databaseUrl)), databaseUrl);
  console.log(`[bench] data set ${data.seeded ? 'seeded' : 'reused'} in ${data.seconds.toFixed(1)} s: ${DEVELOPERS} developers × ${APPS_PER_DEVELOPER} apps`);
  const cfg = configFrom({ ...env(databaseUrl) });
  const tokens = await Promise.all(Array.from({ length: DEVELOPERS }, (_, d) => mintToken(cfg, Role.DEVELOPER, developerId(d), '24h')));

  const statements = { project: [] as number[], baseline: 0 };
  for (const first of [1, 20, 50]) statements.project.push(await projectStatements(databaseUrl, tokens[0], first));

  const project = await spawnServer('project', 'dashboard-server.ts', databaseUrl);
  const baseline = await spawnServer('baseline', 'dashboard-baseline.ts', databaseUrl);
  try {
    // `data` identical before timing, for a spread of developers.
    for (const d of [0, 1, 57, 123, DEVELOPERS - 1]) {
      const [a, b] = await Promise.all([post(project.url, tokens[d]), post(baseline.url, tokens[d])]);
      const pa = JSON.parse(a.text);
      const pb = JSON.parse(b.text);
      if (pa.errors || pb.errors) throw new Error(`errors: project ${JSON.stringify(pa.errors)} baseline ${JSON.stringify(pb.errors)}`);
      if (pa.data.myApps.edges.length !== APPS_PER_DEVELOPER) throw new Error(`developer ${d}: ${pa.data.myApps.edges.length} apps`);
      if (JSON.stringify(pa.data) !== JSON.stringify(pb.data)) throw new Error(`developer ${d}: data differ\nproject:  ${JSON.stringify(pa.data).slice(0, 400)}\nbaseline: ${JSON.stringify(pb.data).slice(0, 400)}`);
      if (d === 0) {
        statements.baseline = Number(b.headers.get('x-sql-statements'));
        console.log(`[bench] data identical; ${(a.text.length / 1024).toFixed(1)} KB of JSON per answer (project), ${(b.text.length / 1024).toFixed(1)} KB (baseline)`);
      }
    }
    console.log(`[bench] SQL statements per request: project ${statements.project.join(' / ')} for 1 / 20 / 50 apps, baseline ${statements.baseline}`);

    await load(project, tokens, 3); // warm-up, not counted
    await load(baseline, tokens, 3);
    const runs: Record<'project' | 'baseline', Awaited<ReturnType<typeof load>>[]> = { project: [], baseline: [] };
    for (let p = 0; p < PAIRS; p++) {
      // Alternate which goes first, so neither always runs on the warmer (or busier) half.
      const order = p % 2 ? [baseline, project] : [project, baseline];
      for (const s of order) runs[s.name as 'project' | 'baseline'].push(await load(s, tokens, SECONDS));
      const [pr, br] = [runs.project.at(-1)!, runs.baseline.at(-1)!];
      console.log(
        `[bench] pair ${p + 1}/${PAIRS}: project ${pr.rps.toFixed(0)} req/s (${pr.cpuMsPerRequest.toFixed(2)} CPU ms/request), baseline ${br.rps.toFixed(0)} req/s (${br.cpuMsPerRequest.toFixed(2)}), ratio ${(pr.rps / br.rps).toFixed(2)}`,
      );
    }
    const summary = (name: 'project' | 'baseline') => ({
      'req/s (median)': Number(median(runs[name].map((r) => r.rps)).toFixed(1)),
      'req/s (min–max)': `${Math.min(...runs[name].map((r) => r.rps)).toFixed(0)}–${Math.max(...runs[name].map((r) => r.rps)).toFixed(0)}`,
      'p50 ms': median(runs[name].map((r) => r.p50)),
      'p99 ms': median(runs[name].map((r) => r.p99)),
      'RSS MB (max)': Math.max(...runs[name].map((r) => r.rss)),
      'CPU ms/request': Number(median(runs[name].map((r) => r.cpuMsPerRequest)).toFixed(2)),
      'SQL/request': name === 'project' ? statements.project.at(-1)! : statements.baseline,
    });
    console.table({ project: summary('project'), baseline: summary('baseline') });
    const ratios = runs.project.map((r, i) => r.rps / runs.baseline[i].rps);
    const cpu = (name: 'project' | 'baseline') => median(runs[name].map((r) => r.cpuMsPerRequest));
    console.log(`[bench] server CPU per request, baseline/project: ${(cpu('baseline') / cpu('project')).toFixed(2)}× (the ratio a machine of its own would show if the servers were CPU-bound)`);
    console.log(
      `[bench] ratio project/baseline: ${(median(runs.project.map((r) => r.rps)) / median(runs.baseline.map((r) => r.rps))).toFixed(2)}× (medians; per pair ${ratios.map((r) => r.toFixed(2)).join(', ')}); ${PAIRS} pairs × ${SECONDS} s, ${CONNECTIONS} connections`,
    );
  } finally {
    project.child.kill();
    baseline.child.kill();
  }
}

if (require.main === module) {
  benchDashboard().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

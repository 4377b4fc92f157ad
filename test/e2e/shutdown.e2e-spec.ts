/**
 * Issue 11, item 4: graceful shutdown of the real server, started as `node --import tsx src/main.ts`
 * in a child process on its own database. A request is held in flight by a table lock this test
 * owns; on SIGTERM /readyz answers 503 at once while that request is still running; new requests
 * are refused 503 SHUTTING_DOWN; released, the request completes 200, the market worker stops, the
 * pool closes and the process exits 0. With a short SHUTDOWN_TIMEOUT_MS a request still held at the
 * deadline is cut off and the process exits 1.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { configFrom } from '../../src/config';

const ROOT = join(__dirname, '..', '..');

interface Child {
  proc: ChildProcess;
  lines: Record<string, unknown>[];
  port: number;
  exited: Promise<number | null>;
}

let admin: mysql.Connection;
let dbName: string;
let databaseUrl: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const url = new URL(configFrom(process.env).databaseUrl);
  dbName = `portal_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: undefined });
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await admin?.query('UNLOCK TABLES').catch(() => undefined);
  await admin?.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin?.end();
});

/** Starts the server as production runs it (one node process, no npm wrapper) and waits for its `listening` line. */
async function startServerProcess(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    // NODE_ENV=production as deployed: Apollo installs its own signal handlers outside NODE_ENV=test
    // (they would close the listener at once), so the test must run where they would be.
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars', SECRETS_KEY: 'ab'.repeat(32), LOG_LEVEL: 'info', PORT: '0', DATABASE_URL: databaseUrl, MARKET_WORKER_INTERVAL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    proc.stdout!.on('data', (chunk) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const parsed = JSON.parse(line) as Record<string, unknown>; // every stdout line is JSON
        lines.push(parsed);
        if (parsed.msg === 'listening (GraphQL; /healthz and /readyz beside it)') resolve(parsed.port as number);
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { proc, lines, port, exited };
}

const tagsQuery = (port: number) =>
  fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'slow-one' }, body: JSON.stringify({ query: 'query SlowTags { tags { edges { node { code } } } }' }) });

/** Waits until the child's `tags` query is blocked on our table lock (it is in flight, not just sent). */
async function untilBlockedOnLock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [rows] = await admin.query("SELECT COUNT(*) AS n FROM information_schema.processlist WHERE db = ? AND info LIKE '%tag%' AND id <> CONNECTION_ID()", [dbName]);
    if (Number((rows as { n: number }[])[0].n) > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the slow request never reached the database');
}

async function readyz(port: number): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: await res.json() };
}

const settled = <T>(p: Promise<T>) => {
  const state = { done: false };
  p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};

describe('SIGTERM: drain, stop the worker, close the pool, exit 0', () => {
  it('readyz answers 503 at once while the request in flight runs to its end with 200', async () => {
    const child = await startServerProcess({ SHUTDOWN_TIMEOUT_MS: '20000' });
    expect(await readyz(child.port)).toEqual({ status: 200, body: { status: 'ready' } });

    await admin.query(`LOCK TABLES \`${dbName}\`.tag WRITE`);
    const slow = tagsQuery(child.port);
    const slowState = settled(slow);
    await untilBlockedOnLock();

    const signalledAt = Date.now();
    child.proc.kill('SIGTERM');
    let notReady: { status: number; body: unknown } | undefined;
    while (Date.now() - signalledAt < 1000) {
      const r = await readyz(child.port);
      if (r.status === 503) {
        notReady = r;
        break;
      }
    }
    expect(notReady).toEqual({ status: 503, body: { status: 'shutting down' } });
    expect(slowState.done).toBe(false);

    // New work is refused while draining, with a code a client can act on.
    const late = await fetch(`http://127.0.0.1:${child.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ tags { edges { node { code } } } }' }) });
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(((await late.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('SHUTTING_DOWN');

    // Still draining a second later: the in-flight request holds the shutdown, the process lives.
    await new Promise((r) => setTimeout(r, 1000));
    expect(slowState.done).toBe(false);
    expect(child.proc.exitCode).toBeNull();

    await admin.query('UNLOCK TABLES');
    const res = await slow;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { tags: { edges: { node: { code: string } }[] } } };
    expect(body.data.tags.edges.map((e) => e.node.code)).toContain('MERCHANT_BACKEND');

    expect(await child.exited).toBe(0);
    const msgs = child.lines.map((l) => l.msg);
    const order = ['shutting down: /readyz answers 503, waiting for requests in flight', 'market worker stopped', 'stopped: database pool closed'].map((m) => msgs.indexOf(m));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(child.lines.find((l) => l.reqId === 'slow-one')).toMatchObject({ msg: 'request', outcome: 'ok', res: { status: 200 }, operation: { name: 'SlowTags', type: 'query' } });
    expect(child.lines.find((l) => l.msg === 'stopped: database pool closed')).toMatchObject({ drained: true });
  });

  it('a request still in flight at SHUTDOWN_TIMEOUT_MS is cut off and the process exits 1', async () => {
    const child = await startServerProcess({ SHUTDOWN_TIMEOUT_MS: '1000' });
    await admin.query(`LOCK TABLES \`${dbName}\`.tag WRITE`);
    try {
      const slow = tagsQuery(child.port).then(
        (r) => r.status,
        () => 'cut off',
      );
      await untilBlockedOnLock();
      const signalledAt = Date.now();
      child.proc.kill('SIGTERM');
      expect(await child.exited).toBe(1);
      const took = Date.now() - signalledAt;
      expect(took).toBeGreaterThanOrEqual(1000);
      expect(took).toBeLessThan(10_000);
      expect(await slow).toBe('cut off');
      expect(child.lines.find((l) => l.msg === 'shutdown timeout: requests still in flight were cut off')).toMatchObject({ cutOff: 1 });
    } finally {
      await admin.query('UNLOCK TABLES');
    }
  });
});

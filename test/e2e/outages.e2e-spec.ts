/**
 * Outages and waits (issue 12 §4): the server reaches MariaDB through a TCP proxy this test
 * controls. With the database down, or frozen (connections accepted, nothing answered), or a row
 * lock held past the statement limit, requests answer HTTP 503 SERVICE_UNAVAILABLE with
 * Retry-After and `extensions.retryable: true`, in bounded time; `/readyz` answers 503 within
 * 1 s; once the database is back, requests succeed again.
 */
import mysql from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/domain/common/role';
import { DbProxy } from '../support/db-proxy';
import { GqlResponse, TestApp } from '../support/test-app';

const TAGS = { query: '{ tags { edges { node { code } } } }' };
const REGISTER = { query: 'mutation($i: RegisterDeveloperInput!) { registerDeveloper(input: $i) { __typename } }', variables: { i: { name: 'Outage Soft', kind: 'ISV' } } };

let proxy: DbProxy;
let t: TestApp;
beforeAll(async () => {
  const db = new URL(process.env.DATABASE_URL ?? 'mariadb://portal:portal@127.0.0.1:3306/portal');
  proxy = await DbProxy.start({ host: db.hostname, port: Number(db.port || 3306) });
  t = await TestApp.start({
    databasePort: proxy.port,
    env: { DB_CONNECT_TIMEOUT_MS: '1000', DB_ACQUIRE_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1500', DB_RETRY_AFTER_SECONDS: '7' },
  });
});
afterAll(async () => {
  await proxy?.restore();
  await t?.stop();
  await proxy?.close();
});

/** POST with timing and the Retry-After header. */
async function timedPost(body: unknown, token?: string) {
  const started = Date.now();
  const res = await fetch(t.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as GqlResponse<unknown>;
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: json, ms: Date.now() - started };
}

async function readyz() {
  const started = Date.now();
  const res = await fetch(t.server.url.replace('/graphql', '/readyz'));
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started, body: await res.json() };
}

/** The answer an outage must give: 503, Retry-After, SERVICE_UNAVAILABLE, retryable, and no internals. */
function expectUnavailable(r: Awaited<ReturnType<typeof timedPost>>) {
  expect(r.status).toBe(503);
  expect(r.retryAfter).toBe('7');
  expect(r.body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: 7 } });
  expect(JSON.stringify(r.body)).not.toMatch(/ECONN|ETIMEDOUT|PROTOCOL_|SELECT|INSERT|127\.0\.0\.1|stack|INTERNAL_SERVER_ERROR/);
}

async function expectWorking() {
  const tags = await timedPost(TAGS);
  expect(tags.status).toBe(200);
  expect(tags.body.errors).toBeUndefined();
  expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready' } });
  const register = await timedPost(REGISTER, await t.token(Role.DEVELOPER, randomUUID()));
  expect(register.body).toEqual({ data: { registerDeveloper: { __typename: 'Developer' } } });
}

it('with the database up, reads, writes and /readyz work through the proxy', async () => {
  await expectWorking();
});

describe('database down (connections closed, new ones refused)', () => {
  beforeAll(async () => {
    await proxy.down();
  });
  afterAll(async () => {
    await proxy.restore();
  });

  it('a query answers 503 SERVICE_UNAVAILABLE, Retry-After, retryable', async () => {
    expectUnavailable(await timedPost(TAGS));
  });

  it('a mutation answers the same and writes nothing', async () => {
    const id = randomUUID();
    expectUnavailable(await timedPost(REGISTER, await t.token(Role.DEVELOPER, id)));
    await proxy.restore();
    const [rows] = await directQuery('SELECT COUNT(*) AS n FROM developer WHERE id = ?', [id]);
    expect(rows).toEqual([{ n: 0 }]);
    await proxy.down();
  });

  it('/readyz answers 503 at once, with Retry-After', async () => {
    const r = await readyz();
    expect(r).toMatchObject({ status: 503, retryAfter: '7', body: { status: 'database unavailable' } });
    expect(r.ms).toBeLessThan(1000);
  });
});

it('after the database comes back, requests succeed again', async () => {
  await expectWorking();
});

describe('database frozen (accepts connections, answers nothing)', () => {
  beforeAll(async () => {
    expect((await timedPost(TAGS)).status).toBe(200); // leaves a free connection in the pool
    proxy.freeze();
  });

  it('a read on a pooled connection answers 503 once the client-side timeout passes (1.5 s statement limit + 1 s); the next request is bounded too, because the timed-out connection was discarded instead of reused', async () => {
    const first = await timedPost(TAGS);
    expectUnavailable(first);
    expect(first.ms).toBeGreaterThanOrEqual(2400); // it was the query timer, not a connect or acquire timeout
    const next = await timedPost(TAGS);
    expectUnavailable(next);
    expect(next.ms).toBeLessThan(6000);
  });
  afterAll(async () => {
    await proxy.restore();
  });

  it('/readyz answers 503 within 1 s', async () => {
    const r = await readyz();
    expect(r.status).toBe(503);
    expect(r.ms).toBeLessThan(1000);
    expect(r.body).toMatchObject({ status: 'database unavailable', reason: 'no answer within 800 ms' });
  });

  it('a read and a write answer 503 once the statement limit (1.5 s) and its 1 s margin pass, not after minutes', async () => {
    const [read, write] = await Promise.all([timedPost(TAGS), timedPost(REGISTER, await t.token(Role.DEVELOPER, randomUUID()))]);
    for (const r of [read, write]) {
      expectUnavailable(r);
      // Bound: client timeout 2.5 s (or connect 1 s / acquire 1 s for a new connection), plus scheduling slack.
      expect(r.ms).toBeLessThan(6000);
    }
  });

  it('many requests at once: each is bounded (the pool does not queue them forever)', async () => {
    const rs = await Promise.all(Array.from({ length: 25 }, () => timedPost(TAGS)));
    for (const r of rs) expectUnavailable(r);
    expect(Math.max(...rs.map((r) => r.ms))).toBeLessThan(8000);
  });
});

it('after the database thaws, requests succeed again (timed-out connections were discarded, not reused)', async () => {
  await expectWorking();
  // Every pooled connection is usable: more parallel requests than the pool holds.
  const rs = await Promise.all(Array.from({ length: 15 }, () => timedPost(TAGS)));
  expect(rs.map((r) => r.status)).toEqual(Array(15).fill(200));
});

describe('a statement waiting on a row lock past DB_STATEMENT_TIMEOUT_MS', () => {
  it('setCalendarDay blocked by a lock held elsewhere answers 503 (MariaDB max_statement_time), and succeeds once the lock is gone', async () => {
    const operator = await t.token(Role.OPERATOR);
    const set = (kind: string) => ({ query: 'mutation($d: LocalDate!, $k: CalendarDayKind!) { setCalendarDay(date: $d, kind: $k) { __typename } }', variables: { d: '2026-12-01', k: kind } });
    const first = await timedPost(set('OFF'), operator);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const holder = await mysql.createConnection(t.databaseUrl.replace(/^mariadb:/, 'mysql:').replace(`:${proxy.port}/`, `:${directPort()}/`));
    try {
      await holder.query('START TRANSACTION');
      await holder.query("SELECT * FROM calendar_day WHERE date = '2026-12-01' FOR UPDATE");
      const blocked = await timedPost(set('WORKDAY'), operator);
      expectUnavailable(blocked);
      expect(blocked.ms).toBeLessThan(6000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect((await timedPost(set('WORKDAY'), operator)).status).toBe(200);
  });
});

function directPort(): number {
  return Number(new URL(process.env.DATABASE_URL ?? 'mariadb://portal:portal@127.0.0.1:3306/portal').port || 3306);
}

async function directQuery(sql: string, params: unknown[]) {
  const c = await mysql.createConnection(t.databaseUrl.replace(/^mariadb:/, 'mysql:').replace(`:${proxy.port}/`, `:${directPort()}/`));
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

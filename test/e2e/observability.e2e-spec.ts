/**
 * Issue 11, items 6 and 7: one structured log line per request (request id taken from a sane
 * `x-request-id` or generated, echoed in the response; role, never the token; operation name and
 * type; outcome ok / refusal code / error code), internal errors logged with cause and stack but
 * masked for the client; and Prometheus text at /metrics whose counters move with the traffic.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Role } from '../../src/domain/common/role';
import { AddressInfo } from 'node:net';
import express from 'express';
import { metricsAccess, metricsHandler } from '../../src/http/metrics-endpoint';
import { CreateAppDocument, RecordUsageDocument, RunBillingDocument } from '../generated/graphql';
import { LogCapture, LogLine } from '../support/log-capture';
import { TestApp } from '../support/test-app';

const logs = new LogCapture('info');
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z', logger: logs.logger });
});
afterAll(() => t?.stop());

const TAGS = { query: 'query Tags { tags { edges { node { code } } } }' };

async function send(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; requestId: string | null; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(t.server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as never };
}

/** The request lines logged for a request id (after the response: the line is written on 'finish'). */
function requestLines(id: string): LogLine[] {
  return logs.lines.filter((l) => l.msg === 'request' && l.reqId === id);
}

describe('request logs', () => {
  it('one JSON line per request, under the caller\'s x-request-id, echoed; operation name and type; outcome ok', async () => {
    const res = await send(TAGS, { 'x-request-id': 'edge-7f3a.42' });
    expect(res.status).toBe(200);
    expect(res.requestId).toBe('edge-7f3a.42');
    const lines = requestLines('edge-7f3a.42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      req: { method: 'POST', path: '/graphql' },
      res: { status: 200 },
      route: '/graphql',
      role: 'ANONYMOUS',
      operation: { name: 'Tags', type: 'query' },
      outcome: 'ok',
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(lines[0].code).toBeUndefined();
  });

  it('an x-request-id that is not sane (spaces, over 128 characters) is replaced by a generated id, echoed', async () => {
    for (const given of ['two words', 'x'.repeat(129), 'a\u00e9b']) {
      const res = await send(TAGS, { 'x-request-id': given });
      expect(res.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(requestLines(res.requestId!)).toHaveLength(1);
      expect(logs.lines.some((l) => l.reqId === given)).toBe(false);
    }
    const none = await send(TAGS);
    expect(requestLines(none.requestId!)).toHaveLength(1);
  });

  it('logs the role and never the token', async () => {
    const dev = await t.developer();
    const res = await send({ query: 'query Me { me { id } }' }, { authorization: `Bearer ${dev.token}` });
    expect(res.status).toBe(200);
    expect(requestLines(res.requestId!)[0]).toMatchObject({ role: 'DEVELOPER', operation: { name: 'Me', type: 'query' }, outcome: 'ok' });
    const all = JSON.stringify(logs.lines);
    expect(all).not.toContain(dev.token);
    expect(all).not.toContain(dev.token.split('.')[2]); // not even the signature
    expect(all.toLowerCase()).not.toContain('"authorization"');
  });

  it('a refusal in a result union logs outcome refused with its code; a thrown error its code; a bad token UNAUTHENTICATED', async () => {
    const dev = await t.developer();
    // DOMAIN / README decisions: an app name is 2–50 characters.
    const refused = await send(
      { query: 'mutation NewApp($i: CreateAppInput!) { createApp(input: $i) { __typename } }', variables: { i: { name: 'x', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } } },
      { authorization: `Bearer ${dev.token}` },
    );
    expect((refused.body.data as { createApp: { __typename: string } }).createApp.__typename).toBe('InvalidInput');
    expect(requestLines(refused.requestId!)[0]).toMatchObject({ role: 'DEVELOPER', operation: { name: 'NewApp', type: 'mutation' }, outcome: 'refused', code: 'INVALID_INPUT' });

    // The refusal is noted even when the client selects neither __typename nor code.
    const quiet = await send(
      { query: 'mutation { createApp(input: { name: "x", tagCode: "MERCHANT_BACKEND", inCloud: true, declaredFunctions: [] }) { ... on App { id } } }' },
      { authorization: `Bearer ${dev.token}` },
    );
    expect(requestLines(quiet.requestId!)[0]).toMatchObject({ operation: { name: null, type: 'mutation' }, outcome: 'refused', code: 'INVALID_INPUT' });

    const missing = await send({ query: 'query App($id: ID!) { app(id: $id) { id } }', variables: { id: '999999' } }, { authorization: `Bearer ${dev.token}` });
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(requestLines(missing.requestId!)[0]).toMatchObject({ outcome: 'error', code: 'NOT_FOUND', operation: { name: 'App', type: 'query' } });

    const bad = await send(TAGS, { authorization: 'Bearer not-a-jwt' });
    expect(bad.status).toBe(401);
    const line = requestLines(bad.requestId!)[0];
    expect(line).toMatchObject({ outcome: 'error', code: 'UNAUTHENTICATED', res: { status: 401 } });
    expect(line.role).toBeUndefined();
    expect(JSON.stringify(line)).not.toContain('not-a-jwt');
  });

  it('an internal error is masked for the client and logged under the request id with its cause and stack', async () => {
    await t.ds.query('RENAME TABLE tag TO tag_moved_away');
    try {
      const res = await send(TAGS, { 'x-request-id': 'internal-1' });
      expect(res.body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(res.body)).not.toMatch(/doesn't exist|ER_NO_SUCH_TABLE|portal_test_|stack/i);
      expect(requestLines('internal-1')).toEqual([expect.objectContaining({ outcome: 'error', code: 'INTERNAL_SERVER_ERROR' })]);
      const errorLines = logs.lines.filter((l) => l.reqId === 'internal-1' && l.level === 'error');
      expect(errorLines).toHaveLength(1);
      const err = errorLines[0].err as { message: string; stack: string; code?: string };
      expect(err.message).toContain("portal_test_"); // the missing table, fully qualified
      expect(err.code).toBe('ER_NO_SUCH_TABLE');
      expect(err.stack).toMatch(/\n\s+at /);
    } finally {
      await t.ds.query('RENAME TABLE tag_moved_away TO tag');
    }
  });

  it('every request, GraphQL or not, gets exactly one line', async () => {
    const before = logs.lines.filter((l) => l.msg === 'request').length;
    const ids: string[] = [];
    for (const path of ['/healthz', '/readyz', '/metrics', '/nowhere']) {
      const res = await fetch(new URL(path, t.server.url), { headers: { 'x-request-id': `plain-${path.slice(1)}` } });
      await res.arrayBuffer();
      expect(res.headers.get('x-request-id')).toBe(`plain-${path.slice(1)}`);
      ids.push(`plain-${path.slice(1)}`);
    }
    await send(TAGS, { 'x-request-id': 'plain-graphql' });
    ids.push('plain-graphql');
    expect(logs.lines.filter((l) => l.msg === 'request').length - before).toBe(5);
    for (const id of ids) expect(requestLines(id)).toHaveLength(1);
    expect(requestLines('plain-nowhere')[0]).toMatchObject({ route: 'unmatched', res: { status: 404 }, outcome: 'error', code: 'HTTP_404' });
  });
});

/** Prometheus text → `name{labels}` → value (labels in the order the registry prints them). */
async function scrape(url = new URL('/metrics', t.server.url).toString(), headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await fetch(url, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const out = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{.*\})?) (\S+)$/.exec(line);
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    out.set(m[1], Number(m[2]));
  }
  return out;
}

const value = (m: Map<string, number>, key: string): number => m.get(key) ?? 0;

describe('/metrics', () => {
  it('process metrics and the database pool', async () => {
    const m = await scrape();
    expect(m.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(m.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(m.get('portal_db_pool_limit')).toBe(10);
    const inUse = m.get('portal_db_pool_connections{state="in_use"}')!;
    const idle = m.get('portal_db_pool_connections{state="idle"}')!;
    expect(inUse).toBeGreaterThanOrEqual(0);
    expect(idle).toBeGreaterThanOrEqual(1); // the test's own queries opened connections and gave them back
    expect(inUse + idle).toBeLessThanOrEqual(10);
    expect(m.get('portal_db_pool_waiting')).toBe(0);
  });

  it('usage records ingested, billing runs (duration, app-days, bills), operations, refusals and errors move', async () => {
    const gateway = await t.token(Role.GATEWAY);
    const operator = await t.token(Role.OPERATOR);
    const dev = await t.developer();
    const apps: string[] = [];
    for (const name of ['Metrics one', 'Metrics two']) {
      const created = (await t.gql(CreateAppDocument, { input: { name, tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token)).data!.createApp;
      if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
      apps.push(created.appkey);
    }
    const before = await scrape();

    const records = apps.map((appkey) => ({ idempotencyKey: `m-${randomUUID()}`, appkey, date: '2021-06-03', dataSyncNewOrders: 12_000 }));
    const first = await t.gql(RecordUsageDocument, { records }, gateway);
    expect(first.data!.recordUsage).toMatchObject({ __typename: 'UsageBatchReceipt', applied: 2, duplicates: 0 });
    const again = await t.gql(RecordUsageDocument, { records }, gateway);
    expect(again.data!.recordUsage).toMatchObject({ applied: 0, duplicates: 2 });
    const afterUsage = await scrape();
    expect(value(afterUsage, 'portal_usage_records_ingested_total{outcome="applied"}') - value(before, 'portal_usage_records_ingested_total{outcome="applied"}')).toBe(2);
    expect(value(afterUsage, 'portal_usage_records_ingested_total{outcome="duplicate"}') - value(before, 'portal_usage_records_ingested_total{outcome="duplicate"}')).toBe(2);
    // The batches went through the ingestion's own multi-statement pool: its connections are back, nobody waits.
    expect(afterUsage.get('portal_db_ingest_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(afterUsage.get('portal_db_ingest_pool_connections{state="in_use"}')).toBe(0);
    expect(afterUsage.get('portal_db_ingest_pool_waiting')).toBe(0);

    // 2021-06-03 is long over on the fixed clock (2026-11-20): one Taobao day, two apps billed.
    const run = await t.gql(RunBillingDocument, { platform: 'TAOBAO', period: '2021-06-03' }, operator);
    expect(run.data!.runBilling).toMatchObject({ __typename: 'BillingRunReport', billsCreated: 2 });
    const notOver = await t.gql(RunBillingDocument, { platform: 'TAOBAO', period: '2999-01-01' }, operator);
    expect(notOver.data!.runBilling.__typename).toBe('InvalidInput');
    const after = await scrape();
    const delta = (key: string) => value(after, key) - value(before, key);
    expect(delta('portal_billing_runs_total{platform="TAOBAO",outcome="ok"}')).toBe(1);
    expect(delta('portal_billing_runs_total{platform="TAOBAO",outcome="refused"}')).toBe(1);
    expect(delta('portal_billing_bills_created_total{platform="TAOBAO"}')).toBe(2);
    expect(delta('portal_billing_app_days_total{platform="TAOBAO"}')).toBe(2);
    expect(delta('portal_billing_lines_written_total{platform="TAOBAO"}')).toBeGreaterThanOrEqual(2);
    expect(delta('portal_billing_run_duration_seconds_count{platform="TAOBAO"}')).toBe(2);
    expect(delta('portal_billing_run_duration_seconds_sum{platform="TAOBAO"}')).toBeGreaterThan(0);
    // Issue 17: the same runs by job, trigger and state (an operator's runBilling: trigger OPERATOR).
    expect(delta('portal_billing_job_runs_total{job="TAOBAO_BILLING",platform="TAOBAO",trigger="OPERATOR",state="DONE"}')).toBe(1);
    expect(delta('portal_billing_job_runs_total{job="TAOBAO_BILLING",platform="TAOBAO",trigger="OPERATOR",state="FAILED"}')).toBe(1);
    expect(delta('portal_billing_job_failures_total{job="TAOBAO_BILLING",trigger="OPERATOR"}')).toBe(1);
    expect(delta('portal_billing_job_app_days_total{job="TAOBAO_BILLING",platform="TAOBAO",trigger="OPERATOR"}')).toBe(2);
    expect(delta('portal_billing_job_run_duration_seconds_count{job="TAOBAO_BILLING",trigger="OPERATOR"}')).toBe(2);

    expect(delta('portal_graphql_operations_total{operation="RecordUsage",type="mutation",outcome="ok"}')).toBe(2);
    expect(delta('portal_graphql_operations_total{operation="RunBilling",type="mutation",outcome="ok"}')).toBe(1);
    expect(delta('portal_graphql_operations_total{operation="RunBilling",type="mutation",outcome="refused"}')).toBe(1);
    expect(delta('portal_graphql_refusals_total{code="INVALID_INPUT"}')).toBe(1);
    // 4 GraphQL requests answered 200 since `before`, plus the scrape in between.
    expect(delta('portal_http_request_duration_seconds_count{route="/graphql",status="200"}')).toBe(4);
    expect(delta('portal_http_request_duration_seconds_count{route="/metrics",status="200"}')).toBe(2);

    const errBefore = value(after, 'portal_graphql_errors_total{code="FORBIDDEN"}');
    await t.gql(RunBillingDocument, { platform: 'TAOBAO', period: '2021-06-03' }, dev.token); // a developer may not run billing
    const last = await scrape();
    expect(value(last, 'portal_graphql_errors_total{code="FORBIDDEN"}') - errBefore).toBe(1);
    expect(value(last, 'portal_graphql_operations_total{operation="RunBilling",type="mutation",outcome="error"}') - value(after, 'portal_graphql_operations_total{operation="RunBilling",type="mutation",outcome="error"}')).toBe(1);
  });

  it('outbound production notifications not delivered: pending, failing, stopped, read from the database on each scrape', async () => {
    const insert = (key: string, status: string, errors: number) =>
      t.ds.query("INSERT INTO market_notification (idempotency_key, provider_id, product_id, subscription_id, action, payload, status, errors, next_attempt_at) VALUES (?, 'p', 1, 1, 'NEW', '{}', ?, ?, NOW(3))", [key, status, errors]);
    await insert(`n-${randomUUID()}`, 'PENDING', 0);
    await insert(`n-${randomUUID()}`, 'PENDING', 0);
    await insert(`n-${randomUUID()}`, 'PENDING', 3);
    await insert(`n-${randomUUID()}`, 'STOPPED', 120);
    await insert(`n-${randomUUID()}`, 'DELIVERED', 1);
    const m = await scrape();
    expect(m.get('portal_market_notifications{state="pending"}')).toBe(2);
    expect(m.get('portal_market_notifications{state="failing"}')).toBe(1);
    expect(m.get('portal_market_notifications{state="stopped"}')).toBe(1);
    await t.ds.query("UPDATE market_notification SET status = 'DELIVERED' WHERE status = 'PENDING' AND errors = 0");
    expect((await scrape()).get('portal_market_notifications{state="pending"}')).toBe(0);
    await t.ds.query('DELETE FROM market_notification');
  });

  it('the calendar covers 41 days ahead on 2026-11-20 (seeded through 2026-12-31); no billing period is overdue; webhook, email and SMS messages by state', async () => {
    const m = await scrape();
    expect(m.get('portal_calendar_days_covered_ahead')).toBe(41);
    expect(m.get('portal_billing_periods_overdue')).toBe(0);
    const insert = (status: string, attempts: number) =>
      t.ds.query("INSERT INTO outbound_message (channel, developer_id, kind, target, payload, status, attempts, created_at) VALUES ('EMAIL', 'd', 'BILL_ISSUED', 'ops@acme.example', '{}', ?, ?, NOW(3))", [status, attempts]);
    await insert('PENDING', 0);
    await insert('PENDING', 2);
    await insert('PENDING', 5);
    await insert('STOPPED', 16);
    await insert('DELIVERED', 1);
    const after = await scrape();
    expect(after.get('portal_outbound_messages{state="pending"}')).toBe(1);
    expect(after.get('portal_outbound_messages{state="failing"}')).toBe(2);
    expect(after.get('portal_outbound_messages{state="stopped"}')).toBe(1);
    await t.ds.query('DELETE FROM outbound_message');
  });

  it('who may read /metrics: a token when set; production refuses the public port without one unless METRICS_PUBLIC=true', () => {
    const cfg = (env: string, token: string | null, isPublic = false) => ({ env: env as 'production', metrics: { enabled: true, port: null, token, public: isPublic } });
    expect(metricsAccess(cfg('development', null), 'public')).toEqual({ kind: 'open' });
    expect(metricsAccess(cfg('production', null), 'public')).toEqual({ kind: 'refused' });
    expect(metricsAccess(cfg('production', null, true), 'public')).toEqual({ kind: 'open' });
    expect(metricsAccess(cfg('production', null), 'own')).toEqual({ kind: 'open' });
    expect(metricsAccess(cfg('production', 'a-metrics-token-0001'), 'public')).toEqual({ kind: 'token', token: 'a-metrics-token-0001' });
    expect(metricsAccess(cfg('development', 'a-metrics-token-0001'), 'own')).toEqual({ kind: 'token', token: 'a-metrics-token-0001' });
  });

  it('the refused case answers 403 with what to set, and no metric', async () => {
    const app = express().get('/metrics', metricsHandler({ kind: 'refused' }));
    const server = app.listen(0);
    try {
      await new Promise((r) => server.once('listening', r));
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).toContain('METRICS_TOKEN');
      expect(text).not.toContain('portal_');
    } finally {
      server.close();
    }
  });
});

describe('the billing CLI logs the same way, on stderr', () => {
  it('stdout carries only the JSON report; stderr the progress bar and JSON log lines (LOG_LEVEL)', async () => {
    const root = join(__dirname, '..', '..');
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        join(root, 'node_modules', '.bin', 'tsx'),
        [join(root, 'src', 'cli', 'billing-cli.ts'), 'TAOBAO', '2021-06-04'],
        { cwd: root, env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'info' }, timeout: 60_000 },
        (err, out, errOut) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout: out, stderr: errOut }),
      );
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ platform: 'TAOBAO', period: '2021-06-04', billsCreated: 0 });
    const lines = stderr
      .split(/[\r\n]/)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['billing command started', 'billing run done']);
    expect(lines[1]).toMatchObject({ name: 'billing-cli', level: 'info', command: { kind: 'run', platform: 'TAOBAO', period: '2021-06-04' }, billsCreated: 0, total: '0.00' });
    expect(stderr).toContain('1/1 shards 100%, 0 apps billed'); // the progress bar counts shards
  });
});

describe('/metrics on its own port, behind a token', () => {
  const TOKEN = 'metrics-token-for-the-e2e-0123';
  let own: TestApp;
  beforeAll(async () => {
    own = await TestApp.start({ env: { METRICS_PORT: '0', METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => own?.stop());

  it('is not on the public port; its own port asks for the bearer token', async () => {
    expect(own.server.metricsPort).toEqual(expect.any(Number));
    expect((await fetch(new URL('/metrics', own.server.url))).status).toBe(404);
    const url = `http://127.0.0.1:${own.server.metricsPort}/metrics`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-the-same-len' } })).status).toBe(401);
    const m = await scrape(url, { authorization: `Bearer ${TOKEN}` });
    expect(m.get('portal_db_pool_limit')).toBe(10);
  });

  it('METRICS_ENABLED=false serves no /metrics', async () => {
    const off = await TestApp.start({ env: { METRICS_ENABLED: 'false' } });
    try {
      expect((await fetch(new URL('/metrics', off.server.url))).status).toBe(404);
      expect(off.server.metricsPort).toBeNull();
    } finally {
      await off.stop();
    }
  });
});

/**
 * The hand-written baseline for `npm run bench:dashboard`: what a careful engineer would write for
 * the home-page document alone, without a framework. Plain graphql 16 `execute` over the emitted
 * schema.graphql (parsed and validated once per distinct document), node:http, mysql2, and the
 * batched SQL written by hand: once myApps has its page, one statement each for the page's tags,
 * emergency grants, review rounds, pending applications and the month's bills. Same pure rules as
 * the project (quota, working days, overdue), the same token check, the working-day calendar read
 * once at start, the same clock. Answers `x-sql-statements` with the statements the request ran.
 *
 * Run as a child of bench/dashboard.bench.ts: `tsx bench/dashboard-baseline.ts` with DATABASE_URL,
 * JWT_SECRET, PORT=0 and BENCH_NOW; prints `listening <port>` on stdout.
 */
import 'reflect-metadata';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, DocumentNode, execute, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import mysql from 'mysql2/promise';
import { D } from '../src/billing/money';
import { configFrom } from '../src/config';
import { workCalendar, WorkCalendar, workingDaysLeft } from '../src/domain/calendar/working-days.rule';
import { beijingDate, beijingEndOfDay } from '../src/domain/common/beijing-time';
import { isOverdue } from '../src/domain/common/sla.rule';
import { quotaToday } from '../src/domain/quota/quota-today.rule';
import { AppStatus } from '../src/domain/app/app.enums';
import { viewerFromAuthorization } from '../src/graphql/auth/token';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const cursor = (id: string): string => Buffer.from(`id:${id}`).toString('base64url');
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** One request's state: the statements it ran and the page's batched reads. */
class Request {
  statements = 0;
  private pageBatch?: Promise<PageBatch>;
  private month?: Promise<Row[]>;
  constructor(
    readonly pool: mysql.Pool,
    readonly developerId: string,
    readonly now: Date,
    readonly calendar: WorkCalendar,
  ) {}

  async q(sql: string, params: unknown[]): Promise<Row[]> {
    this.statements++;
    const [rows] = await this.pool.query(sql, params);
    return rows as Row[];
  }

  /** This month's bills of the developer, grouped by app and platform (root and App.monthToDate share it). */
  monthRows(): Promise<Row[]> {
    const month = beijingDate(this.now).slice(0, 7);
    this.month ??= this.q(
      `SELECT app_id, appkey, platform, COUNT(*) AS n, SUM(total) AS total, SUM(CASE WHEN status = 'UNPAID' THEN total ELSE 0 END) AS unpaid
         FROM bill WHERE period_start >= ? AND period_start <= ? AND developer_id = ? GROUP BY app_id, appkey, platform ORDER BY app_id, platform`,
      [`${month}-01`, `${month}-31`, this.developerId],
    ).then((rows) => rows.map((r) => ({ month, appId: String(r.app_id), appkey: r.appkey, platform: r.platform, bills: Number(r.n), total: new D(r.total).toFixed(2), unpaid: new D(r.unpaid).toFixed(2) })));
    return this.month;
  }

  batch(apps: Row[]): Promise<PageBatch> {
    this.pageBatch ??= loadPage(this, apps);
    return this.pageBatch;
  }
}

interface PageBatch {
  tags: Map<string, Row>;
  emergency: Map<string, number>;
  latest: Map<string, Row>;
  pending: Map<string, Row[]>;
  month: Map<string, Row[]>;
}

async function loadPage(req: Request, apps: Row[]): Promise<PageBatch> {
  const ids = apps.map((a) => a.id);
  const today = beijingDate(req.now);
  const online = apps.filter((a) => a.status === AppStatus.ONLINE).map((a) => a.id);
  const none = Promise.resolve([] as Row[]);
  const [tags, grants, rounds, pending, month] = await Promise.all([
    req.q('SELECT code, name, dev_test_quota, default_online_quota, traffic_mode FROM tag WHERE code IN (?)', [[...new Set(apps.map((a) => a.tagCode))]]),
    online.length ? req.q('SELECT app_id, granted_calls FROM emergency_grant WHERE grant_date = ? AND app_id IN (?)', [today, online]) : none,
    req.q(
      `SELECT r.* FROM review_round r JOIN (SELECT subject_id, MAX(round_no) AS n FROM review_round WHERE subject_type = 'APP' AND subject_id IN (?) GROUP BY subject_id) m
          ON r.subject_type = 'APP' AND r.subject_id = m.subject_id AND r.round_no = m.n`,
      [ids],
    ),
    req.q(
      `SELECT a.id, a.app_id, a.kind, a.package_code, a.requested_quota, a.submitted_at, r.due_at, r.due_provisional FROM package_application a
         JOIN review_round r ON r.subject_type = 'PACKAGE_APPLICATION' AND r.status = 'PENDING' AND r.subject_id = a.id
        WHERE a.status = 'PENDING' AND a.app_id IN (?) ORDER BY r.due_at, a.id`,
      [ids],
    ),
    req.monthRows(),
  ]);
  const batch: PageBatch = { tags: new Map(), emergency: new Map(), latest: new Map(), pending: new Map(), month: new Map() };
  for (const t of tags) batch.tags.set(t.code, { code: t.code, name: t.name, devTestQuota: t.dev_test_quota, defaultOnlineQuota: t.default_online_quota, trafficMode: t.traffic_mode });
  for (const g of grants) batch.emergency.set(String(g.app_id), g.granted_calls);
  for (const r of rounds) {
    const pendingRound = r.status === 'PENDING';
    batch.latest.set(String(r.subject_id), {
      id: String(r.id),
      roundNo: r.round_no,
      status: r.status,
      submittedAt: iso(r.submitted_at),
      dueAt: iso(r.due_at),
      dueProvisional: Boolean(r.due_provisional),
      overdue: pendingRound && isOverdue(r.due_at, req.now),
      workingDaysLeft: pendingRound ? workingDaysLeft(req.calendar, today, beijingDate(new Date(r.due_at.getTime() - 1))) : null,
      decidedAt: iso(r.decided_at),
      reasons: json<string[]>(r.reasons),
      explanation: r.explanation,
    });
  }
  for (const p of pending) {
    const list = batch.pending.get(String(p.app_id)) ?? batch.pending.set(String(p.app_id), []).get(String(p.app_id))!;
    list.push({
      kind: p.kind,
      id: String(p.id),
      appId: String(p.app_id),
      subject: p.package_code,
      requestedQuota: p.requested_quota,
      submittedAt: iso(p.submitted_at),
      dueAt: iso(p.due_at),
      dueProvisional: Boolean(p.due_provisional),
      overdue: isOverdue(p.due_at, req.now),
    });
  }
  for (const m of month) (batch.month.get(m.appId) ?? batch.month.set(m.appId, []).get(m.appId)!).push(m);
  return batch;
}

function appOf(r: Row): Row {
  return {
    id: String(r.id),
    appkey: r.appkey,
    name: r.name,
    description: r.description,
    logoUrl: r.logo_url,
    callbackUrl: r.callback_url,
    inCloud: Boolean(r.in_cloud),
    declaredFunctions: json<string[]>(r.declared_functions),
    status: r.status,
    valueAddedOutOfCloudPermitted: Boolean(r.value_added_out_of_cloud_permitted),
    billingPlatform: r.billing_platform,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    tagCode: r.tag_code,
    grantedTrafficQuota: r.granted_traffic_quota,
  };
}

/** Hand-written resolvers on the emitted schema: only what the home-page document asks. */
function wire(schema: GraphQLSchema): void {
  const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
  const query = fields('Query');
  query.me.resolve = async (_root, _args, req: Request) => {
    const [d] = await req.q('SELECT id, name, kind, onboarded, created_at, closed_at FROM developer WHERE id = ?', [req.developerId]);
    return d ? { id: d.id, name: d.name, kind: d.kind, onboarded: Boolean(d.onboarded), createdAt: iso(d.created_at), closedAt: iso(d.closed_at) } : null;
  };
  query.myApps.resolve = async (_root, args: { first?: number | null }, req: Request) => {
    const first = args.first ?? 20;
    const [rows, [count]] = await Promise.all([
      req.q(
        'SELECT id, appkey, name, description, logo_url, callback_url, in_cloud, declared_functions, status, value_added_out_of_cloud_permitted, billing_platform, created_at, updated_at, tag_code, granted_traffic_quota FROM app WHERE owner_id = ? ORDER BY id DESC LIMIT ?',
        [req.developerId, first + 1],
      ),
      req.q('SELECT COUNT(*) AS n FROM app WHERE owner_id = ?', [req.developerId]),
    ]);
    const apps = rows.slice(0, first).map(appOf);
    const edges = apps.map((a) => ({ cursor: cursor(a.id), node: a }));
    if (apps.length) void req.batch(apps).catch(() => undefined); // start the page's reads now; field resolvers await the same promise
    return { totalCount: Number(count.n), pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, edges, apps };
  };
  // The root month to date is a connection (the home page asks for `first` rows, app id order); the rows are the shared ones.
  query.monthToDate.resolve = async (_root, args: { first?: number | null }, req: Request) => {
    const rows = await req.monthRows();
    return { totalCount: rows.length, edges: rows.slice(0, args.first ?? 20).map((node) => ({ node })) };
  };

  const app = fields('App');
  app.tag.resolve = async (a: Row, _args, req: Request) => (await req.batch([a])).tags.get(a.tagCode);
  app.quotaToday.resolve = async (a: Row, _args, req: Request) => {
    const b = await req.batch([a]);
    const tag = b.tags.get(a.tagCode)!;
    const date = beijingDate(req.now);
    const q = quotaToday({ status: a.status, devTestQuota: tag.devTestQuota, defaultOnlineQuota: tag.defaultOnlineQuota, grantedTrafficQuota: a.grantedTrafficQuota, emergencyCallsToday: b.emergency.get(a.id) ?? 0 });
    return { date, ...q, emergencyGranted: q.emergencyCalls > 0, resetsAt: beijingEndOfDay(date).toISOString() };
  };
  app.latestReviewRound.resolve = async (a: Row, _args, req: Request) => (await req.batch([a])).latest.get(a.id) ?? null;
  app.pendingApplications.resolve = async (a: Row, _args, req: Request) => (await req.batch([a])).pending.get(a.id) ?? [];
  app.monthToDate.resolve = async (a: Row, _args, req: Request) => (await req.batch([a])).month.get(a.id) ?? [];
}

async function main(): Promise<void> {
  const config = configFrom(process.env);
  const now = new Date(process.env.BENCH_NOW ?? Date.now());
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));
  wire(schema);
  const url = new URL(config.databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const pool = mysql.createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    connectionLimit: 10,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  const [calendarRows] = (await pool.query('SELECT `date`, kind FROM calendar_day')) as [Row[], unknown];
  const calendar = workCalendar(
    calendarRows.map((r) => ({ date: typeof r.date === 'string' ? r.date : r.date.toISOString().slice(0, 10), kind: r.kind })),
    new Set(calendarRows.map((r) => Number(String(typeof r.date === 'string' ? r.date : r.date.toISOString()).slice(0, 4)))),
  );
  const documents = new Map<string, DocumentNode>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = (status: number, body: unknown, statements = 0) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-sql-statements': String(statements) });
        res.end(JSON.stringify(body));
      };
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
        const viewer = await viewerFromAuthorization(config, req.headers.authorization);
        if (!viewer.subjectId) return answer(401, { errors: [{ message: 'developers only', extensions: { code: 'UNAUTHENTICATED' } }] });
        let document = documents.get(body.query);
        if (!document) {
          document = parse(body.query);
          const errors = validate(schema, document);
          if (errors.length) return answer(400, { errors: errors.map((e) => ({ message: e.message })) });
          documents.set(body.query, document);
        }
        const ctx = new Request(pool, viewer.subjectId, now, calendar);
        const result = await execute({ schema, document, variableValues: body.variables, contextValue: ctx });
        answer(200, result, ctx.statements);
      } catch (err) {
        answer(500, { errors: [{ message: (err as Error).message }] });
      }
    });
  });
  server.listen(Number(process.env.PORT ?? 0), () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
  });
}

// A clean exit on SIGINT lets `node --cpu-prof` write its profile.
process.on('SIGINT', () => process.exit(0));

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

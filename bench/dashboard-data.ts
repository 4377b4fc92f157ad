/**
 * The home-page benchmark's data set, in its own database (default `portal_bench_dashboard_readpath`,
 * `BENCH_DATABASE_URL` to change): 200 developers × 50 apps with review rounds, a week of usage
 * days, pending traffic and value-added applications, emergency traffic today and 30 days of Taobao
 * bills (the last 11 of October and 1–19 November 2026). Seeded once and reused: a run finds it
 * complete (the bills are written last) or wipes the partial rows and seeds again.
 */
import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { Config } from '../src/config';
import { addDays } from '../src/domain/common/beijing-time';
import { dataSourceOptions } from '../src/db/data-source';
import { migrateAndSeed } from '../src/db/migrate';

export const DEVELOPERS = 200;
export const APPS_PER_DEVELOPER = 50;
/** The bench's clock: Friday 2026-11-20 12:00 Beijing. */
export const BENCH_NOW = '2026-11-20T04:00:00Z';
export const developerId = (d: number): string => `bench-home-${String(d).padStart(3, '0')}`;

const TAGS = ['MERCHANT_BACKEND', 'TAOBAOKE', 'ONLINE_ORDERING', 'ISV_BACKEND', 'MERCHANT_BACKEND'];
/** By app index mod 5: DEVELOPING, IN_REVIEW, ONLINE, REJECTED, ONLINE. */
const STATUSES = ['DEVELOPING', 'IN_REVIEW', 'ONLINE', 'REJECTED', 'ONLINE'];
const BILL_DAYS = Array.from({ length: 30 }, (_, i) => addDays('2026-10-21', i));
/** ONLINE apps (2 in 5) × 30 days: the bills a complete data set holds. */
const EXPECTED_BILLS = DEVELOPERS * APPS_PER_DEVELOPER * (2 / 5) * BILL_DAYS.length;

/** The bench database's URL beside the configured one. */
export function benchDatabaseUrl(config: Config): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(config.databaseUrl);
  url.pathname = '/portal_bench_dashboard_readpath';
  return url.toString();
}

/** Creates, migrates and seeds the bench database unless it is already complete. */
export async function ensureDashboardData(config: Config, databaseUrl: string): Promise<{ seeded: boolean; seconds: number }> {
  const started = performance.now();
  const url = new URL(databaseUrl);
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${url.pathname.slice(1)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions(config, databaseUrl));
  await ds.initialize();
  try {
    await migrateAndSeed(ds);
    const q = (sql: string, p: unknown[] = []) => ds.query(sql, p);
    const [{ n }] = await q("SELECT COUNT(*) AS n FROM bill WHERE run_id = 'bench-home'");
    if (Number(n) === EXPECTED_BILLS) return { seeded: false, seconds: (performance.now() - started) / 1000 };
    await wipe(q);
    await seed(q);
    return { seeded: true, seconds: (performance.now() - started) / 1000 };
  } finally {
    await ds.destroy();
  }
}

type Q = (sql: string, p?: unknown[]) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function wipe(q: Q): Promise<void> {
  const apps = "(SELECT id FROM app WHERE owner_id LIKE 'bench-home-%')";
  await q(`DELETE FROM bill WHERE developer_id LIKE 'bench-home-%'`);
  await q(`DELETE FROM usage_daily WHERE app_id IN ${apps}`);
  await q(`DELETE FROM emergency_grant WHERE app_id IN ${apps}`);
  await q(`DELETE FROM package_application WHERE developer_id LIKE 'bench-home-%'`);
  await q(`DELETE FROM review_round WHERE owner_id LIKE 'bench-home-%'`);
  await q(`DELETE FROM app WHERE owner_id LIKE 'bench-home-%'`);
  await q(`DELETE FROM developer WHERE id LIKE 'bench-home-%'`);
}

async function insertMany(q: Q, head: string, tuple: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await q(`${head} VALUES ${chunk.map(() => tuple).join(',')}`, chunk.flat());
  }
}

async function seed(q: Q): Promise<void> {
  await insertMany(q, 'INSERT INTO developer (id, name, kind, onboarded)', "(?, ?, 'ISV', 1)", Array.from({ length: DEVELOPERS }, (_, d) => [developerId(d), `Bench ISV ${d}`]));
  const apps: unknown[][] = [];
  for (let d = 0; d < DEVELOPERS; d++) {
    for (let j = 0; j < APPS_PER_DEVELOPER; j++) {
      const created = new Date(Date.parse('2026-06-01T02:00:00Z') + (d * APPS_PER_DEVELOPER + j) * 60_000);
      apps.push([
        String(30_000_000 + d * APPS_PER_DEVELOPER + j),
        developerId(d),
        `Bench app ${d}-${j}`,
        `An app of developer ${d}, number ${j}, for the home-page benchmark`,
        j % 3 ? `https://cdn.example.com/logo/${d}-${j}.png` : null,
        j % 2 ? `https://isv${d}.example.com/callback/${j}` : null,
        TAGS[j % 5],
        j % 2,
        JSON.stringify(j % 4 ? ['ORDER_MANAGEMENT'] : ['ORDER_MANAGEMENT', 'PERFORMANCE_APPRAISAL']),
        STATUSES[j % 5],
        j % 10 === 4 ? 500_000 : null,
        created,
        created,
      ]);
    }
  }
  await insertMany(
    q,
    'INSERT INTO app (appkey, owner_id, name, description, logo_url, callback_url, tag_code, in_cloud, declared_functions, status, granted_traffic_quota, created_at, updated_at, version)',
    '(?,?,?,?,?,?,?,?,?,?,?,?,?,1)',
    apps,
  );
  const rows: { id: string; appkey: string; owner_id: string; status: string; tag_code: string; j: number }[] = (
    await q("SELECT id, appkey, owner_id, status, tag_code FROM app WHERE owner_id LIKE 'bench-home-%' ORDER BY id")
  ).map((r: { id: string; appkey: string }, i: number) => ({ ...r, j: i % APPS_PER_DEVELOPER }));

  // Review rounds: IN_REVIEW apps one pending (submitted Wed 18th, due end of Mon 23rd), ONLINE ones
  // approved (every other one after a rejection), REJECTED ones rejected.
  const rounds: unknown[][] = [];
  const round = (a: (typeof rows)[number], no: number, status: string, submitted: string, due: string, decided: string | null, reasons: string[]) =>
    rounds.push(['APP', a.id, a.owner_id, a.tag_code, no, status, a.owner_id, new Date(submitted), new Date(due), decided ? 'bench-reviewer' : null, decided ? new Date(decided) : null, JSON.stringify(reasons), reasons.length ? 'Material incomplete: no demo account' : null]);
  for (const a of rows) {
    if (a.status === 'IN_REVIEW') round(a, 1, 'PENDING', '2026-11-18T03:00:00Z', '2026-11-23T16:00:00Z', null, []);
    if (a.status === 'REJECTED') round(a, 1, 'REJECTED', '2026-11-02T03:00:00Z', '2026-11-05T16:00:00Z', '2026-11-04T06:00:00Z', ['INCOMPLETE_MATERIAL']);
    if (a.status === 'ONLINE' && a.j % 10 === 4) {
      round(a, 1, 'REJECTED', '2026-09-01T03:00:00Z', '2026-09-04T16:00:00Z', '2026-09-02T06:00:00Z', ['INCOMPLETE_MATERIAL', 'OTHER']);
      round(a, 2, 'APPROVED', '2026-09-07T03:00:00Z', '2026-09-10T16:00:00Z', '2026-09-08T06:00:00Z', []);
    } else if (a.status === 'ONLINE') round(a, 1, 'APPROVED', '2026-09-07T03:00:00Z', '2026-09-10T16:00:00Z', '2026-09-08T06:00:00Z', []);
  }
  await insertMany(
    q,
    'INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, decided_by, decided_at, reasons, explanation)',
    '(?,?,?,?,?,?,?,?,?,?,?,?,?)',
    rounds,
  );

  const online = rows.filter((a) => a.status === 'ONLINE');
  // Pending applications: a traffic rung for some ONLINE apps, Wangwang chat history for others.
  const applications: unknown[][] = [];
  for (const a of online) {
    if (a.j % 10 === 2) applications.push([a.id, a.owner_id, 'TRAFFIC', 'TRAFFIC_500K', 500_000, new Date('2026-11-19T02:00:00Z'), new Date('2026-11-24T16:00:00Z')]);
    if (a.j % 10 === 7) applications.push([a.id, a.owner_id, 'VALUE_ADDED', 'WANGWANG_CHAT_HISTORY', null, new Date('2026-11-16T02:00:00Z'), new Date('2026-11-19T16:00:00Z')]);
  }
  await insertMany(q, 'INSERT INTO package_application (app_id, developer_id, kind, package_code, requested_quota, status, submitted_at, eligibility)', "(?,?,?,?,?,'PENDING',?,'[]')", applications.map((r) => r.slice(0, 6)));
  // Each application's due time lives in its review round (issue 13).
  const filed: { id: string; app_id: string; package_code: string; developer_id: string; submitted_at: Date; tag_code: string }[] = await q(
    "SELECT a.id, a.app_id, a.package_code, a.developer_id, a.submitted_at, app.tag_code FROM package_application a JOIN app ON app.id = a.app_id WHERE a.developer_id LIKE 'bench-home-%' ORDER BY a.id",
  );
  const dueOf = new Map(applications.map((r) => [`${r[0]}:${r[3]}`, r[6]]));
  await insertMany(
    q,
    'INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, due_provisional, reasons)',
    "('PACKAGE_APPLICATION',?,?,?,1,'PENDING',?,?,?,0,'[]')",
    filed.map((a) => [String(a.id), a.developer_id, a.tag_code, a.developer_id, a.submitted_at, dueOf.get(`${a.app_id}:${a.package_code}`)]),
  );

  // Emergency traffic today for one ONLINE app in ten.
  await insertMany(q, 'INSERT INTO emergency_grant (app_id, grant_date, base_limit, granted_calls, `trigger`)', "(?, '2026-11-20', 100000, 50000, 'QUOTA_EXHAUSTED')", online.filter((a) => a.j % 10 === 2).map((a) => [a.id]));

  // A week of usage days for ONLINE apps.
  const usage = online.flatMap((a, k) => Array.from({ length: 7 }, (_, d) => [a.id, addDays('2026-11-13', d), 'API:BASIC:IN_CLOUD', 20_000 + ((k * 7919 + d) % 50_000), 19_800 + ((k * 7919 + d) % 50_000)]));
  await insertMany(q, 'INSERT INTO usage_daily (app_id, usage_date, meter, quantity, successful)', '(?,?,?,?,?)', usage);

  // 30 days of Taobao daily bills for ONLINE apps; this month's last 3 days unpaid. Written last:
  // their count marks the data set complete.
  const bills = online.flatMap((a, k) =>
    BILL_DAYS.map((day, i) => [a.id, a.appkey, a.owner_id, day, day, day, day >= '2026-11-17' ? 'UNPAID' : 'PAID', `${(k % 90) + 1}.${String((k * 37 + i) % 100).padStart(2, '0')}`, addDays(day, 1)]),
  );
  await insertMany(
    q,
    'INSERT INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on)',
    "(?,?,?,'TAOBAO',?,?,?,?,?,'0.00','bench','bench-home',?)",
    bills,
  );

}

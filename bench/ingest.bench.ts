/**
 * `npm run bench:ingest`: the metering gateway's path at platform scale, against its own database
 * (`portal_bench_ingest` beside DATABASE_URL; migrated, and 579 ONLINE apps seeded idempotently).
 *
 * 1. `recordUsage` in batches of 500 over HTTP, against a hand-written mysql2 baseline writing the
 *    same kind of rows (one `INSERT IGNORE … VALUES (500 rows)` into usage_record and one
 *    `INSERT … ON DUPLICATE KEY UPDATE` of the merged meter increments into usage_daily, one
 *    transaction per batch), project and raw alternately, 5 pairs: records/s, medians, ratio.
 * 2. A batch of one record, alternately, 5 pairs: median latency each, ratio; beside it `{ __typename }`
 *    over the same HTTP client (the transport's floor: no resolver, no statement), the batch of one
 *    through `fetch` as well, and where a batch of one's time goes (phases, timed in the server).
 * Every HTTP figure uses a keep-alive `node:http` agent, as a gateway's client would: `fetch` (undici),
 * in this same process, adds ≈ 0.3 ms of its own CPU to every request (measured against a bare
 * `node:http` server: 0.34 vs 0.04 ms), which the batch of one would otherwise count as the server's.
 * 3. 8 concurrent clients sending overlapping batches (the same 40 apps and 2 days, records in
 *    random order, a resent batch each): failures, records/s, and every (app, day, meter) total
 *    checked against the sum of what the receipts acknowledged.
 * 4. `quotaSnapshot` of 1,000 appkeys against the same SELECT by hand; `callPermission` throughput
 *    (8 concurrent callers) against a raw one-appkey SELECT.
 * A measurement, not a test: no threshold. The machine is shared: read medians and ratios.
 * BENCH_PAIRS, BENCH_BATCHES (batches of 500 per side per pair), BENCH_SINGLES resize it.
 */
import 'reflect-metadata';
import http from 'node:http';
import { ApolloServerPlugin } from '@apollo/server';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { configFrom } from '../src/config';
import { addDays, beijingDate } from '../src/domain/common/beijing-time';
import { Role } from '../src/domain/common/role';
import { fingerprint, mergeDailyIncrements, UsageRecord } from '../src/domain/usage/usage-batch.rule';
import { ApiCategory, CallSource } from '../src/domain/usage/usage.enums';
import { dataSourceOptions } from '../src/db/data-source';
import { migrateAndSeed } from '../src/db/migrate';
import { mintToken } from '../src/graphql/auth/token';
import { startServer } from '../src/http/server';

const DB = 'portal_bench_ingest';
const APPS = 579;
const APPKEY0 = 70_000_000;
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const SINGLES = Number(process.env.BENCH_SINGLES ?? 200);
const BATCH = 500;
const CLIENTS = 8;

const RECORD_USAGE = `mutation RecordUsage($records: [UsageRecordInput!]!) {
  recordUsage(records: $records) {
    __typename
    ... on UsageBatchReceipt { applied duplicates records { index outcome } }
    ... on InvalidInput { violations { field rule } }
  }
}`;
const CALL_PERMISSION = 'query($k: String!) { callPermission(appkey: $k, category: BASIC, source: IN_CLOUD) { allowed usedToday } }';
const SNAPSHOT = 'query($k: [String!]!) { quotaSnapshot(appkeys: $k) { validUntil entries { appkey known status limit usedToday restrictedForArrears valueAddedOutOfCloudPermitted version } } }';

// A small deterministic generator: the same run shape every time.
let seed = 20261201;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (n: number) => Number(n.toFixed(1));
const r2 = (n: number) => Number(n.toFixed(2));

const PAIRS_OF_METERS = Object.values(ApiCategory).flatMap((category) => Object.values(CallSource).map((source) => ({ category, source })));
const RUN = Date.now().toString(36);
let seq = 0;

/** A realistic record: API calls of 4 category × source pairs, data-sync orders, Wali or CRM. */
function makeRecord(appkeys: readonly string[], dates: readonly string[]): UsageRecord {
  const pairs = [...PAIRS_OF_METERS].sort(() => rand() - 0.5).slice(0, 4).filter((p) => !(p.category === ApiCategory.VALUE_ADDED && p.source === CallSource.OUT_OF_CLOUD));
  const apiCalls = pairs.map((p) => {
    const total = 1 + Math.floor(rand() * 50);
    return { ...p, total, successful: total - Math.floor(rand() * 2) };
  });
  const r: UsageRecord = { idempotencyKey: `bench:${RUN}:${++seq}`, appkey: pick(appkeys), date: pick(dates), apiCalls, dataSyncNewOrders: Math.floor(rand() * 20) };
  if (seq % 2) r.waliMessages = Math.floor(rand() * 30);
  else r.crmRelations = 1_000 + Math.floor(rand() * 5_000);
  return r;
}

async function openDatabase() {
  // NOTE: production mode, as the gateway meets it (graphql-js skips its development checks); a
  // throwaway secret, since the bench mints its own token.
  const base = configFrom({ ...process.env, NODE_ENV: 'production', JWT_SECRET: process.env.JWT_SECRET ?? 'bench-ingest-only-secret-0123456789abcdef', SECRETS_KEY: process.env.SECRETS_KEY ?? 'be'.repeat(32), PORT: '0', RATE_LIMIT_ENABLED: 'false' });
  const url = new URL(base.databaseUrl);
  const conn = { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  const admin = await mysql.createConnection(conn);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${DB}`;
  const ds = new DataSource(dataSourceOptions(base, url.toString()));
  await ds.initialize();
  await migrateAndSeed(ds);
  const raw = mysql.createPool({ ...conn, database: DB, connectionLimit: 10, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true });
  return { base, ds, raw };
}

/** 579 ONLINE apps of 58 developers (fixed ids, INSERT IGNORE: running again adds nothing); usage of earlier runs cleared. */
async function seedApps(ds: DataSource): Promise<{ appkeys: string[]; idByAppkey: Map<string, string> }> {
  const devs = Array.from({ length: 58 }, (_, i) => `bench-ingest-dev-${i}`);
  await ds.query(`INSERT IGNORE INTO developer (id, name, kind) VALUES ${devs.map(() => "(?, 'Bench ingest', 'ISV')").join(',')}`, devs);
  const appkeys = Array.from({ length: APPS }, (_, i) => String(APPKEY0 + i));
  await ds.query(
    `INSERT IGNORE INTO app (appkey, owner_id, name, tag_code, declared_functions, status, version) VALUES ${appkeys.map(() => "(?, ?, 'Bench ingest app', 'MERCHANT_BACKEND', '[]', 'ONLINE', 1)").join(',')}`,
    appkeys.flatMap((k, i) => [k, devs[i % devs.length]]),
  );
  // Created 60 days ago: every date the bench reports (today back to today − 4) is after the app's
  // creation day and inside the late-usage window (issue 17), as for the gateway's real apps.
  await ds.query(`UPDATE app SET created_at = UTC_TIMESTAMP(3) - INTERVAL 60 DAY WHERE appkey IN (${appkeys.map(() => '?').join(',')})`, appkeys);
  const rows: { id: string; appkey: string }[] = await ds.query(`SELECT id, appkey FROM app WHERE appkey IN (${appkeys.map(() => '?').join(',')})`, appkeys);
  const ids = rows.map((r) => r.id);
  await ds.query(`DELETE FROM usage_record WHERE app_id IN (${ids.map(() => '?').join(',')})`, ids);
  await ds.query(`DELETE FROM usage_daily WHERE app_id IN (${ids.map(() => '?').join(',')})`, ids);
  await ds.query(`DELETE FROM emergency_grant WHERE app_id IN (${ids.map(() => '?').join(',')})`, ids);
  return { appkeys, idByAppkey: new Map(rows.map((r) => [r.appkey, String(r.id)])) };
}

/** The hand-written baseline: the same rows, 4 statements a batch. */
async function rawBatch(pool: mysql.Pool, idByAppkey: Map<string, string>, records: readonly UsageRecord[]): Promise<void> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const sorted = [...records].sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : 1));
    await conn.query(
      `INSERT IGNORE INTO usage_record (idempotency_key, app_id, usage_date, fingerprint, payload) VALUES ${sorted.map(() => '(?,?,?,?,?)').join(',')}`,
      sorted.flatMap((r) => [r.idempotencyKey, idByAppkey.get(r.appkey)!, r.date, fingerprint(r), JSON.stringify(r)]),
    );
    const daily = mergeDailyIncrements(records.map((record) => ({ appId: idByAppkey.get(record.appkey)!, record })));
    const level = "(meter = 'CRM_RELATIONS' OR meter LIKE 'DATA_SYNC_PACKAGE:%')";
    await conn.query(
      `INSERT INTO usage_daily (app_id, usage_date, meter, quantity, successful) VALUES ${daily.map(() => '(?,?,?,?,?)').join(',')}
       ON DUPLICATE KEY UPDATE quantity = IF(${level}, GREATEST(quantity, VALUES(quantity)), quantity + VALUES(quantity)),
                               successful = IF(${level}, GREATEST(successful, VALUES(successful)), successful + VALUES(successful))`,
      daily.flatMap((d) => [d.appId, d.date, d.meter, d.quantity, d.successful]),
    );
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

const RAW_STATE_SQL = (n: number) => `SELECT a.appkey, a.status, a.granted_traffic_quota, a.value_added_out_of_cloud_permitted, t.dev_test_quota, t.default_online_quota,
  d.restricted_for_arrears, d.closed_at, g.granted_calls,
  (SELECT COALESCE(SUM(u.quantity), 0) FROM usage_daily u WHERE u.app_id = a.id AND u.usage_date = ? AND u.meter LIKE 'API:%') AS used_today
  FROM app a JOIN tag t ON t.code = a.tag_code JOIN developer d ON d.id = a.owner_id
  LEFT JOIN emergency_grant g ON g.app_id = a.id AND g.grant_date = ?
  WHERE a.appkey IN (${Array(n).fill('?').join(',')})`;

/**
 * Where a batch of one's time goes: marks set by an Apollo plugin and around the usage service, read
 * against the client's clock (one process, one `performance.now()`). Off (no hook at all) while the
 * batch of one is timed: the probes are the bench's, not the product's; they run in a loop of their own.
 */
function phaseMarks() {
  const at: Record<string, number> = {};
  const state = { on: false };
  const plugin: ApolloServerPlugin<any> = {
    async requestDidStart() {
      if (!state.on) return;
      at.apollo = performance.now();
      return {
        async executionDidStart() {
          at.execution = performance.now();
        },
        async willSendResponse() {
          at.response = performance.now();
        },
      };
    },
  };
  return { at, plugin, state };
}

export async function benchIngest(): Promise<Record<string, unknown>> {
  const { base, ds, raw } = await openDatabase();
  const marks = phaseMarks();
  const server = await startServer({ config: base, dataSource: ds, plugins: [marks.plugin] });
  // The service timed where the resolver calls it (the same object the context hands out).
  const usageService = server.services.usage;
  const recordUsageOfService = usageService.recordUsage;
  const timedRecordUsage: typeof recordUsageOfService = async (records) => {
    marks.at.service = performance.now();
    const result = await recordUsageOfService.call(usageService, records);
    marks.at.serviceDone = performance.now();
    return result;
  };
  const probes = (on: boolean) => {
    marks.state.on = on;
    usageService.recordUsage = on ? timedRecordUsage : recordUsageOfService;
  };
  const token = await mintToken(base, Role.GATEWAY, 'bench-gateway');
  const target = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = (body: string): Promise<{ status: number; json: any }> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const postWithFetch = async (body: string): Promise<{ status: number; json: any }> => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    return { status: res.status, json: await res.json() };
  };
  const recordUsage = async (records: readonly UsageRecord[], send = post) => {
    const res = await send(JSON.stringify({ query: RECORD_USAGE, variables: { records } }));
    const payload = res.json.data?.recordUsage;
    if (payload?.__typename !== 'UsageBatchReceipt') throw new Error(`recordUsage failed (${res.status}): ${JSON.stringify(res.json).slice(0, 300)}`);
    return payload as { applied: number; duplicates: number; records: { index: number; outcome: string }[] };
  };
  try {
    const { appkeys, idByAppkey } = await seedApps(ds);
    const today = beijingDate(new Date());
    const dates = [today, addDays(today, -1)];
    const results: Record<string, unknown> = { apps: APPS, batchRecords: BATCH, pairs: PAIRS, batchesPerSide: BATCHES };
    const sample = Array.from({ length: BATCH }, () => makeRecord(appkeys, dates));
    results.batchJsonKB = r1(Buffer.byteLength(JSON.stringify({ query: RECORD_USAGE, variables: { records: sample } })) / 1024);

    // Warm-up (not timed): JIT, pools, the document cache.
    await recordUsage(sample);
    await rawBatch(raw, idByAppkey, Array.from({ length: BATCH }, () => makeRecord(appkeys, dates)));

    // 1. Batches of 500, alternately.
    const project: number[] = [];
    const rawRate: number[] = [];
    for (let p = 0; p < PAIRS; p++) {
      const pb = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, () => makeRecord(appkeys, dates)));
      const rb = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, () => makeRecord(appkeys, dates)));
      let t0 = performance.now();
      for (const b of pb) if ((await recordUsage(b)).applied !== BATCH) throw new Error('a fresh batch was not applied whole');
      project.push((BATCHES * BATCH) / ((performance.now() - t0) / 1000));
      t0 = performance.now();
      for (const b of rb) await rawBatch(raw, idByAppkey, b);
      rawRate.push((BATCHES * BATCH) / ((performance.now() - t0) / 1000));
    }
    results.batch500 = {
      projectRecordsPerSecond: Math.round(median(project)),
      projectRange: [Math.round(Math.min(...project)), Math.round(Math.max(...project))],
      projectMsPerBatch: r1((BATCH / median(project)) * 1000),
      rawRecordsPerSecond: Math.round(median(rawRate)),
      rawRange: [Math.round(Math.min(...rawRate)), Math.round(Math.max(...rawRate))],
      rawMsPerBatch: r1((BATCH / median(rawRate)) * 1000),
      ratioProjectToRaw: r2(median(project.map((x, i) => x / rawRate[i]))),
    };
    console.log('batches of 500:', results.batch500);

    // 2. A batch of one, alternately.
    // Beside it, the floor of any GraphQL request on this transport: `{ __typename }` by the same
    // client, same token (no resolver, no statement).
    const p1: number[] = [];
    const r1s: number[] = [];
    const floor: number[] = [];
    const viaFetch: number[] = [];
    const phases: Record<string, number[]> = { toContextAndApollo: [], apolloToExecution: [], executionToService: [], service: [], serviceToResponse: [], responseToClient: [] };
    const TYPENAME = JSON.stringify({ query: '{ __typename }' });
    for (let p = 0; p < PAIRS; p++) {
      const lp: number[] = [];
      const lr: number[] = [];
      const lf: number[] = [];
      for (let i = 0; i < SINGLES; i++) {
        const rec = [makeRecord(appkeys, dates)];
        const t0 = performance.now();
        await recordUsage(rec);
        lp.push(performance.now() - t0);
      }
      const lw: number[] = [];
      for (let i = 0; i < SINGLES; i++) {
        const rec = [makeRecord(appkeys, dates)];
        const t0 = performance.now();
        await recordUsage(rec, postWithFetch);
        lw.push(performance.now() - t0);
      }
      viaFetch.push(median(lw));
      for (let i = 0; i < SINGLES; i++) {
        const t0 = performance.now();
        if ((await post(TYPENAME)).json.data?.__typename !== 'Query') throw new Error('{ __typename } failed');
        lf.push(performance.now() - t0);
      }
      floor.push(median(lf));
      for (let i = 0; i < SINGLES; i++) {
        const rec = [makeRecord(appkeys, dates)];
        const t0 = performance.now();
        await rawBatch(raw, idByAppkey, rec);
        lr.push(performance.now() - t0);
      }
      p1.push(median(lp));
      r1s.push(median(lr));
    }
    // The phases, in a loop of their own (the probes on).
    probes(true);
    for (let i = 0; i < SINGLES * PAIRS; i++) {
      const rec = [makeRecord(appkeys, dates)];
      const t0 = performance.now();
      await recordUsage(rec);
      const t1 = performance.now();
      const { apollo, execution, service, serviceDone, response } = marks.at;
      phases.toContextAndApollo.push(apollo - t0);
      phases.apolloToExecution.push(execution - apollo);
      phases.executionToService.push(service - execution);
      phases.service.push(serviceDone - service);
      phases.serviceToResponse.push(response - serviceDone);
      phases.responseToClient.push(t1 - response);
    }
    probes(false);
    results.batchOfOne = {
      projectMedianMs: r2(median(p1)),
      rawMedianMs: r2(median(r1s)),
      ratioProjectToRaw: r2(median(p1.map((x, i) => x / r1s[i]))),
      typenameMedianMs: r2(median(floor)),
      ratioTypenameToRaw: r2(median(floor.map((x, i) => x / r1s[i]))),
      projectThroughFetchMedianMs: r2(median(viaFetch)),
      // Medians of each phase over batches of one timed with the probes on (they need not add up to the median total).
      phasesMedianMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, r2(median(v))])),
    };
    console.log('batch of one:', results.batchOfOne);

    // 3. 8 concurrent clients, overlapping batches for the same apps and days, in random orders.
    const hot = appkeys.slice(0, 40);
    const hotDates = [addDays(today, -3), addDays(today, -4)];
    const expected = new Map<string, number>();
    const deadlocksBefore = Number((await ds.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0]?.Value ?? 0);
    let failures = 0;
    let acknowledged = 0;
    const perClient = BATCHES;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const sent: UsageRecord[][] = [];
        for (let b = 0; b < perClient; b++) {
          const batch = Array.from({ length: BATCH }, () => makeRecord(hot, hotDates)).sort(() => rand() - 0.5);
          sent.push(batch);
          try {
            const receipt = await recordUsage(batch);
            receipt.records.forEach(({ index, outcome }) => {
              if (outcome !== 'APPLIED') return;
              acknowledged++;
              const r = batch[index];
              for (const d of mergeDailyIncrements([{ appId: idByAppkey.get(r.appkey)!, record: r }])) {
                const k = `${d.appId}|${d.date}|${d.meter}`;
                const level = d.meter === 'CRM_RELATIONS' || d.meter.startsWith('DATA_SYNC_PACKAGE:');
                expected.set(k, level ? Math.max(expected.get(k) ?? 0, d.quantity) : (expected.get(k) ?? 0) + d.quantity);
              }
            });
          } catch (err) {
            failures++;
            console.error(String(err).slice(0, 300));
          }
        }
        // A resent batch: every record DUPLICATE, nothing changes.
        const again = await recordUsage(sent[0]).catch(() => null);
        if (!again || again.duplicates !== BATCH) failures++;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const hotIds = hot.map((k) => idByAppkey.get(k)!);
    const rows: { app_id: string; usage_date: string; meter: string; quantity: string }[] = await ds.query(
      `SELECT app_id, DATE_FORMAT(usage_date, '%Y-%m-%d') AS usage_date, meter, quantity FROM usage_daily WHERE usage_date IN (?, ?) AND app_id IN (${hotIds.map(() => '?').join(',')})`,
      [...hotDates, ...hotIds],
    );
    const mismatches = rows.filter((r) => expected.get(`${r.app_id}|${r.usage_date}|${r.meter}`) !== Number(r.quantity)).length + Math.abs(expected.size - rows.length);
    results.concurrent8 = {
      clients: CLIENTS,
      batches: CLIENTS * perClient,
      failures,
      acknowledgedRecords: acknowledged,
      recordsPerSecond: Math.round((CLIENTS * perClient * BATCH) / seconds),
      totalsChecked: expected.size,
      totalsWrong: mismatches,
      serverDeadlocksDuringPhase: Number((await ds.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0]?.Value ?? 0) - deadlocksBefore,
    };
    console.log('8 concurrent clients:', results.concurrent8);

    // 4. quotaSnapshot of 1,000 appkeys (579 known, 421 unknown) against the same SELECT by hand.
    const thousand = [...appkeys, ...Array.from({ length: 1000 - APPS }, (_, i) => String(APPKEY0 + 100_000 + i))];
    const snapBody = JSON.stringify({ query: SNAPSHOT, variables: { k: thousand } });
    await post(snapBody);
    const sp: number[] = [];
    const sr: number[] = [];
    for (let p = 0; p < PAIRS; p++) {
      const lp: number[] = [];
      const lr: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t1 = performance.now();
        const res = await post(snapBody);
        if (res.json.data?.quotaSnapshot.entries.length !== 1000) throw new Error(`snapshot failed: ${JSON.stringify(res.json).slice(0, 300)}`);
        lp.push(performance.now() - t1);
      }
      for (let i = 0; i < 10; i++) {
        const t1 = performance.now();
        await raw.query(RAW_STATE_SQL(thousand.length), [today, today, ...thousand]);
        lr.push(performance.now() - t1);
      }
      sp.push(median(lp));
      sr.push(median(lr));
    }
    results.snapshot1000 = { projectMedianMs: r1(median(sp)), rawSelectMedianMs: r1(median(sr)), ratioProjectToRaw: r2(median(sp.map((x, i) => x / sr[i]))) };
    console.log('quotaSnapshot of 1,000 appkeys:', results.snapshot1000);

    // callPermission throughput, 8 concurrent callers, against a raw one-appkey SELECT.
    const calls = 2_000;
    const throughput = async (one: (k: string) => Promise<unknown>) => {
      let next = 0;
      const t1 = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next++ < calls) await one(appkeys[next % APPS]);
        }),
      );
      return calls / ((performance.now() - t1) / 1000);
    };
    const cp: number[] = [];
    const cr: number[] = [];
    for (let p = 0; p < PAIRS; p++) {
      cp.push(
        await throughput(async (k) => {
          const res = await post(JSON.stringify({ query: CALL_PERMISSION, variables: { k } }));
          if (res.json.data?.callPermission?.allowed !== true) throw new Error(`callPermission: ${JSON.stringify(res.json).slice(0, 300)}`);
        }),
      );
      cr.push(await throughput((k) => raw.query(RAW_STATE_SQL(1), [today, today, k])));
    }
    results.callPermission = { projectPerSecond: Math.round(median(cp)), rawSelectPerSecond: Math.round(median(cr)), ratioProjectToRaw: r2(median(cp.map((x, i) => x / cr[i]))) };
    console.log('callPermission, 8 concurrent:', results.callPermission);
    console.log(JSON.stringify(results));
    return results;
  } finally {
    agent.destroy();
    await server.stop();
    await raw.end();
    await ds.destroy();
  }
}

if (require.main === module) {
  benchIngest().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

import { createHash } from 'node:crypto';
import { addDays, isIsoDate } from '../common/beijing-time';
import { Violation, violation } from '../common/violation';
import { isLevelMeter, Meter } from './meter';
import { ApiCategory, CallSource, DataSyncPackage } from './usage.enums';

export interface ApiCallCount {
  category: ApiCategory;
  source: CallSource;
  total: number;
  successful: number;
}

/** One usage record from the gateway: increments for one appkey on one Beijing date. */
export interface UsageRecord {
  idempotencyKey: string;
  appkey: string;
  /** Beijing date, YYYY-MM-DD. */
  date: string;
  apiCalls?: readonly ApiCallCount[] | null;
  dataSyncNewOrders?: number | null;
  dataSyncPackage?: DataSyncPackage | null;
  waliMessages?: number | null;
  crmRelations?: number | null;
}

/** What the batch check needs to know about an appkey. */
export interface KnownApp {
  valueAddedOutOfCloudPermitted: boolean;
  /** The Beijing day the app was created: usage dated before it is refused (issue 17), when late usage is refused. */
  createdOn?: string;
}

export interface BatchContext {
  /** Today's Beijing date. */
  today: string;
  apps: ReadonlyMap<string, KnownApp>;
  /** Fingerprints of idempotency keys already stored (key → fingerprint). */
  storedFingerprints: ReadonlyMap<string, string>;
  /**
   * Late usage (issue 17): usage dated more than this many days before today (Beijing), or before
   * its app's creation day, is refused. Absent: neither is checked.
   */
  lateWindowDays?: number;
}

/** Default of USAGE_LATE_WINDOW_DAYS: the oldest day a record may carry is today − 35 (Beijing). */
export const DEFAULT_LATE_WINDOW_DAYS = 35;

/** An increment of one meter. */
export interface MeterIncrement {
  meter: string;
  quantity: number;
  successful: number;
  /** ADD: the day's figure is the sum of increments; MAX: a level, the day's figure is the highest reported. */
  mode: 'ADD' | 'MAX';
}

export const MAX_BATCH_RECORDS = 500;
/**
 * The largest count one record may carry for any meter (calls, successes, orders, messages,
 * relations). NOTE: our decision (DOMAIN is silent): 10^9 per record; a day's sum is kept in
 * BIGINT columns and answered as SafeInt (exact to 2^53 − 1), so no day can overflow what it is read as.
 */
export const MAX_COUNT_PER_RECORD = 1_000_000_000;
const KEY_RE = /^[A-Za-z0-9._:-]{1,100}$/;

/** A stable fingerprint of a record's content, to tell a resend from a reused key. */
export function fingerprint(r: UsageRecord): string {
  const calls = [...(r.apiCalls ?? [])]
    .map((c) => [c.category, c.source, c.total, c.successful])
    .sort((a, b) => String(a).localeCompare(String(b)));
  const canonical = JSON.stringify([r.appkey, r.date, calls, r.dataSyncNewOrders ?? null, r.dataSyncPackage ?? null, r.waliMessages ?? null, r.crmRelations ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;
const countViolation = (field: string, n: number): Violation | null =>
  !isCount(n) ? violation(field, 'NEGATIVE_COUNT', 'a count is a non-negative integer')
  : n > MAX_COUNT_PER_RECORD ? violation(field, 'COUNT_TOO_LARGE', `at most ${MAX_COUNT_PER_RECORD.toLocaleString('en-US')} per record (got ${n})`)
  : null;

/**
 * Checks a usage batch (issue 4): every bad record is named by index and field; any violation
 * refuses the whole batch. Rules: known appkey; real date not after today (Beijing); counts are
 * non-negative integers; successful ≤ total; with a late window, the date is at most that many days
 * before today and not before the app's creation day (issue 17); VALUE_ADDED calls OUT_OF_CLOUD only from a permitted
 * app; an idempotency key is unique in the batch and, if already stored, carries the same content.
 */
export function checkUsageBatch(records: readonly UsageRecord[], ctx: BatchContext): Violation[] {
  const out: Violation[] = [];
  if (records.length === 0) out.push(violation('records', 'EMPTY_BATCH', 'a batch carries at least one record'));
  if (records.length > MAX_BATCH_RECORDS) out.push(violation('records', 'BATCH_TOO_LARGE', `at most ${MAX_BATCH_RECORDS} records per batch`));
  const seenKeys = new Map<string, number>();
  const oldest = ctx.lateWindowDays === undefined ? null : addDays(ctx.today, -ctx.lateWindowDays);
  records.forEach((r, i) => {
    const at = (f: string) => `records[${i}].${f}`;
    // A resend of a record stored with the same content: DUPLICATE, also once its day has aged out of the late window.
    let storedAlready = false;
    if (!KEY_RE.test(r.idempotencyKey)) out.push(violation(at('idempotencyKey'), 'BAD_KEY', 'letters, digits and . _ : - only, 1-100 characters'));
    else if (seenKeys.has(r.idempotencyKey)) out.push(violation(at('idempotencyKey'), 'DUPLICATE_IN_BATCH', `same key as records[${seenKeys.get(r.idempotencyKey)}]`));
    else {
      seenKeys.set(r.idempotencyKey, i);
      const stored = ctx.storedFingerprints.get(r.idempotencyKey);
      if (stored !== undefined && stored !== fingerprint(r)) out.push(violation(at('idempotencyKey'), 'KEY_REUSED', 'this key was already used for a record with different content'));
      else storedAlready = stored !== undefined;
    }
    const app = ctx.apps.get(r.appkey);
    if (!app) out.push(violation(at('appkey'), 'UNKNOWN_APPKEY', `no app has appkey "${r.appkey}"`));
    if (!isIsoDate(r.date)) out.push(violation(at('date'), 'NOT_A_DATE', 'a Beijing date written YYYY-MM-DD'));
    else if (r.date > ctx.today) out.push(violation(at('date'), 'FUTURE_DATE', `${r.date} is after today (${ctx.today}, Beijing time)`));
    else if (oldest !== null && !storedAlready && r.date < oldest) {
      out.push(violation(at('date'), 'DATE_TOO_OLD', `${r.date} is more than ${ctx.lateWindowDays} days before today (${ctx.today}, Beijing time); the oldest day accepted is ${oldest}`));
    } else if (oldest !== null && !storedAlready && app?.createdOn !== undefined && r.date < app.createdOn) {
      out.push(violation(at('date'), 'BEFORE_APP_CREATED', `${r.date} is before the app was created (${app.createdOn}, Beijing time)`));
    }

    const pairs = new Set<string>();
    (r.apiCalls ?? []).forEach((c, j) => {
      const cf = (f: string) => at(`apiCalls[${j}].${f}`);
      const badTotal = countViolation(cf('total'), c.total);
      const badSuccessful = countViolation(cf('successful'), c.successful);
      if (badTotal) out.push(badTotal);
      if (badSuccessful) out.push(badSuccessful);
      else if (isCount(c.total) && c.successful > c.total) out.push(violation(cf('successful'), 'SUCCESSES_ABOVE_TOTAL', `${c.successful} successful calls of ${c.total}`));
      const pair = `${c.category}:${c.source}`;
      if (pairs.has(pair)) out.push(violation(cf('category'), 'DUPLICATE_METER', `${c.category} ${c.source} appears twice in one record`));
      pairs.add(pair);
      if (c.category === ApiCategory.VALUE_ADDED && c.source === CallSource.OUT_OF_CLOUD && c.total > 0 && app && !app.valueAddedOutOfCloudPermitted) {
        out.push(violation(cf('source'), 'VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN', 'this app is not permitted to call value-added APIs from outside the cloud'));
      }
    });
    for (const f of ['dataSyncNewOrders', 'waliMessages', 'crmRelations'] as const) {
      const n = r[f];
      const bad = n != null ? countViolation(at(f), n) : null;
      if (bad) out.push(bad);
    }
    if ((r.apiCalls ?? []).length === 0 && r.dataSyncNewOrders == null && r.dataSyncPackage == null && r.waliMessages == null && r.crmRelations == null) {
      out.push(violation(at('apiCalls'), 'EMPTY_RECORD', 'a record carries at least one count'));
    }
  });
  return out;
}

/**
 * The meter changes a (valid) record makes to its app's day. NOTE: call, order and message counts
 * are increments (what the gateway counted since its last report; the day's figure is their sum);
 * CRM relations and the data-sync package are levels (the day keeps the highest reported).
 */
export function meterIncrements(r: UsageRecord): MeterIncrement[] {
  const out: MeterIncrement[] = (r.apiCalls ?? []).map((c) => ({ meter: Meter.api(c.category, c.source), quantity: c.total, successful: c.successful, mode: 'ADD' as const }));
  if (r.dataSyncNewOrders != null) out.push({ meter: Meter.DATA_SYNC_ORDERS, quantity: r.dataSyncNewOrders, successful: 0, mode: 'ADD' });
  // NOTE: a package held is a flag, not a count: quantity 1 however often it is reported.
  if (r.dataSyncPackage != null) out.push({ meter: Meter.dataSyncPackage(r.dataSyncPackage), quantity: 1, successful: 0, mode: 'MAX' });
  if (r.waliMessages != null) out.push({ meter: Meter.WALI_MESSAGES, quantity: r.waliMessages, successful: 0, mode: 'ADD' });
  // NOTE: CRM user relations are billed per 10,000 relations held per day: a level, not a flow.
  if (r.crmRelations != null) out.push({ meter: Meter.CRM_RELATIONS, quantity: r.crmRelations, successful: 0, mode: 'MAX' });
  return out;
}

export { isLevelMeter };

/** One row of the day's meters after merging a batch: what `usage_daily` gains. */
export interface DailyIncrement {
  appId: string;
  date: string;
  meter: string;
  quantity: number;
  successful: number;
}

/** Total order of numeric ids held as strings (BIGINT columns come back as strings). */
export const compareNumericIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges the meter increments of the records a batch applies into one row per (app, date, meter):
 * increments add up, levels keep the highest (as the table merges them). Rows come sorted by that
 * key, so every writer locks `usage_daily` rows in the same order. NOTE: merging first is exact
 * because both merges are associative: (x + a) + b = x + (a + b), max(max(x, a), b) = max(x, max(a, b)).
 */
export function mergeDailyIncrements(applied: readonly { appId: string; record: UsageRecord }[]): DailyIncrement[] {
  const rows = new Map<string, DailyIncrement>();
  for (const { appId, record } of applied) {
    for (const inc of meterIncrements(record)) {
      const k = `${appId}|${record.date}|${inc.meter}`;
      const row = rows.get(k);
      if (!row) rows.set(k, { appId, date: record.date, meter: inc.meter, quantity: inc.quantity, successful: inc.successful });
      else if (inc.mode === 'ADD') {
        row.quantity += inc.quantity;
        row.successful += inc.successful;
      } else {
        row.quantity = Math.max(row.quantity, inc.quantity);
        row.successful = Math.max(row.successful, inc.successful);
      }
    }
  }
  return [...rows.values()].sort((a, b) => compareNumericIds(a.appId, b.appId) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.meter < b.meter ? -1 : a.meter > b.meter ? 1 : 0));
}

/** API calls (all categories and sources) a record adds to its day: what counts against the quota. */
export function apiCallsOf(r: UsageRecord): number {
  let n = 0;
  for (const c of r.apiCalls ?? []) n += c.total;
  return n;
}

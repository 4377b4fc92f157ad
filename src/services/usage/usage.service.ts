import { observe } from '../../observability/metrics';
import { isNumericId } from '../../domain/common/ids';
import { change, UNCHANGED } from '../common/change';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../../domain/common/role';
import { DataSource, EntityManager } from 'typeorm';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { CallPermission } from '../../domain/usage/call-permission.rule';
import { emergencyTraffic } from '../../domain/quota/quota-today.rule';
import { AppQuotaState, permissionOfState, quotaOfState, QuotaSnapshotEntry, snapshotEntry } from '../../domain/usage/quota-snapshot.rule';
import { checkUsageBatch, fingerprint, mergeDailyIncrements, UsageRecord } from '../../domain/usage/usage-batch.rule';
import { API_METER_PREFIX, Meter, PACKAGE_METER_PREFIX } from '../../domain/usage/meter';
import { ApiCategory, CallSource } from '../../domain/usage/usage.enums';
import { AppEntity } from '../../db/entities';
import { ConcurrentWriteConflict, isDuplicateKeyError, retryOnLockConflict, withRetryableTransaction } from '../common/transaction';
import { APP_STATE_CHUNK, callsTodayOf, callsTodaySql, loadAppQuotaStates } from './app-quota-state';
import { RecentAppStates } from './recent-app-states';
import { driverQueryable, transactionInOneRoundTrip } from '../common/driver-sql';
import { QuotaService } from '../quota/quota.service';

export enum RecordOutcome {
  /** The record was new: its counts were added to its app's day. */
  APPLIED = 'APPLIED',
  /** The idempotency key was stored already: nothing changed. */
  DUPLICATE = 'DUPLICATE',
}

export interface UsageReceipt {
  records: { index: number; idempotencyKey: string; outcome: RecordOutcome }[];
  applied: number;
  duplicates: number;
}

/** Default time a quota snapshot stays valid (QUOTA_SNAPSHOT_TTL_SECONDS). */
export const DEFAULT_SNAPSHOT_TTL_SECONDS = 60;

/** Default age up to which ingestion decides emergency traffic from a kept quota state (USAGE_QUOTA_STATE_MAX_AGE_SECONDS). */
export const DEFAULT_QUOTA_STATE_MAX_AGE_SECONDS = 5;

/** Most appkeys one quota snapshot answers. */
export const MAX_SNAPSHOT_APPKEYS = 1000;

/**
 * A committed batch: its receipt, today's calls of its apps with calls today as its transaction
 * saw them (by app id), and those apps' quota states read fresh (by appkey).
 */
interface WrittenBatch {
  receipt: UsageReceipt;
  callsToday: Map<string, number>;
  statesNow: Promise<ReadonlyMap<string, AppQuotaState>>;
  /** Whether `statesNow` are states kept from an earlier batch (read again before any grant). */
  kept: boolean;
}

/** Whether a batch reports value-added calls from outside the cloud (their permission is checked). */
function reportsValueAddedOutOfCloud(records: readonly UsageRecord[]): boolean {
  return records.some((r) => (r.apiCalls ?? []).some((c) => c.category === ApiCategory.VALUE_ADDED && c.source === CallSource.OUT_OF_CLOUD));
}

/** A batch's write met a key stored already: it was rolled back, nothing written. */
const STORED_KEY_MET = Symbol('STORED_KEY_MET');

/** SQL twin of `isLevelMeter` (usage-batch.rule.ts): meters whose day keeps the highest figure. */
const LEVEL_METER_SQL = `(meter = '${Meter.CRM_RELATIONS}' OR meter LIKE '${PACKAGE_METER_PREFIX}%')`;

/** One multi-row upsert of a batch's merged day increments (sorted by app, date, meter). */
function dailyUpsert(daily: readonly { appId: string; date: string; meter: string; quantity: number; successful: number }[]): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO usage_daily (app_id, usage_date, meter, quantity, successful) VALUES ${daily.map(() => '(?,?,?,?,?)').join(',')}
         ON DUPLICATE KEY UPDATE
           quantity = IF(${LEVEL_METER_SQL}, GREATEST(quantity, VALUES(quantity)), quantity + VALUES(quantity)),
           successful = IF(${LEVEL_METER_SQL}, GREATEST(successful, VALUES(successful)), successful + VALUES(successful))`,
    params: daily.flatMap((d) => [d.appId, d.date, d.meter, d.quantity, d.successful]),
  };
}

export type CallPermissionAnswer = CallPermission & { appkey: string; date: string; limit: number | null; usedToday: number };

/** Usage ingestion from the metering gateway, its call permission and quota snapshot (issues 4 and 14). */
export class UsageService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly quota: QuotaService,
    private readonly audit: AuditService,
    /** How long a quota snapshot may be used before the gateway asks again (seconds). */
    private readonly snapshotTtlSeconds = DEFAULT_SNAPSHOT_TTL_SECONDS,
    /** Late usage (issue 17): records older than this many days, or before their app's creation day, are refused; null: not checked. */
    private readonly lateWindowDays: number | null = null,
    /** How long a batch decides emergency traffic from an app's quota state an earlier batch read (seconds; 0: always read). */
    private readonly quotaStateMaxAgeSeconds = DEFAULT_QUOTA_STATE_MAX_AGE_SECONDS,
  ) {}

  /** The apps recent batches read (this process's; see RecentAppStates). */
  private readonly recentStates = new RecentAppStates();

  /**
   * Records a batch of usage records in one transaction: all or nothing. A record whose
   * idempotency key is stored already is a DUPLICATE and changes nothing; so a resent batch is
   * harmless, also when two copies race (the key's primary index decides: the loser is re-run and
   * then sees the winner's records). Then every ONLINE app whose calls today reached its quota gets
   * emergency traffic if due (DOMAIN §2.2).
   *
   * NOTE (speed and locks): a batch whose apps were all read by a recent batch (`RecentAppStates`)
   * is checked without reading them first; otherwise one read for the whole batch (the apps with
   * their quota state), before the transaction. Then one multi-row INSERT into `usage_record`, one
   * multi-row upsert into `usage_daily` (both in sorted key order, so concurrent batches lock rows
   * in one order) and today's calls of the apps with calls today, sent with START TRANSACTION and
   * COMMIT as one round trip. The stored keys are read only when the batch is refused or the INSERT
   * meets a stored key (a resend): then the attempt is rolled back and made again knowing them,
   * from the apps read anew. A deadlock or lock-wait timeout re-runs the whole attempt.
   *
   * Emergency traffic is decided after the commit, from today's calls as the transaction saw them
   * (this batch's included) and the apps' quota state: kept, when a batch read it under
   * `quotaStateMaxAgeSeconds` ago, else read beside the transaction; an app found due on a kept state
   * is read again before its grant. So the usual batch waits for one round trip. A grant is its own
   * transaction (`grantIfDue` decides again there; its key allows one a day). A grant lost to a
   * crash between the two is made by the app's next batch of the day, or by the gateway's
   * `reportQuotaExhausted`.
   */
  async recordUsage(records: readonly UsageRecord[]): Promise<Result<UsageReceipt>> {
    const today = beijingDate(this.clock.now());
    const written = await retryOnLockConflict(() => this.recordUsageOnce(records, today));
    if (!written.ok) return written;
    const { receipt, callsToday, statesNow, kept } = written.value;
    // Counted once committed (portal_usage_records_ingested_total).
    observe.usageIngested(receipt.applied, receipt.duplicates);
    if (callsToday.size > 0) await this.grantEmergencyTrafficWhereDue(await statesNow, callsToday, today, kept);
    return ok(receipt);
  }

  private async recordUsageOnce(records: readonly UsageRecord[], today: string): Promise<Result<WrittenBatch>> {
    const appkeys = [...new Set(records.map((r) => r.appkey))];
    // The out-of-cloud permission is the one input of the checks that can change: a batch that
    // reports such calls is checked against its apps as they are now.
    const recent = reportsValueAddedOutOfCloud(records) ? null : this.recentStates.allOf(appkeys);
    let apps = recent ?? (await this.readStates(appkeys, today));
    // Optimistic: a batch from the gateway is new records. The primary key of usage_record says
    // otherwise (the INSERT writes fewer rows than it was given), and only then, or when the batch
    // is refused (KEY_REUSED must be named too), are the stored keys read.
    const none = new Map<string, string>();
    if (checkUsageBatch(records, { today, apps, storedFingerprints: none, lateWindowDays: this.lateWindowDays ?? undefined }).length === 0) {
      const written = await this.applyBatch(records, apps, none, today, recent !== null);
      if (written !== STORED_KEY_MET) return ok(written);
    }
    if (recent) apps = await this.readStates(appkeys, today);
    const stored = await this.storedFingerprints([...new Set(records.map((r) => r.idempotencyKey))]);
    const violations = checkUsageBatch(records, { today, apps, storedFingerprints: stored, lateWindowDays: this.lateWindowDays ?? undefined });
    if (violations.length > 0) return invalidInput<WrittenBatch>(violations);
    const written = await this.applyBatch(records, apps, stored, today, false);
    if (written === STORED_KEY_MET) throw new ConcurrentWriteConflict('a concurrent batch stored one of these idempotency keys');
    return ok(written);
  }

  /** The apps' quota states read now (kept for the next batches' checks). */
  private async readStates(appkeys: readonly string[], today: string): Promise<Map<string, AppQuotaState>> {
    const readAt = this.clock.now().getTime();
    const states = await loadAppQuotaStates(driverQueryable(this.ds), appkeys, today);
    this.recentStates.store(states, today, readAt);
    return states;
  }

  /**
   * Writes the records whose keys are not in `stored`, in one transaction of one round trip: one
   * multi-row INSERT into usage_record, one multi-row upsert into usage_daily, and today's calls of
   * the apps with calls today (read after the upsert: this batch's calls included). When `apps` are
   * kept states (`kept`), the quota state of those apps is read meanwhile, on another connection.
   * Answers STORED_KEY_MET (and writes nothing) when one of the keys turns out to be stored.
   */
  private async applyBatch(
    records: readonly UsageRecord[],
    apps: ReadonlyMap<string, AppQuotaState>,
    stored: ReadonlyMap<string, string>,
    today: string,
    kept: boolean,
  ): Promise<WrittenBatch | typeof STORED_KEY_MET> {
    const receipt: UsageReceipt = { records: [], applied: 0, duplicates: 0 };
    const fresh: { appId: string; record: UsageRecord }[] = [];
    for (const [index, r] of records.entries()) {
      const outcome = stored.has(r.idempotencyKey) ? RecordOutcome.DUPLICATE : RecordOutcome.APPLIED;
      receipt.records.push({ index, idempotencyKey: r.idempotencyKey, outcome });
      if (outcome === RecordOutcome.DUPLICATE) receipt.duplicates++;
      else {
        receipt.applied++;
        fresh.push({ appId: apps.get(r.appkey)!.appId, record: r });
      }
    }
    if (fresh.length === 0) return { receipt, callsToday: new Map(), statesNow: Promise.resolve(apps), kept: false };
    // Emergency traffic looks at the apps with API calls recorded for today.
    const callingToday = [...new Set(fresh.filter(({ record }) => record.date === today && (record.apiCalls ?? []).length > 0).map(({ record }) => record.appkey))].sort();
    const statements = [this.recordsInsert(fresh), dailyUpsert(mergeDailyIncrements(fresh))];
    if (callingToday.length > 0) statements.push(callsTodaySql(callingToday.map((k) => apps.get(k)!.appId), today));
    const since = this.clock.now().getTime() - this.quotaStateMaxAgeSeconds * 1000;
    const recent = kept && callingToday.length > 0 ? this.recentStates.readSince(callingToday, today, since) : null;
    const statesNow = kept && callingToday.length > 0 && !recent ? this.readStates(callingToday, today) : Promise.resolve(recent ?? apps);
    // Awaited after the commit; a read that fails along with the write is dropped with it.
    statesNow.catch(() => undefined);
    try {
      const [written, , calls] = (await transactionInOneRoundTrip(this.ds, statements)) as [{ affectedRows?: number }, unknown, Parameters<typeof callsTodayOf>[0] | undefined];
      // The INSERT fails on a stored key (below); a short count would mean a row lost silently.
      if (Number(written.affectedRows) !== fresh.length) throw new Error(`usage_record: ${written.affectedRows} rows written for ${fresh.length} records`);
      return { receipt, callsToday: callsTodayOf(calls ?? []), statesNow, kept: recent !== null };
    } catch (err) {
      // A key stored already (a resend, or a concurrent batch that got there first): the
      // transaction is rolled back, nothing of the batch was written.
      if (isDuplicateKeyError(err)) return STORED_KEY_MET;
      throw err;
    }
  }

  /**
   * Emergency traffic after a batch: each ONLINE app whose calls today reach its base quota, with
   * no grant yet, is granted (DOMAIN §2.2), in appkey order. Today's calls are the higher of what
   * the batch's transaction saw and what the state read saw (each the day's total at some moment
   * since the batch began). An app found due on a kept state is read again and decided anew before
   * its grant; `grantIfDue` decides once more inside its own transaction.
   */
  private async grantEmergencyTrafficWhereDue(states: ReadonlyMap<string, AppQuotaState>, callsToday: ReadonlyMap<string, number>, today: string, kept: boolean): Promise<void> {
    const due = (s: AppQuotaState) => {
      const used = Math.max(callsToday.get(s.appId) ?? 0, s.usedToday);
      const base = quotaOfState({ ...s, emergencyCalls: 0 });
      return emergencyTraffic({ status: s.status, tagCode: s.tagCode, baseLimit: base.baseLimit, alreadyGrantedToday: s.emergencyCalls > 0, usedToday: used }).grant ? used : null;
    };
    let candidates = [...states.values()].filter((s) => callsToday.has(s.appId) && due(s) !== null);
    if (candidates.length === 0) return;
    if (kept) candidates = [...(await this.readStates(candidates.map((s) => s.appkey), today)).values()].filter((s) => due(s) !== null);
    for (const s of candidates.sort((a, b) => (a.appkey < b.appkey ? -1 : 1))) {
      const used = due(s)!;
      await withRetryableTransaction(this.ds, (em) =>
        this.quota.grantIfDue(em, { id: s.appId, appkey: s.appkey, name: s.name, ownerId: s.ownerId, status: s.status, tagCode: s.tagCode, grantedTrafficQuota: s.grantedTrafficQuota }, today, used, 'INGESTION'),
      );
      // Granted now or found granted: its state has changed; the next batch reads it.
      this.recentStates.forget(s.appkey);
    }
  }

  /** Stored fingerprints of the given idempotency keys (one statement per 1,000 keys). */
  private async storedFingerprints(keys: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < keys.length; i += APP_STATE_CHUNK) {
      const chunk = keys.slice(i, i + APP_STATE_CHUNK);
      const rows: { idempotency_key: string; fingerprint: string }[] = await driverQueryable(this.ds).query(
        `SELECT idempotency_key, fingerprint FROM usage_record WHERE idempotency_key IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      );
      for (const r of rows) out.set(r.idempotency_key, r.fingerprint);
    }
    return out;
  }

  /**
   * One multi-row INSERT of the new records, sorted by key (so concurrent batches lock in one
   * order). NOTE: a plain INSERT: a key stored already fails it with a duplicate key (and stops the
   * transaction's round trip there), a resend being the only way to meet one; every column is
   * checked before, so no other error is expected and none is turned into a warning.
   */
  private recordsInsert(fresh: readonly { appId: string; record: UsageRecord }[]): { sql: string; params: unknown[] } {
    const sorted = [...fresh].sort((a, b) => (a.record.idempotencyKey < b.record.idempotencyKey ? -1 : 1));
    return {
      sql: `INSERT INTO usage_record (idempotency_key, app_id, usage_date, fingerprint, payload) VALUES ${sorted.map(() => '(?,?,?,?,?)').join(',')}`,
      params: sorted.flatMap(({ appId, record }) => [record.idempotencyKey, appId, record.date, fingerprint(record), JSON.stringify(record)]),
    };
  }

  /** API calls metered for an app on a Beijing date, all categories and sources. */
  async callsOn(appId: string, date: string, em: EntityManager = this.ds.manager): Promise<{ total: number; successful: number }> {
    const [row] = await em.query('SELECT COALESCE(SUM(quantity), 0) AS total, COALESCE(SUM(successful), 0) AS successful FROM usage_daily WHERE app_id = ? AND usage_date = ? AND meter LIKE ?', [
      appId,
      date,
      `${API_METER_PREFIX}%`,
    ]);
    return { total: Number(row.total), successful: Number(row.successful) };
  }

  /**
   * The gateway asks before letting one call through: allowed, or refused with a reason. One
   * statement; the same reader and rule as `quotaSnapshot`, so the two always agree.
   */
  async callPermission(appkey: string, category: ApiCategory, source: CallSource): Promise<CallPermissionAnswer> {
    const date = beijingDate(this.clock.now());
    const state = (await loadAppQuotaStates(driverQueryable(this.ds), [appkey], date)).get(appkey);
    const answer = permissionOfState(state, category, source);
    if (!state) return { ...answer, appkey, date, message: `no app has appkey "${appkey}"` } as CallPermissionAnswer;
    return { ...answer, appkey, date };
  }

  /**
   * The gateway's quota snapshot: for each distinct appkey (in the order asked), everything
   * `callPermission` decides from, valid until the earlier of the Beijing reset and now + TTL.
   * One statement per 1,000 appkeys.
   */
  async quotaSnapshot(appkeys: readonly string[]): Promise<{ date: string; generatedAt: Date; validUntil: Date; entries: QuotaSnapshotEntry[] }> {
    const now = this.clock.now();
    const date = beijingDate(now);
    const distinct = [...new Set(appkeys)];
    const states = await loadAppQuotaStates(this.ds, distinct, date);
    const entries = distinct.map((k) => snapshotEntry(k, states.get(k), date, now, this.snapshotTtlSeconds));
    const validUntil = entries.reduce((min, e) => (e.validUntil < min ? e.validUntil : min), new Date(now.getTime() + this.snapshotTtlSeconds * 1000));
    return { date, generatedAt: now, validUntil, entries };
  }

  /** Operator: permit (or forbid) an app's VALUE_ADDED calls from outside the cloud. */
  async setValueAddedOutOfCloudPermitted(actor: Viewer, appId: string, permitted: boolean): Promise<AppEntity | null> {
    const set = await change(this.ds, this.audit, {
      actor,
      action: 'setValueAddedOutOfCloudPermitted',
      lock: (em) => (isNumericId(appId) ? em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : Promise.resolve(null)),
      // A missing app is answered null (the resolver's NOT_FOUND); any app may be permitted or not.
      rule: (app) => ok(app),
      before: (app) => (app ? { valueAddedOutOfCloudPermitted: app.valueAddedOutOfCloudPermitted } : null),
      save: async (em, app) => {
        if (!app) return ok(null);
        app.valueAddedOutOfCloudPermitted = permitted;
        await em.save(app);
        return ok(await em.findOneByOrFail(AppEntity, { id: appId }));
      },
      audit: (_l, app) => (app ? { entityType: 'App', entityId: app.id, after: { valueAddedOutOfCloudPermitted: permitted } } : UNCHANGED),
    });
    if (!set.ok) throw new Error(`setValueAddedOutOfCloudPermitted refused: ${set.refusal.kind}`);
    return set.value;
  }
}

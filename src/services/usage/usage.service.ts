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
import { apiCallsOf, checkUsageBatch, fingerprint, mergeDailyIncrements, UsageRecord } from '../../domain/usage/usage-batch.rule';
import { API_METER_PREFIX, Meter, PACKAGE_METER_PREFIX } from '../../domain/usage/meter';
import { ApiCategory, CallSource } from '../../domain/usage/usage.enums';
import { AppEntity } from '../../db/entities';
import { ConcurrentWriteConflict, isDuplicateKeyError, retryOnLockConflict } from '../common/transaction';
import { APP_STATE_CHUNK, loadAppQuotaStates } from './app-quota-state';
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

/** Most appkeys one quota snapshot answers. */
export const MAX_SNAPSHOT_APPKEYS = 1000;

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
  ) {}

  /**
   * Records a batch of usage records in one transaction: all or nothing. A record whose
   * idempotency key is stored already is a DUPLICATE and changes nothing; so a resent batch is
   * harmless, also when two copies race (the key's primary index decides: the loser is re-run and
   * then sees the winner's records). Then every ONLINE app whose calls today reached its quota gets
   * emergency traffic if due (DOMAIN §2.2).
   *
   * NOTE (speed and locks): one read for the whole batch (the apps with their quota state), taken
   * before the transaction, then one multi-row INSERT into `usage_record` and one multi-row upsert
   * into `usage_daily`, both in sorted key order so concurrent batches lock rows in one order, sent
   * with START TRANSACTION and COMMIT as one round trip (two in all with the read). The stored keys are read only when the batch is refused or the INSERT meets a stored key (a resend):
   * then the attempt is rolled back and made again knowing them. A deadlock or lock-wait timeout
   * re-runs the whole attempt (reads included).
   */
  async recordUsage(records: readonly UsageRecord[]): Promise<Result<UsageReceipt>> {
    const today = beijingDate(this.clock.now());
    const result = await retryOnLockConflict(() => this.recordUsageOnce(records, today));
    // Counted once committed (portal_usage_records_ingested_total).
    if (result.ok) observe.usageIngested(result.value.applied, result.value.duplicates);
    return result;
  }

  private async recordUsageOnce(records: readonly UsageRecord[], today: string): Promise<Result<UsageReceipt>> {
    const apps = await loadAppQuotaStates(driverQueryable(this.ds), [...new Set(records.map((r) => r.appkey))], today);
    // Optimistic: a batch from the gateway is new records. The primary key of usage_record says
    // otherwise (the INSERT writes fewer rows than it was given), and only then, or when the batch
    // is refused (KEY_REUSED must be named too), are the stored keys read.
    const none = new Map<string, string>();
    if (checkUsageBatch(records, { today, apps, storedFingerprints: none, lateWindowDays: this.lateWindowDays ?? undefined }).length === 0) {
      const receipt = await this.applyBatch(records, apps, none, today);
      if (receipt !== STORED_KEY_MET) return ok(receipt);
    }
    const stored = await this.storedFingerprints([...new Set(records.map((r) => r.idempotencyKey))]);
    const violations = checkUsageBatch(records, { today, apps, storedFingerprints: stored, lateWindowDays: this.lateWindowDays ?? undefined });
    if (violations.length > 0) return invalidInput<UsageReceipt>(violations);
    const receipt = await this.applyBatch(records, apps, stored, today);
    if (receipt === STORED_KEY_MET) throw new ConcurrentWriteConflict('a concurrent batch stored one of these idempotency keys');
    return ok(receipt);
  }

  /**
   * Writes the records whose keys are not in `stored`, in one transaction: one multi-row INSERT
   * into usage_record, one multi-row upsert into usage_daily, emergency traffic where due.
   * Answers STORED_KEY_MET (and writes nothing) when one of the keys turns out to be stored.
   */
  private async applyBatch(records: readonly UsageRecord[], apps: ReadonlyMap<string, AppQuotaState>, stored: ReadonlyMap<string, string>, today: string): Promise<UsageReceipt | typeof STORED_KEY_MET> {
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
    if (fresh.length === 0) return receipt;
    // Emergency traffic is decided before writing (from the read plus this batch's calls): the
    // common case, no app due a grant, writes on the driver's connection without the ORM.
    const due = this.emergencyDue(fresh, apps, today);
    const statements = [this.recordsInsert(fresh), dailyUpsert(mergeDailyIncrements(fresh))];
    try {
      if (due.length === 0) {
        const [written] = (await transactionInOneRoundTrip(this.ds, statements)) as { affectedRows?: number }[];
        // The INSERT fails on a stored key (below); a short count would mean a row lost silently.
        if (Number(written.affectedRows) !== fresh.length) throw new Error(`usage_record: ${written.affectedRows} rows written for ${fresh.length} records`);
      } else
        await this.ds.transaction(async (em) => {
          for (const st of statements) await em.query(st.sql, [...st.params]);
          for (const { state: s, used } of due) {
            await this.quota.grantIfDue(em, { id: s.appId, appkey: s.appkey, name: s.name, ownerId: s.ownerId, status: s.status, tagCode: s.tagCode, grantedTrafficQuota: s.grantedTrafficQuota }, today, used, 'INGESTION');
          }
        });
    } catch (err) {
      // A key stored already (a resend, or a concurrent batch that got there first): the
      // transaction is rolled back, nothing of the batch was written.
      if (isDuplicateKeyError(err)) return STORED_KEY_MET;
      throw err;
    }
    return receipt;
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

  /**
   * Emergency traffic seen by ingestion: the ONLINE apps with calls recorded for today whose calls
   * today (before this batch, plus this batch's) reach their base quota and have no grant yet.
   * Decided in memory from the batch's one read; `grantIfDue` then decides again inside the
   * transaction (the grant's primary key makes a second grant that day impossible).
   */
  private emergencyDue(fresh: readonly { record: UsageRecord }[], apps: ReadonlyMap<string, AppQuotaState>, today: string): { state: AppQuotaState; used: number }[] {
    const addedToday = new Map<string, number>();
    for (const { record } of fresh) {
      if (record.date === today && (record.apiCalls ?? []).length > 0) addedToday.set(record.appkey, (addedToday.get(record.appkey) ?? 0) + apiCallsOf(record));
    }
    const due: { state: AppQuotaState; used: number }[] = [];
    for (const appkey of [...addedToday.keys()].sort()) {
      const s = apps.get(appkey)!;
      const used = s.usedToday + addedToday.get(appkey)!;
      const base = quotaOfState({ ...s, emergencyCalls: 0 });
      if (emergencyTraffic({ status: s.status, tagCode: s.tagCode, baseLimit: base.baseLimit, alreadyGrantedToday: s.emergencyCalls > 0, usedToday: used }).grant) due.push({ state: s, used });
    }
    return due;
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

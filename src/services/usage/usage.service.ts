import { isNumericId } from '../../domain/common/ids';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../../domain/common/role';
import { DataSource, EntityManager, In } from 'typeorm';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { CallDenial, callPermission, CallPermission } from '../../domain/usage/call-permission.rule';
import { checkUsageBatch, fingerprint, KnownApp, meterIncrements, UsageRecord } from '../../domain/usage/usage-batch.rule';
import { API_METER_PREFIX, ApiCategory, CallSource } from '../../domain/usage/usage.enums';
import { AppEntity, DeveloperEntity, UsageRecordEntity } from '../../db/entities';
import { QuotaService } from '../quota/quota.service';
import { observe } from '../../observability/metrics';

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

export type CallPermissionAnswer = CallPermission & { appkey: string; date: string; limit: number | null; usedToday: number };

/** Usage ingestion from the metering gateway and the gateway's call permission (issue 4). */
export class UsageService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly quota: QuotaService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a batch of usage records in one transaction: all or nothing. A record whose
   * idempotency key is stored already is a DUPLICATE and changes nothing; so a resent batch is
   * harmless, also when two copies race (the key's unique index decides). Then every app whose
   * calls today reached its quota gets emergency traffic if due (DOMAIN §2.2).
   */
  async recordUsage(records: readonly UsageRecord[]): Promise<Result<UsageReceipt>> {
    const today = beijingDate(this.clock.now());
    const result = await this.ds.transaction(async (em): Promise<Result<UsageReceipt>> => {
      const appkeys = [...new Set(records.map((r) => r.appkey))];
      const apps = appkeys.length ? await em.find(AppEntity, { where: { appkey: In(appkeys) } }) : [];
      const byAppkey = new Map(apps.map((a) => [a.appkey, a]));
      const keys = [...new Set(records.map((r) => r.idempotencyKey))];
      const stored = keys.length ? await em.find(UsageRecordEntity, { where: { idempotencyKey: In(keys) }, select: { idempotencyKey: true, fingerprint: true } }) : [];
      const violations = checkUsageBatch(records, {
        today,
        apps: new Map<string, KnownApp>(apps.map((a) => [a.appkey, { valueAddedOutOfCloudPermitted: a.valueAddedOutOfCloudPermitted }])),
        storedFingerprints: new Map(stored.map((s) => [s.idempotencyKey, s.fingerprint])),
      });
      if (violations.length > 0) return invalidInput<UsageReceipt>(violations);

      const receipt: UsageReceipt = { records: [], applied: 0, duplicates: 0 };
      const touchedToday = new Set<string>();
      for (const [index, r] of records.entries()) {
        const app = byAppkey.get(r.appkey)!;
        const inserted = await em.query('INSERT IGNORE INTO usage_record (idempotency_key, app_id, usage_date, fingerprint, payload) VALUES (?, ?, ?, ?, ?)', [
          r.idempotencyKey,
          app.id,
          r.date,
          fingerprint(r),
          JSON.stringify(r),
        ]);
        if (Number(inserted.affectedRows) === 0) {
          receipt.records.push({ index, idempotencyKey: r.idempotencyKey, outcome: RecordOutcome.DUPLICATE });
          receipt.duplicates++;
          continue;
        }
        for (const inc of meterIncrements(r)) {
          const merge =
            inc.mode === 'ADD'
              ? 'quantity = quantity + VALUES(quantity), successful = successful + VALUES(successful)'
              : 'quantity = GREATEST(quantity, VALUES(quantity)), successful = GREATEST(successful, VALUES(successful))';
          await em.query(`INSERT INTO usage_daily (app_id, usage_date, meter, quantity, successful) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ${merge}`, [
            app.id,
            r.date,
            inc.meter,
            inc.quantity,
            inc.successful,
          ]);
        }
        receipt.records.push({ index, idempotencyKey: r.idempotencyKey, outcome: RecordOutcome.APPLIED });
        receipt.applied++;
        if (r.date === today && (r.apiCalls ?? []).length > 0) touchedToday.add(r.appkey);
      }
      for (const appkey of touchedToday) {
        const app = byAppkey.get(appkey)!;
        const used = await this.callsOn(app.id, today, em);
        await this.quota.grantIfDue(em, app, today, used.total, 'INGESTION');
      }
      return ok(receipt);
    });
    // Counted once committed (portal_usage_records_ingested_total).
    if (result.ok) observe.usageIngested(result.value.applied, result.value.duplicates);
    return result;
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

  /** The gateway asks before letting one call through: allowed, or refused with a reason. */
  async callPermission(appkey: string, category: ApiCategory, source: CallSource): Promise<CallPermissionAnswer> {
    const date = beijingDate(this.clock.now());
    const app = await this.ds.manager.findOneBy(AppEntity, { appkey });
    if (!app) return { appkey, date, allowed: false, reason: CallDenial.UNKNOWN_APPKEY, message: `no app has appkey "${appkey}"`, limit: null, usedToday: 0 };
    const [quota, owner, used] = await Promise.all([
      this.quota.quotaOn(app, date),
      this.ds.manager.findOneByOrFail(DeveloperEntity, { id: app.ownerId }),
      this.callsOn(app.id, date),
    ]);
    const answer = callPermission({
      status: app.status,
      ownerClosed: owner.closedAt !== null,
      category,
      source,
      valueAddedOutOfCloudPermitted: app.valueAddedOutOfCloudPermitted,
      restrictedForArrears: owner.restrictedForArrears,
      limit: quota.limit,
      usedToday: used.total,
    });
    return { ...answer, appkey, date, limit: quota.limit, usedToday: used.total };
  }

  /** Operator: permit (or forbid) an app's VALUE_ADDED calls from outside the cloud. */
  async setValueAddedOutOfCloudPermitted(actor: Viewer, appId: string, permitted: boolean): Promise<AppEntity | null> {
    return this.ds.transaction(async (em) => {
      const app = isNumericId(appId) ? await em.findOne(AppEntity, { where: { id: appId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!app) return null;
      const before = { valueAddedOutOfCloudPermitted: app.valueAddedOutOfCloudPermitted };
      app.valueAddedOutOfCloudPermitted = permitted;
      await em.save(app);
      await this.audit.record(em, { actor, action: 'setValueAddedOutOfCloudPermitted', entityType: 'App', entityId: app.id, before, after: { valueAddedOutOfCloudPermitted: permitted } });
      return em.findOneByOrFail(AppEntity, { id: appId });
    });
  }
}

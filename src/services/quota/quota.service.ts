import { DataSource, EntityManager } from 'typeorm';
import { AppStatus } from '../../domain/app/app.enums';
import { beijingDate } from '../../domain/common/beijing-time';
import { Clock } from '../../domain/common/clock';
import { EmergencyRefusal, emergencyTraffic, QuotaToday, quotaToday } from '../../domain/quota/quota-today.rule';
import { AppEntity, EmergencyGrantEntity, TagEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { NotificationService } from '../notification/notification.service';
import { asQuotaInput, operatorQuotaOn } from './operator-quota';

/** What granting emergency traffic needs to know of an app. */
export type EmergencyApp = Pick<AppEntity, 'id' | 'appkey' | 'name' | 'ownerId' | 'status' | 'tagCode' | 'grantedTrafficQuota'>;

export type EmergencyTrigger = 'INGESTION' | 'GATEWAY_REPORT';

export interface EmergencyAnswer {
  appkey: string;
  date: string;
  /** True when this call granted emergency traffic. */
  granted: boolean;
  reason: EmergencyRefusal | null;
  quota: QuotaToday;
}

/** Today's quota with emergency traffic (DOMAIN §2.2). */
export class QuotaService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  /** Emergency calls granted to an app for a date (0 when none). */
  async emergencyCalls(appId: string, date: string, em: EntityManager = this.ds.manager): Promise<number> {
    const grant = await em.findOneBy(EmergencyGrantEntity, { appId, grantDate: date });
    return grant?.grantedCalls ?? 0;
  }

  /** The app's quota on a date, emergency traffic included. */
  async quotaOn(app: AppEntity, date: string, em: EntityManager = this.ds.manager): Promise<QuotaToday> {
    const [tag, emergency] = await Promise.all([em.findOneByOrFail(TagEntity, { code: app.tagCode }), this.emergencyCalls(app.id, date, em)]);
    const operatorQuota = app.status === AppStatus.ONLINE ? asQuotaInput(await operatorQuotaOn(em, app.id, date, tag.trafficMode)) : null;
    return quotaToday({ status: app.status, devTestQuota: tag.devTestQuota, defaultOnlineQuota: tag.defaultOnlineQuota, grantedTrafficQuota: app.grantedTrafficQuota, emergencyCallsToday: emergency, operatorQuota });
  }

  /**
   * Grants emergency traffic when the rule says so, inside the caller's transaction: the
   * (app, date) key makes a second grant that day impossible, also under races. Notifies the owner.
   */
  async grantIfDue(em: EntityManager, app: EmergencyApp, date: string, usedToday: number | null, trigger: EmergencyTrigger): Promise<{ granted: boolean; reason: EmergencyRefusal | null }> {
    if (app.status !== AppStatus.ONLINE) return { granted: false, reason: EmergencyRefusal.NOT_ONLINE };
    const tag = await em.findOneByOrFail(TagEntity, { code: app.tagCode });
    const operatorQuota = asQuotaInput(await operatorQuotaOn(em, app.id, date, tag.trafficMode));
    const base = quotaToday({ status: app.status, devTestQuota: tag.devTestQuota, defaultOnlineQuota: tag.defaultOnlineQuota, grantedTrafficQuota: app.grantedTrafficQuota, operatorQuota });
    const already = await em.existsBy(EmergencyGrantEntity, { appId: app.id, grantDate: date });
    const decision = emergencyTraffic({ status: app.status, tagCode: app.tagCode, baseLimit: base.baseLimit, alreadyGrantedToday: already, usedToday });
    if (!decision.grant) return { granted: false, reason: decision.reason };
    const res = await em.query('INSERT IGNORE INTO emergency_grant (app_id, grant_date, base_limit, granted_calls, `trigger`) VALUES (?, ?, ?, ?, ?)', [
      app.id,
      date,
      base.baseLimit,
      decision.calls,
      trigger,
    ]);
    if (Number(res.affectedRows) === 0) return { granted: false, reason: EmergencyRefusal.ALREADY_GRANTED_TODAY };
    await this.notifications.notify(
      em,
      app.ownerId,
      'EMERGENCY_TRAFFIC_GRANTED',
      app.id,
      `App ${app.name} (${app.appkey}) reached its limit of ${base.baseLimit} calls on ${date}: emergency traffic of ${decision.calls} calls is granted until 24:00 Beijing time.`,
    );
    return { granted: true, reason: null };
  }

  /** Gateway: the app reached its quota just now (the gateway counts in real time). */
  async reportQuotaExhausted(appkey: string): Promise<EmergencyAnswer> {
    const date = beijingDate(this.clock.now());
    return this.ds.transaction(async (em) => {
      const app = await em.findOne(AppEntity, { where: { appkey }, lock: { mode: 'pessimistic_write' } });
      if (!app) throw notFound('App with appkey', appkey);
      const { granted, reason } = await this.grantIfDue(em, app, date, null, 'GATEWAY_REPORT');
      return { appkey, date, granted, reason, quota: await this.quotaOn(app, date, em) };
    });
  }
}

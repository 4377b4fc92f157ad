import { AppStatus } from '../../domain/app/app.enums';
import { operatorQuotaInForce } from '../../domain/app/operator-controls.rule';
import { TrafficMode } from '../../domain/catalog/catalog.enums';
import { beijingEndOfDay } from '../../domain/common/beijing-time';
import { quotaToday } from '../../domain/quota/quota-today.rule';
import { asQuotaInput } from '../../services/quota/operator-quota';
import { Loaders } from '../loaders';
import { emergencyKey } from '../loaders/quota.loader';
import { AppType, QuotaTodayType } from '../types/app.type';

/** An app's quota for a Beijing date (DOMAIN §2.2) through the request's loaders: the one place the read path assembles it. */
export async function quotaTodayOf(app: AppType, loaders: Loaders, date: string): Promise<QuotaTodayType> {
  // Only ONLINE apps can hold emergency traffic: others skip the lookup.
  const [tag, emergencyCallsToday] = await Promise.all([
    loaders.tagByCode.load(app.tagCode),
    app.status === AppStatus.ONLINE ? loaders.emergencyCalls.load(emergencyKey(app.id, date)) : Promise.resolve(0),
  ]);
  // An operator-set quota (CONTRACT and UV_BASED tags only) for an ONLINE app; LADDER tags skip the lookup.
  const operatorRow =
    app.status === AppStatus.ONLINE && tag!.trafficMode !== TrafficMode.LADDER ? operatorQuotaInForce(await loaders.operatorQuotasByApp.load(app.id), date, tag!.trafficMode) : null;
  const quota = quotaToday({
    status: app.status,
    devTestQuota: tag!.devTestQuota,
    defaultOnlineQuota: tag!.defaultOnlineQuota,
    grantedTrafficQuota: app.grantedTrafficQuota,
    emergencyCallsToday,
    operatorQuota: asQuotaInput(operatorRow),
  });
  return { date, ...quota, emergencyGranted: quota.emergencyCalls > 0, resetsAt: beijingEndOfDay(date), operatorQuota: operatorRow };
}

import { AppStatus } from '../../domain/app/app.enums';
import { beijingEndOfDay } from '../../domain/common/beijing-time';
import { quotaToday } from '../../domain/quota/quota-today.rule';
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
  const quota = quotaToday({
    status: app.status,
    devTestQuota: tag!.devTestQuota,
    defaultOnlineQuota: tag!.defaultOnlineQuota,
    grantedTrafficQuota: app.grantedTrafficQuota,
    emergencyCallsToday,
  });
  return { date, ...quota, emergencyGranted: quota.emergencyCalls > 0, resetsAt: beijingEndOfDay(date) };
}

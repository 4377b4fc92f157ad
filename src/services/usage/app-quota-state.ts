import { AppStatus } from '../../domain/app/app.enums';
import { beijingDate } from '../../domain/common/beijing-time';
import { OperatorQuotaKind, operatorQuotaKindFor } from '../../domain/app/operator-controls.rule';
import { TrafficMode } from '../../domain/catalog/catalog.enums';
import { QuotaSource } from '../../domain/quota/quota-today.rule';
import { AppQuotaState } from '../../domain/usage/quota-snapshot.rule';
import { API_METER_PREFIX } from '../../domain/usage/meter';

/** Anything that runs SQL with `?` parameters: a DataSource (the pool) or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The most appkeys one statement reads (bounds the IN list). */
export const APP_STATE_CHUNK = 1000;

interface Row {
  id: string;
  appkey: string;
  name: string;
  owner_id: string;
  status: AppStatus;
  tag_code: string;
  granted_traffic_quota: number | null;
  value_added_out_of_cloud_permitted: number;
  dev_test_quota: number;
  default_online_quota: number | null;
  traffic_mode: TrafficMode;
  contract_quota: number | string | null;
  uv_quota: number | string | null;
  restricted_for_arrears: number;
  owner_closed: number | string;
  emergency_calls: number | string | null;
  used_today: number | string;
  created_at: Date;
}

/**
 * The statement that reads the API calls metered on `date` of apps by id (all categories and
 * sources), as `{ app_id, used_today }` rows: primary-key ranges, cheap enough to ride in a usage
 * batch's own round trip, after its upsert (see UsageService).
 */
export function callsTodaySql(appIds: readonly string[], date: string): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT app_id, COALESCE(SUM(quantity), 0) AS used_today FROM usage_daily
           WHERE app_id IN (${appIds.map(() => '?').join(',')}) AND usage_date = ? AND meter LIKE ? GROUP BY app_id`,
    params: [...appIds, date, `${API_METER_PREFIX}%`],
  };
}

/** The rows of `callsTodaySql`, by app id. */
export function callsTodayOf(rows: readonly { app_id: string | number; used_today: number | string }[]): Map<string, number> {
  return new Map(rows.map((r) => [String(r.app_id), Number(r.used_today)]));
}

/**
 * Every input of the gateway's decisions for many appkeys on one Beijing date, in one statement per
 * 1,000 appkeys (app, tag, owner, today's emergency grant and today's metered API calls): shared by
 * `recordUsage` (checks and emergency traffic), `callPermission` and `quotaSnapshot`, so the three
 * read the same figures the same way. Unknown appkeys are absent from the map.
 */
export async function loadAppQuotaStates(q: Queryable, appkeys: readonly string[], date: string): Promise<Map<string, AppQuotaState>> {
  const out = new Map<string, AppQuotaState>();
  for (let i = 0; i < appkeys.length; i += APP_STATE_CHUNK) {
    const chunk = appkeys.slice(i, i + APP_STATE_CHUNK);
    const rows: Row[] = await q.query(
      `SELECT a.id, a.appkey, a.name, a.owner_id, a.created_at, a.status, a.tag_code, a.granted_traffic_quota, a.value_added_out_of_cloud_permitted,
              t.dev_test_quota, t.default_online_quota, t.traffic_mode, d.restricted_for_arrears, d.closed_at IS NOT NULL AS owner_closed,
              (SELECT q.daily_quota FROM app_operator_quota q WHERE q.app_id = a.id AND q.kind = ? AND q.effective_from <= ? ORDER BY q.effective_from DESC, q.id DESC LIMIT 1) AS contract_quota,
              (SELECT q.daily_quota FROM app_operator_quota q WHERE q.app_id = a.id AND q.kind = ? AND q.effective_from <= ? ORDER BY q.effective_from DESC, q.id DESC LIMIT 1) AS uv_quota,
              g.granted_calls AS emergency_calls,
              (SELECT COALESCE(SUM(u.quantity), 0) FROM usage_daily u WHERE u.app_id = a.id AND u.usage_date = ? AND u.meter LIKE ?) AS used_today
         FROM app a
         JOIN tag t ON t.code = a.tag_code
         JOIN developer d ON d.id = a.owner_id
         LEFT JOIN emergency_grant g ON g.app_id = a.id AND g.grant_date = ?
        WHERE a.appkey IN (${chunk.map(() => '?').join(',')})`,
      [OperatorQuotaKind.CONTRACT, date, OperatorQuotaKind.UV_ADJUSTMENT, date, date, `${API_METER_PREFIX}%`, date, ...chunk],
    );
    for (const r of rows) {
      // The operator quota in force (CONTRACT and UV-based tags, ONLINE apps; issue 18): the kind the tag's mode takes.
      const kind = operatorQuotaKindFor(r.traffic_mode);
      const operatorDaily = kind === OperatorQuotaKind.CONTRACT ? r.contract_quota : kind === OperatorQuotaKind.UV_ADJUSTMENT ? r.uv_quota : null;
      const operatorQuota =
        r.status === AppStatus.ONLINE && operatorDaily !== null && operatorDaily !== undefined
          ? { dailyQuota: Number(operatorDaily), source: kind === OperatorQuotaKind.CONTRACT ? (QuotaSource.CONTRACT as const) : (QuotaSource.UV_OPERATOR_SET as const) }
          : null;
      out.set(r.appkey, {
        appId: String(r.id),
        appkey: r.appkey,
        name: r.name,
        ownerId: r.owner_id,
        status: r.status,
        tagCode: r.tag_code,
        grantedTrafficQuota: r.granted_traffic_quota === null ? null : Number(r.granted_traffic_quota),
        devTestQuota: Number(r.dev_test_quota),
        defaultOnlineQuota: r.default_online_quota === null ? null : Number(r.default_online_quota),
        valueAddedOutOfCloudPermitted: Boolean(Number(r.value_added_out_of_cloud_permitted)),
        restrictedForArrears: Boolean(Number(r.restricted_for_arrears)),
        ownerClosed: Boolean(Number(r.owner_closed)),
        emergencyCalls: r.emergency_calls === null ? 0 : Number(r.emergency_calls),
        usedToday: Number(r.used_today),
        operatorQuota,
        createdOn: beijingDate(r.created_at),
      });
    }
  }
  return out;
}

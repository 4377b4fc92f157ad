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

/** The columns of an app's day that its stamp is made of (see `stampOf`). */
interface StampColumns {
  id: string;
  app_version: number | string;
  tag_updated_at: Date;
  contract_quota: number | string | null;
  uv_quota: number | string | null;
  emergency_calls: number | string | null;
  used_today: number | string;
}

interface Row extends StampColumns {
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
  restricted_for_arrears: number;
  owner_closed: number | string;
  created_at: Date;
}

/**
 * The select-list columns both statements below read, over `app a`, `tag t` and today's
 * `emergency_grant g` (placeholders: CONTRACT, date, UV_ADJUSTMENT, date, date, the API meter prefix).
 */
const DAY_COLUMNS_SQL = `a.id, a.version AS app_version, t.updated_at AS tag_updated_at,
              (SELECT q.daily_quota FROM app_operator_quota q WHERE q.app_id = a.id AND q.kind = ? AND q.effective_from <= ? ORDER BY q.effective_from DESC, q.id DESC LIMIT 1) AS contract_quota,
              (SELECT q.daily_quota FROM app_operator_quota q WHERE q.app_id = a.id AND q.kind = ? AND q.effective_from <= ? ORDER BY q.effective_from DESC, q.id DESC LIMIT 1) AS uv_quota,
              g.granted_calls AS emergency_calls,
              (SELECT COALESCE(SUM(u.quantity), 0) FROM usage_daily u WHERE u.app_id = a.id AND u.usage_date = ? AND u.meter LIKE ?) AS used_today`;
const dayColumnParams = (date: string) => [OperatorQuotaKind.CONTRACT, date, OperatorQuotaKind.UV_ADJUSTMENT, date, date, `${API_METER_PREFIX}%`];

/**
 * What changes whenever an input of an app's quota or emergency state on a date changes: the app
 * row's version (TypeORM bumps it on every save and update: status, granted traffic package, tag,
 * name, out-of-cloud permission), the tag's last edit, the operator quotas in force and the day's
 * emergency grant. NOTE: a new input of the quota must be added here (and to DAY_COLUMNS_SQL), or
 * ingestion decides emergency traffic from a kept state it cannot tell is stale.
 */
function stampOf(r: StampColumns): string {
  return [r.app_version, r.tag_updated_at.getTime(), r.contract_quota ?? '-', r.uv_quota ?? '-', r.emergency_calls ?? '-'].join('|');
}

/** An app's state as read, with its stamp. */
export type StampedAppQuotaState = AppQuotaState & { stamp: string };

/** An app's stamp and the API calls metered on a date, read inside an ingestion transaction after its writes. */
export interface AppDayStamp {
  appId: string;
  stamp: string;
  usedToday: number;
}

/**
 * The statement that reads, for apps by id, their stamp and the API calls metered on `date`:
 * primary-key reads, cheap enough to ride in a usage batch's own round trip (see UsageService).
 */
export function appDayStampsSql(appIds: readonly string[], date: string): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${DAY_COLUMNS_SQL}
         FROM app a
         JOIN tag t ON t.code = a.tag_code
         LEFT JOIN emergency_grant g ON g.app_id = a.id AND g.grant_date = ?
        WHERE a.id IN (${appIds.map(() => '?').join(',')})`,
    params: [...dayColumnParams(date), date, ...appIds],
  };
}

/** The rows of `appDayStampsSql`, by app id. */
export function appDayStampsOf(rows: readonly StampColumns[]): Map<string, AppDayStamp> {
  return new Map(rows.map((r) => [String(r.id), { appId: String(r.id), stamp: stampOf(r), usedToday: Number(r.used_today) }]));
}

/**
 * Every input of the gateway's decisions for many appkeys on one Beijing date, in one statement per
 * 1,000 appkeys (app, tag, owner, today's emergency grant and today's metered API calls): shared by
 * `recordUsage` (checks and emergency traffic), `callPermission` and `quotaSnapshot`, so the three
 * read the same figures the same way. Unknown appkeys are absent from the map. Each state carries
 * its stamp (ingestion keeps states between batches and checks them by it).
 */
export async function loadAppQuotaStates(q: Queryable, appkeys: readonly string[], date: string): Promise<Map<string, StampedAppQuotaState>> {
  const out = new Map<string, StampedAppQuotaState>();
  for (let i = 0; i < appkeys.length; i += APP_STATE_CHUNK) {
    const chunk = appkeys.slice(i, i + APP_STATE_CHUNK);
    const rows: Row[] = await q.query(
      `SELECT ${DAY_COLUMNS_SQL}, a.appkey, a.name, a.owner_id, a.created_at, a.status, a.tag_code, a.granted_traffic_quota, a.value_added_out_of_cloud_permitted,
              t.dev_test_quota, t.default_online_quota, t.traffic_mode, d.restricted_for_arrears, d.closed_at IS NOT NULL AS owner_closed
         FROM app a
         JOIN tag t ON t.code = a.tag_code
         JOIN developer d ON d.id = a.owner_id
         LEFT JOIN emergency_grant g ON g.app_id = a.id AND g.grant_date = ?
        WHERE a.appkey IN (${chunk.map(() => '?').join(',')})`,
      [...dayColumnParams(date), date, ...chunk],
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
        stamp: stampOf(r),
      });
    }
  }
  return out;
}

import { EntityManager, LessThanOrEqual } from 'typeorm';
import { OperatorQuotaKind, operatorQuotaInForce } from '../../domain/app/operator-controls.rule';
import { TrafficMode } from '../../domain/catalog/catalog.enums';
import { QuotaInput, QuotaSource } from '../../domain/quota/quota-today.rule';
import { AppOperatorQuotaEntity } from '../../db/entities';

/** The quota rule's view of an operator quota row. */
export const asQuotaInput = (row: AppOperatorQuotaEntity | null): QuotaInput['operatorQuota'] =>
  row && { dailyQuota: row.dailyQuota, source: row.kind === OperatorQuotaKind.CONTRACT ? QuotaSource.CONTRACT : QuotaSource.UV_OPERATOR_SET };

/** The operator quota in force for an app on a Beijing date under its tag's traffic mode (issue 18), or null. */
export async function operatorQuotaOn(em: EntityManager, appId: string, date: string, mode: TrafficMode): Promise<AppOperatorQuotaEntity | null> {
  if (mode === TrafficMode.LADDER) return null;
  const rows = await em.find(AppOperatorQuotaEntity, { where: { appId, effectiveFrom: LessThanOrEqual(date) }, order: { effectiveFrom: 'DESC' }, take: 10 });
  return operatorQuotaInForce(rows, date, mode);
}

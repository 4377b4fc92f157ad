import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { MemberCapabilityApplicationEntity, PackageApplicationEntity, PackageEntity } from '../../db/entities';
import { ApplicationStatus, PendingApplicationKind } from '../../domain/application/application.enums';
import { isNumericId } from '../../domain/common/ids';

/** Package by code: prevents one SELECT per app (granted packages) or per application (`package`). */
export const packageByCodeLoader = (ds: DataSource) =>
  new DataLoader<string, PackageEntity | null>(
    async (codes) => {
      const rows = await ds.getRepository(PackageEntity).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((p) => [p.code, p]));
      return codes.map((c) => byCode.get(c) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** A pending application as read for the home page (raw row: nothing of the entity is needed). */
export interface PendingApplication {
  kind: PendingApplicationKind;
  id: string;
  appId: string | null;
  subject: string;
  requestedQuota: number | null;
  submittedAt: Date;
  dueAt: Date;
  dueProvisional: boolean;
}

interface PendingRow {
  id: string;
  owner: string;
  kind: PendingApplicationKind;
  app_id: string | null;
  subject: string;
  requested_quota: number | null;
  submitted_at: Date;
  due_at: Date;
  due_provisional: number;
}

const pendingOf = (r: PendingRow): PendingApplication => ({
  kind: r.kind,
  id: String(r.id),
  appId: r.app_id == null ? null : String(r.app_id),
  subject: r.subject,
  requestedQuota: r.requested_quota,
  submittedAt: r.submitted_at,
  dueAt: r.due_at,
  dueProvisional: Boolean(r.due_provisional),
});

/** Groups rows by their `owner` column in key order, earliest due first (as read). */
function groupPending(keys: readonly string[], rows: PendingRow[]): PendingApplication[][] {
  const by = new Map<string, PendingApplication[]>(keys.map((k) => [k, []]));
  for (const r of rows) by.get(String(r.owner))?.push(pendingOf(r));
  return keys.map((k) => by.get(k) ?? []);
}

/** An app's pending traffic and value-added applications, earliest due first: prevents one SELECT per app for `App.pendingApplications`. */
export const pendingPackageApplicationsByAppLoader = (ds: DataSource) =>
  new DataLoader<string, PendingApplication[]>(
    async (appIds) =>
      groupPending(
        appIds,
        await ds.query(
          `SELECT id, app_id AS owner, kind, app_id, package_code AS subject, requested_quota, submitted_at, due_at, due_provisional
             FROM package_application WHERE status = ? AND app_id IN (?) ORDER BY due_at, id`,
          [ApplicationStatus.PENDING, appIds.map((id) => (isNumericId(id) ? id : '0'))],
        ),
      ),
    { maxBatchSize: 500 },
  );

/** A developer's pending member-capability applications, earliest due first: prevents one SELECT per developer. */
export const pendingMemberCapabilityApplicationsByDeveloperLoader = (ds: DataSource) =>
  new DataLoader<string, PendingApplication[]>(
    async (developerIds) =>
      groupPending(
        developerIds,
        await ds.query(
          `SELECT id, developer_id AS owner, ? AS kind, NULL AS app_id, category_code AS subject, NULL AS requested_quota, submitted_at, due_at, due_provisional
             FROM member_capability_application WHERE status = ? AND developer_id IN (?) ORDER BY due_at, id`,
          [PendingApplicationKind.MEMBER_CAPABILITY, ApplicationStatus.PENDING, [...developerIds]],
        ),
      ),
    { maxBatchSize: 500 },
  );

const numericIds = (ids: readonly string[]) => ids.map((id) => (isNumericId(id) ? id : '0'));

/** A package application by id: prevents one SELECT per queue item for `ReviewItem.packageApplication`. */
export const packageApplicationByIdLoader = (ds: DataSource) =>
  new DataLoader<string, PackageApplicationEntity | null>(
    async (ids) => {
      const rows = await ds.getRepository(PackageApplicationEntity).findBy({ id: In(numericIds(ids)) });
      const by = new Map(rows.map((a) => [String(a.id), a]));
      return ids.map((id) => by.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** A member-capability application by id: prevents one SELECT per queue item for `ReviewItem.memberCapabilityApplication`. */
export const memberCapabilityApplicationByIdLoader = (ds: DataSource) =>
  new DataLoader<string, MemberCapabilityApplicationEntity | null>(
    async (ids) => {
      const rows = await ds.getRepository(MemberCapabilityApplicationEntity).findBy({ id: In(numericIds(ids)) });
      const by = new Map(rows.map((a) => [String(a.id), a]));
      return ids.map((id) => by.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );

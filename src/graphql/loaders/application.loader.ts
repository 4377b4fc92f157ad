import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { MemberCapabilityApplicationEntity, PackageApplicationEntity, PackageEntity } from '../../db/entities';
import { ApplicationStatus, PendingApplicationKind } from '../../domain/application/application.enums';
import { isNumericId } from '../../domain/common/ids';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { attachRounds } from '../../services/review/application-rounds';
import { SortKey } from '../../services/common/pagination';
import { childPagesLoader } from './keyset.loader';

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
          // The due time is the application's round's (issue 13); pending rounds are few, so the join reads them by status.
          `SELECT a.id, a.app_id AS owner, a.kind, a.app_id, a.package_code AS subject, a.requested_quota, a.submitted_at, r.due_at, r.due_provisional
             FROM package_application a JOIN review_round r ON r.subject_type = ? AND r.status = ? AND r.subject_id = a.id
            WHERE a.status = ? AND a.app_id IN (?) ORDER BY r.due_at, a.id`,
          [ReviewSubjectType.PACKAGE_APPLICATION, ApplicationStatus.PENDING, ApplicationStatus.PENDING, appIds.map((id) => (isNumericId(id) ? id : '0'))],
        ),
      ),
    { maxBatchSize: 500 },
  );

/** A developer's pending member-capability applications, earliest due first, then id (unique). */
export const PENDING_CAPABILITY_ORDER: SortKey<PendingApplication>[] = [
  { sql: 'r.due_at', dir: 'ASC', kind: 'time', of: (p) => p.dueAt.getTime() },
  { sql: 'm.id', dir: 'ASC', kind: 'number', of: (p) => Number(p.id) },
];

/**
 * Pages of a developer's pending member-capability applications with their rounds' due times,
 * paged in SQL: one SELECT for a page of developers (`Developer.pendingMemberCapabilityApplications`).
 */
export const pendingCapabilityPagesByDeveloperLoader = (ds: DataSource) =>
  childPagesLoader<PendingApplication>(ds, {
    table: 'member_capability_application m JOIN review_round r ON r.subject_id = m.id',
    parent: 'm.developer_id',
    select: `m.id, m.developer_id AS owner, '${PendingApplicationKind.MEMBER_CAPABILITY}' AS kind, NULL AS app_id, m.category_code AS subject, NULL AS requested_quota, m.submitted_at, r.due_at, r.due_provisional`,
    keys: PENDING_CAPABILITY_ORDER,
    where: { sql: 'r.subject_type = ? AND r.status = ? AND m.status = ?', params: [ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, ApplicationStatus.PENDING, ApplicationStatus.PENDING] },
    map: (r) => pendingOf(r as unknown as PendingRow),
  });

/** A developer's package applications, newest first (id, unique). */
export const DEVELOPER_PACKAGE_APPLICATION_ORDER: SortKey<{ id: string }>[] = [{ sql: 'id', dir: 'DESC', kind: 'number', of: (a) => Number(a.id) }];

/**
 * Pages of a developer's package application ids, paged in SQL (one SELECT for a page of
 * developers); the applications themselves come from `packageApplicationById` (one batch).
 */
export const packageApplicationIdPagesByDeveloperLoader = (ds: DataSource) =>
  childPagesLoader<{ id: string }>(ds, { table: 'package_application', parent: 'developer_id', select: 'id', keys: DEVELOPER_PACKAGE_APPLICATION_ORDER, map: (r) => ({ id: String(r.id) }) });

const numericIds = (ids: readonly string[]) => ids.map((id) => (isNumericId(id) ? id : '0'));

/** A package application by id, with its round: prevents one SELECT per queue item for `ReviewItem.packageApplication` (two statements a batch). */
export const packageApplicationByIdLoader = (ds: DataSource) =>
  new DataLoader<string, PackageApplicationEntity | null>(
    async (ids) => {
      const rows = await attachRounds(ds.manager, ReviewSubjectType.PACKAGE_APPLICATION, await ds.getRepository(PackageApplicationEntity).findBy({ id: In(numericIds(ids)) }));
      const by = new Map(rows.map((a) => [String(a.id), a]));
      return ids.map((id) => by.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** A member-capability application by id, with its round: prevents one SELECT per queue item for `ReviewItem.memberCapabilityApplication` (two statements a batch). */
export const memberCapabilityApplicationByIdLoader = (ds: DataSource) =>
  new DataLoader<string, MemberCapabilityApplicationEntity | null>(
    async (ids) => {
      const rows = await attachRounds(ds.manager, ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION, await ds.getRepository(MemberCapabilityApplicationEntity).findBy({ id: In(numericIds(ids)) }));
      const by = new Map(rows.map((a) => [String(a.id), a]));
      return ids.map((id) => by.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );

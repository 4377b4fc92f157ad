/**
 * Read-path rows without the ORM: hot list reads (a page of apps, its review rounds) select these
 * columns with `ds.query` and map them here, skipping TypeORM's query building and entity
 * hydration, which showed in the home page's profile. The result has the entity's shape (its
 * column properties, no relations) and is only ever read, never saved.
 * NOTE: MariaDB returns JSON columns as text and booleans as 0/1; BIGINT ids come as strings
 * (`bigNumberStrings`); DATETIME as Date (the connection's time zone is UTC).
 */
import { AppEntity, ReviewRoundEntity } from './entities';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type AppRow = Omit<AppEntity, 'owner' | 'tag'>;

export const APP_COLUMNS =
  'id, appkey, owner_id, name, description, logo_url, callback_url, tag_code, in_cloud, declared_functions, status, granted_traffic_quota, value_added_out_of_cloud_permitted, granted_packages, billing_platform, version, created_at, updated_at';

export function appFromRow(r: Raw): AppRow {
  return {
    id: String(r.id),
    appkey: r.appkey,
    ownerId: r.owner_id,
    name: r.name,
    description: r.description,
    logoUrl: r.logo_url,
    callbackUrl: r.callback_url,
    tagCode: r.tag_code,
    inCloud: Boolean(r.in_cloud),
    declaredFunctions: json(r.declared_functions),
    status: r.status,
    grantedTrafficQuota: r.granted_traffic_quota,
    valueAddedOutOfCloudPermitted: Boolean(r.value_added_out_of_cloud_permitted),
    grantedPackages: r.granted_packages == null ? null : json(r.granted_packages),
    billingPlatform: r.billing_platform,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type ReviewRoundRow = Omit<ReviewRoundEntity, 'messages'>;

export const REVIEW_ROUND_COLUMNS =
  'id, subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, due_provisional, decided_by, decided_at, reasons, explanation';

export function reviewRoundFromRow(r: Raw): ReviewRoundRow {
  return {
    id: String(r.id),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    ownerId: r.owner_id,
    tagCode: r.tag_code,
    roundNo: r.round_no,
    status: r.status,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    dueAt: r.due_at,
    dueProvisional: Boolean(r.due_provisional),
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    reasons: json(r.reasons),
    explanation: r.explanation,
  };
}

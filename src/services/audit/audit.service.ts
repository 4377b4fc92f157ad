import { DataSource, EntityManager, FindOptionsWhere, LessThan } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { Viewer } from '../../domain/common/role';
import { AuditEntryEntity } from '../../db/entities';

/** What one audited mutation changed. `before` is null for a creation, `after` null for a deletion. */
export interface AuditRecord {
  /** Who acted: the request's viewer (role and subject). */
  readonly actor: Viewer;
  /** The GraphQL mutation, e.g. `upsertTag`. */
  readonly action: string;
  /** The kind of object changed, e.g. `Tag`, `Package`, `PartnerGrant`. */
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditFilter {
  readonly action?: string | null;
  readonly actorId?: string | null;
  readonly entityType?: string | null;
  readonly entityId?: string | null;
}

/** A JSON-safe copy (dates as ISO strings, no class instances, no undefined). */
const snapshot = (value: unknown): Record<string, unknown> | null => (value == null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>));

/**
 * The audit log of reviewer and operator mutations and partner grants. `record` writes through
 * the caller's EntityManager so the entry commits or rolls back with the change it describes.
 */
export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, rec: AuditRecord): Promise<void> {
    const entry = em.create(AuditEntryEntity, {
      at: this.clock.now(),
      actorRole: rec.actor.role,
      actorId: rec.actor.subjectId ?? 'anonymous',
      action: rec.action,
      entityType: rec.entityType,
      entityId: rec.entityId,
      before: snapshot(rec.before),
      after: snapshot(rec.after),
    });
    await em.save(entry);
  }

  /**
   * The one summary entry of an operation that commits in chunks (a billing run, arrears
   * collection): there is no single transaction to join, so it is written on its own after it.
   */
  async recordSummary(rec: AuditRecord): Promise<void> {
    await this.record(this.ds.manager, rec);
  }

  /** The summary entry of a billing run, whoever started it (the `runBilling` mutation or the CLI): one shape for both. */
  recordBillingRun(actor: Viewer, platform: string, period: string, report: unknown): Promise<void> {
    return this.recordSummary({ actor, action: 'runBilling', entityType: 'BillingRun', entityId: `${platform}:${period}`, before: null, after: report });
  }

  /** The summary entry of an arrears collection (the `collectArrears` mutation or the CLI). */
  recordArrearsCollection(actor: Viewer, summary: unknown): Promise<void> {
    return this.recordSummary({ actor, action: 'collectArrears', entityType: 'BillingRun', entityId: 'arrears', before: null, after: summary });
  }

  /** One page of entries, newest first, optionally filtered. */
  async list(filter: AuditFilter, limit: number, beforeId: string | null): Promise<{ rows: AuditEntryEntity[]; hasNextPage: boolean; totalCount: number }> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (filter.action) where.action = filter.action;
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.entityId) where.entityId = filter.entityId;
    const repo = this.ds.getRepository(AuditEntryEntity);
    const [rows, totalCount] = await Promise.all([
      repo.find({ where: beforeId ? { ...where, id: LessThan(beforeId) } : where, order: { id: 'DESC' }, take: limit + 1 }),
      repo.countBy(where),
    ]);
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit, totalCount };
  }
}

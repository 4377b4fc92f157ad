import { DataSource, EntityManager, IsNull } from 'typeorm';
import { KeysetPage, KeyValue, pageByKeyset, SortKey } from '../common/pagination';
import { Clock } from '../../domain/common/clock';
import { invalidInput, invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { Viewer } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { DeveloperEntity, PartnerGrantEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { notFound } from '../common/errors';

/** A partner id is the subject of its PARTNER credential: the same shape tokens allow. */
const PARTNER_ID = /^[A-Za-z0-9_\-:.]{1,64}$/;

/**
 * Integration partners' access to developers (DOMAIN §1): a developer grants and revokes; a
 * partner reads a developer's data only while an unrevoked grant exists. Every grant and
 * revocation is audited in its own transaction.
 */
/** A developer's grants: newest grant first; a partner's grantors: earliest grant first (the id breaks ties). */
export const GRANT_ORDER: SortKey<PartnerGrantEntity>[] = [
  { sql: 'g.granted_at', dir: 'DESC', kind: 'time', of: (g) => g.grantedAt.getTime() },
  { sql: 'g.id', dir: 'DESC', kind: 'number', of: (g) => Number(g.id) },
];
export const GRANTOR_ORDER: SortKey<PartnerGrantEntity>[] = [
  { sql: 'g.granted_at', dir: 'ASC', kind: 'time', of: (g) => g.grantedAt.getTime() },
  { sql: 'g.id', dir: 'ASC', kind: 'number', of: (g) => Number(g.id) },
];

export class PartnerAccessService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async grant(viewer: Viewer, partnerId: string): Promise<Result<PartnerGrantEntity>> {
    const developerId = viewer.subjectId!;
    if (!PARTNER_ID.test(partnerId)) return invalidInput([violation('partnerId', 'INVALID_PARTNER_ID', 'partnerId must be 1–64 characters of [A-Za-z0-9_-:.]')]);
    return this.ds.transaction(async (em) => {
      // Lock the developer row: a developer's grants change one at a time (a gap lock on the
      // not-yet-existing grant row alone lets concurrent first grants deadlock).
      if (!(await em.findOne(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } }))) {
        return invalidInput<PartnerGrantEntity>([violation('developer', 'NOT_REGISTERED', 'register your developer account (registerDeveloper) before granting access')]);
      }
      const existing = await this.lockPair(em, developerId, partnerId);
      if (existing && existing.revokedAt === null) return invalidState<PartnerGrantEntity>('GRANTED', 'grantPartnerAccess', `partner ${partnerId} already has access`, RefusalReason.ALREADY_GRANTED, { partnerId });
      const before = existing ? { ...existing } : null;
      const now = this.clock.now();
      let grant: PartnerGrantEntity;
      if (existing) {
        existing.grantedAt = now;
        existing.revokedAt = null;
        grant = await em.save(existing);
      } else {
        try {
          grant = await em.save(em.create(PartnerGrantEntity, { developerId, partnerId, grantedAt: now, revokedAt: null }));
        } catch (err) {
          // NOTE: a concurrent first grant of the same pair inserted first (no row to lock before it existed).
          if ((err as { code?: string }).code === 'ER_DUP_ENTRY') return invalidState<PartnerGrantEntity>('GRANTED', 'grantPartnerAccess', `partner ${partnerId} already has access`, RefusalReason.ALREADY_GRANTED, { partnerId });
          throw err;
        }
      }
      await this.audit.record(em, { actor: viewer, action: 'grantPartnerAccess', entityType: 'PartnerGrant', entityId: grant.id, before, after: grant });
      return ok(grant);
    });
  }

  async revoke(viewer: Viewer, partnerId: string): Promise<Result<PartnerGrantEntity>> {
    const developerId = viewer.subjectId!;
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'revokePartnerAccess',
      lock: async (em) => {
        const existing = PARTNER_ID.test(partnerId) ? await this.lockPair(em, developerId, partnerId) : null;
        if (!existing) throw notFound('PartnerGrant', partnerId);
        return existing;
      },
      rule: (existing) =>
        existing.revokedAt === null ? ok(true) : invalidState<true>('REVOKED', 'revokePartnerAccess', `partner ${partnerId} has no access to revoke`, RefusalReason.NOT_GRANTED, { partnerId }),
      save: async (em, existing) => {
        existing.revokedAt = this.clock.now();
        return ok(await em.save(existing));
      },
      audit: (_existing, grant) => ({ entityType: 'PartnerGrant', entityId: grant.id, after: grant }),
    });
  }


  /** The developer's grants, active and revoked, newest first. */
  pageForDeveloper(developerId: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<PartnerGrantEntity>> {
    return pageByKeyset(this.ds.getRepository(PartnerGrantEntity).createQueryBuilder('g').where('g.developer_id = :developerId', { developerId }), GRANT_ORDER, limit, after);
  }

  /** One page of the developers that grant this partner access now, with their grants: earliest grant first (keyset in SQL). */
  pageGrantorsOf(partnerId: string, limit: number, after: KeyValue[] | null): Promise<KeysetPage<PartnerGrantEntity>> {
    const qb = this.ds
      .getRepository(PartnerGrantEntity)
      .createQueryBuilder('g')
      .innerJoinAndSelect('g.developer', 'd')
      .where('g.partner_id = :partnerId AND g.revoked_at IS NULL', { partnerId });
    return pageByKeyset(qb, GRANTOR_ORDER, limit, after);
  }

  /**
   * The developer, if it grants this partner access now. Otherwise NOT_FOUND, exactly as for a
   * developer that does not exist: a partner learns nothing about developers that did not grant it.
   */
  async authorizedDeveloper(partnerId: string, developerId: string): Promise<{ developer: DeveloperEntity; grant: PartnerGrantEntity }> {
    const grant = PARTNER_ID.test(developerId)
      ? await this.ds.getRepository(PartnerGrantEntity).findOne({ where: { partnerId, developerId, revokedAt: IsNull() }, relations: { developer: true } })
      : null;
    if (!grant) throw notFound('Developer', developerId);
    return { developer: grant.developer!, grant };
  }

  private lockPair(em: EntityManager, developerId: string, partnerId: string): Promise<PartnerGrantEntity | null> {
    return em.findOne(PartnerGrantEntity, { where: { developerId, partnerId }, lock: { mode: 'pessimistic_write' } });
  }
}

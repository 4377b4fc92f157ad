import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { ok, Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { alreadyGranted, checkGrant, checkRevoke, PARTNER_ID } from '../../domain/partner/partner-grant.rule';
import { DeveloperEntity, PartnerGrantEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { isDuplicateKeyError } from '../common/transaction';
import { notFound } from '../common/errors';


/**
 * Integration partners' access to developers (DOMAIN §1): a developer grants and revokes; a
 * partner reads a developer's data only while an unrevoked grant exists. Every grant and
 * revocation goes through `change()`, audited in its own transaction.
 */
export class PartnerAccessService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async grant(viewer: Viewer, partnerId: string): Promise<Result<PartnerGrantEntity>> {
    const developerId = viewer.subjectId!;
    if (!PARTNER_ID.test(partnerId)) return checkGrant(partnerId, false, null) as Result<never>;
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'grantPartnerAccess',
      lock: async (em) => {
        // Lock the developer row: a developer's grants change one at a time (a gap lock on the
        // not-yet-existing grant row alone lets concurrent first grants deadlock).
        const registered = (await em.findOne(DeveloperEntity, { where: { id: developerId }, lock: { mode: 'pessimistic_write' } })) !== null;
        return { registered, existing: registered ? await this.lockPair(em, developerId, partnerId) : null };
      },
      rule: ({ registered, existing }) => checkGrant(partnerId, registered, existing),
      before: ({ existing }) => (existing ? { ...existing } : null),
      save: async (em, { existing }) => {
        const now = this.clock.now();
        if (existing) {
          existing.grantedAt = now;
          existing.revokedAt = null;
          return ok(await em.save(existing));
        }
        try {
          return ok(await em.save(em.create(PartnerGrantEntity, { developerId, partnerId, grantedAt: now, revokedAt: null })));
        } catch (err) {
          // NOTE: a concurrent first grant of the same pair inserted first (no row to lock before it existed): refused, rolled back.
          if (isDuplicateKeyError(err)) return alreadyGranted<PartnerGrantEntity>(partnerId);
          throw err;
        }
      },
      audit: (_l, grant) => ({ entityType: 'PartnerGrant', entityId: grant.id, after: grant }),
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
      rule: (existing) => checkRevoke(partnerId, existing),
      save: async (em, existing) => {
        existing.revokedAt = this.clock.now();
        return ok(await em.save(existing));
      },
      audit: (_existing, grant) => ({ entityType: 'PartnerGrant', entityId: grant.id, after: grant }),
    });
  }


  /** The developer's grants, active and revoked, newest first. */
  listForDeveloper(developerId: string): Promise<PartnerGrantEntity[]> {
    return this.ds.getRepository(PartnerGrantEntity).find({ where: { developerId }, order: { grantedAt: 'DESC', id: 'DESC' } });
  }

  /** The developers that grant this partner access now, with their grants. */
  async grantorsOf(partnerId: string): Promise<{ developer: DeveloperEntity; grant: PartnerGrantEntity }[]> {
    const grants = await this.ds.getRepository(PartnerGrantEntity).find({
      where: { partnerId, revokedAt: IsNull() },
      relations: { developer: true },
      order: { grantedAt: 'ASC', id: 'ASC' },
    });
    return grants.map((grant) => ({ developer: grant.developer!, grant }));
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

import { isNumericId } from '../../domain/common/ids';
import { DataSource, In, MoreThan } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { ok, Result } from '../../domain/common/result';
import { checkResettable } from '../../domain/market/production.rule';
import { AuditService } from '../audit/audit.service';
import { change } from '../common/change';
import { Viewer } from '../../domain/common/role';
import { NotificationStatus } from '../../domain/market/market.enums';
import { MarketNotificationEntity, OutboundMessageEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { DispatchReport, enqueueProductionNotification, OutboundService } from '../notification/outbound.service';


export type { DispatchReport } from '../notification/outbound.service';

/**
 * Production notifications: their delivery (through the product's one outbox, `OutboundService`:
 * each call delivers the production notifications due now by the clock, so tests drive it step by
 * step), the provider's list of failures, and the reset.
 */
export class MarketNotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboundService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Delivers every PENDING production notification due by now through the outbox: claimed (FOR
   * UPDATE SKIP LOCKED, a lease), POSTed to the product's current endpoint outside any transaction
   * through the outbound guard, each attempt logged; the notification's record gets DELIVERED, or
   * its error count, last error and backoff (STOPPED at the 120th failure, DOMAIN §7).
   */
  dispatchDue(): Promise<DispatchReport> {
    return this.outbox.dispatchDueReport(['PRODUCTION']);
  }

  /** The provider's undelivered notifications that have failed at least once (生产消息管理), oldest first. */
  listFailures(providerId: string): Promise<MarketNotificationEntity[]> {
    return this.ds.getRepository(MarketNotificationEntity).find({
      where: { providerId, status: In([NotificationStatus.PENDING, NotificationStatus.STOPPED]), errors: MoreThan(0) },
      order: { id: 'ASC' },
    });
  }

  /** Resets the error count so delivery starts again now (重置错误数). */
  async resetErrors(viewer: Viewer, id: string): Promise<Result<MarketNotificationEntity>> {
    return change(this.ds, this.audit, {
      actor: viewer,
      action: 'resetNotificationErrors',
      lock: async (em) => {
        const n = isNumericId(id) ? await em.findOne(MarketNotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!n || n.providerId !== viewer.subjectId) throw notFound('MarketNotification', id);
        return n;
      },
      rule: (n) => checkResettable(n.status),
      before: (n) => ({ status: n.status, errors: n.errors }),
      save: async (em, n) => {
        n.status = NotificationStatus.PENDING;
        n.errors = 0;
        n.nextAttemptAt = this.clock.now();
        await em.save(n);
        // Its outbox row is due again now (written here if it has none, e.g. a row older than the outbox).
        const res = await em.update(OutboundMessageEntity, { marketNotificationId: n.id }, { status: 'PENDING', nextAttemptAt: n.nextAttemptAt });
        if (!res.affected) await enqueueProductionNotification(em, n);
        return ok(n);
      },
      audit: (n) => ({ entityType: 'MarketNotification', entityId: n.id, after: { status: n.status, errors: n.errors } }),
    });
  }
}

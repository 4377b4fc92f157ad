import { isNumericId } from '../../domain/common/ids';
import { DataSource, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { invalidState, ok, Result } from '../../domain/common/result';
import { RefusalReason } from '../../domain/common/refusal-reason';
import { Viewer } from '../../domain/common/role';
import { NotificationStatus } from '../../domain/market/market.enums';
import { afterFailure } from '../../domain/market/production.rule';
import { MarketNotificationEntity, MarketProductEntity } from '../../db/entities';
import { notFound } from '../common/errors';
import { OutboundHttpClient } from '../../outbound';
import { deliverJson } from './market-http';


/** How long one delivery may take, and how long a claimed notification is held by its worker. */
export const DELIVERY = Object.freeze({ timeoutMs: 10_000, leaseMs: 60_000, batch: 100 });

export interface DispatchReport {
  attempted: number;
  delivered: number;
  failed: number;
  stopped: number;
}

/**
 * Production notifications: the dispatcher (a worker; each call delivers what is due now by the
 * clock, so tests drive it step by step), the provider's list of failures, and the reset.
 */
export class MarketNotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly http: OutboundHttpClient,
  ) {}

  /**
   * Delivers every PENDING notification due by now: claims it (moves its next attempt a lease
   * ahead, so a second worker skips it), POSTs it to the product's current endpoint outside any
   * transaction (through the outbound guard, which resolves and checks the name again now), then records success (DELIVERED) or failure (error count, last error, backoff;
   * STOPPED at the 120th failure).
   */
  async dispatchDue(): Promise<DispatchReport> {
    const now = this.clock.now();
    const report: DispatchReport = { attempted: 0, delivered: 0, failed: 0, stopped: 0 };
    const due = await this.ds.getRepository(MarketNotificationEntity).find({
      where: { status: NotificationStatus.PENDING, nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: DELIVERY.batch,
    });
    const endpoints = new Map(
      (due.length ? await this.ds.getRepository(MarketProductEntity).find({ where: { id: In([...new Set(due.map((n) => n.productId))]) }, select: { id: true, endpointUrl: true } }) : []).map((p) => [
        p.id,
        p.endpointUrl,
      ]),
    );
    for (const n of due) {
      const claim = await this.ds
        .createQueryBuilder()
        .update(MarketNotificationEntity)
        .set({ nextAttemptAt: new Date(now.getTime() + DELIVERY.leaseMs) })
        .where('id = :id AND status = :status AND next_attempt_at <= :now', { id: n.id, status: NotificationStatus.PENDING, now })
        .execute();
      if (claim.affected !== 1) continue;
      report.attempted++;
      const url = endpoints.get(n.productId);
      let error: string | null = null;
      if (!url) error = 'the product has no production endpoint';
      else error = await deliverJson(this.http, url, n.payload, { 'x-market-idempotency-key': n.idempotencyKey, 'x-market-attempt': String(n.totalAttempts + 1) }, DELIVERY.timeoutMs);
      const at = this.clock.now();
      if (error === null) {
        report.delivered++;
        await this.ds.getRepository(MarketNotificationEntity).update(
          { id: n.id },
          { status: NotificationStatus.DELIVERED, deliveredAt: at, lastAttemptAt: at, nextAttemptAt: null, totalAttempts: n.totalAttempts + 1 },
        );
      } else {
        const errors = n.errors + 1;
        const next = afterFailure(errors, at);
        if (next.status === NotificationStatus.STOPPED) report.stopped++;
        else report.failed++;
        await this.ds
          .getRepository(MarketNotificationEntity)
          .update({ id: n.id }, { status: next.status, errors, totalAttempts: n.totalAttempts + 1, lastError: error.slice(0, 500), lastAttemptAt: at, nextAttemptAt: next.nextAttemptAt });
      }
    }
    return report;
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
    return this.ds.transaction(async (em) => {
      const n = isNumericId(id) ? await em.findOne(MarketNotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!n || n.providerId !== viewer.subjectId) throw notFound('MarketNotification', id);
      if (n.status === NotificationStatus.DELIVERED) return invalidState<MarketNotificationEntity>(n.status, 'resetNotificationErrors', 'the notification was delivered', RefusalReason.ALREADY_DELIVERED);
      n.status = NotificationStatus.PENDING;
      n.errors = 0;
      n.nextAttemptAt = this.clock.now();
      await em.save(n);
      return ok(n);
    });
  }
}

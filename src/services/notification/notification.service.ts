import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Clock } from '../../domain/common/clock';
import { NotificationEntity } from '../../db/entities';

/** Notifications to developers: written inside the caller's transaction, read by their owner. */
export class NotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async notify(em: EntityManager, developerId: string, kind: string, appId: string | null, message: string): Promise<void> {
    await em.insert(NotificationEntity, { developerId, kind, appId, message, createdAt: this.clock.now() });
  }

  /** The developer's notifications, newest first. */
  async listOwn(developerId: string, limit: number, beforeId: string | null): Promise<{ rows: NotificationEntity[]; hasNextPage: boolean }> {
    const rows = await this.ds.getRepository(NotificationEntity).find({
      where: beforeId ? { developerId, id: LessThan(beforeId) } : { developerId },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }
}

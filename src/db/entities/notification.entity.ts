import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DeveloperEntity } from './developer.entity';

/**
 * A message to a developer's inbox (DOMAIN §2.2: the SMS of 002 is a notification record here;
 * docs/notifications.md). `dedupeKey` makes an event that is detected by a sweep (quota 80 %, a
 * bill issued, a subscription expiring) notify once however often the sweep runs.
 */
@Entity('notification')
@Index('idx_notification_developer', ['developerId', 'id'])
@Index('idx_notification_unread', ['developerId', 'readAt', 'id'])
@Index('uq_notification_dedupe', ['developerId', 'dedupeKey'], { unique: true })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @ManyToOne(() => DeveloperEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'developer_id', foreignKeyConstraintName: 'fk_notification_developer' })
  developer?: Relation<DeveloperEntity>;

  /** A NotificationKind code, e.g. EMERGENCY_TRAFFIC_GRANTED, APPLICATION_APPROVED. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  title: string;

  /** The kind of object the notification links to (NotificationLinkType) and its id. */
  @Column({ name: 'link_type', type: 'varchar', length: 40, nullable: true })
  linkType: string | null;

  @Column({ name: 'link_id', type: 'varchar', length: 64, nullable: true })
  linkId: string | null;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  /** The event's figures as JSON (webhook payloads carry them). */
  @Column({ type: 'json', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true, nullable: true })
  appId: string | null;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  /** Set from the service clock. */
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

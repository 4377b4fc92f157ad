import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DeveloperEntity } from './developer.entity';

/** A message to a developer (DOMAIN §2.2: the SMS of 002 is a notification record here). */
@Entity('notification')
@Index('idx_notification_developer', ['developerId', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @ManyToOne(() => DeveloperEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'developer_id', foreignKeyConstraintName: 'fk_notification_developer' })
  developer?: Relation<DeveloperEntity>;

  /** SCREAMING_SNAKE kind, e.g. EMERGENCY_TRAFFIC_GRANTED, APPLICATION_APPROVED. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true, nullable: true })
  appId: string | null;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  /** Set from the service clock. */
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

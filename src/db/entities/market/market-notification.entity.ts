import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotificationAction, NotificationStatus } from '../../../domain/market/market.enums';
import { createdAt, updatedAt } from './columns';

/** A production notification to a provider's endpoint (at-least-once, idempotency key). */
@Entity('market_notification')
@Index('idx_market_notification_due', ['status', 'nextAttemptAt'])
@Index('idx_market_notification_provider', ['providerId', 'status'])
export class MarketNotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Index('uq_market_notification_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ name: 'product_id', type: 'bigint', unsigned: true })
  productId: string;

  @Column({ name: 'subscription_id', type: 'bigint', unsigned: true })
  subscriptionId: string;

  @Column({ name: 'order_id', type: 'bigint', unsigned: true, nullable: true })
  orderId: string | null;

  @Column({ type: 'enum', enum: NotificationAction })
  action: NotificationAction;

  /** The JSON body POSTed to the endpoint. */
  @Column({ type: 'json' })
  payload: Record<string, unknown>;

  @Column({ type: 'enum', enum: NotificationStatus, default: NotificationStatus.PENDING })
  status: NotificationStatus;

  /** Failed attempts since the last reset. */
  @Column({ type: 'int', default: 0 })
  errors: number;

  @Column({ name: 'total_attempts', type: 'int', default: 0 })
  totalAttempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'last_attempt_at', type: 'datetime', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn(createdAt)
  createdAt: Date;

  @UpdateDateColumn(updatedAt)
  updatedAt: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message to deliver outside the product: a webhook POST, an email, an SMS or a market
 * production notification (PRODUCTION: its record, payload and error count are the
 * `market_notification` row it points at). Written in the
 * transaction of the event, delivered at least once by the outbound worker with retries and
 * backoff; every attempt is logged in `outbound_attempt`.
 */
@Entity('outbound_message')
@Index('idx_outbound_message_due', ['status', 'nextAttemptAt'])
@Index('idx_outbound_message_endpoint', ['endpointId', 'id'])
@Index('idx_outbound_message_developer', ['developerId', 'id'])
export class OutboundMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'enum', enum: ['WEBHOOK', 'EMAIL', 'SMS', 'PRODUCTION'] })
  channel: 'WEBHOOK' | 'EMAIL' | 'SMS' | 'PRODUCTION';

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ name: 'endpoint_id', type: 'bigint', unsigned: true, nullable: true })
  endpointId: string | null;

  @Column({ name: 'notification_id', type: 'bigint', unsigned: true, nullable: true })
  notificationId: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** Where it goes: the webhook URL, the email address or the phone number, as it was when the event happened. */
  @Column({ type: 'varchar', length: 500 })
  target: string;

  @Column({ type: 'json' })
  payload: Record<string, unknown>;

  @Column({ type: 'enum', enum: ['PENDING', 'DELIVERED', 'STOPPED'], default: 'PENDING' })
  status: 'PENDING' | 'DELIVERED' | 'STOPPED';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  /** A replay points at the delivery it repeats. */
  @Column({ name: 'replay_of', type: 'bigint', unsigned: true, nullable: true })
  replayOf: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** PRODUCTION: the market notification this delivers (one outbox row each). */
  @Index('uq_outbound_message_market_notification', { unique: true })
  @Column({ name: 'market_notification_id', type: 'bigint', unsigned: true, nullable: true })
  marketNotificationId: string | null;
}

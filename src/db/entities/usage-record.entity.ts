import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A usage record the gateway sent, kept by its idempotency key (issue 4): a resend finds the key
 * and changes nothing. The record's content is kept for audit.
 */
@Entity('usage_record')
@Index('idx_usage_record_app_date', ['appId', 'usageDate'])
export class UsageRecordEntity {
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @Column({ name: 'usage_date', type: 'date' })
  usageDate: string;

  /** sha256 of the record's content: the same key with other content is refused (KEY_REUSED). */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ type: 'json' })
  payload: unknown;

  @CreateDateColumn({ name: 'received_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  receivedAt: Date;
}

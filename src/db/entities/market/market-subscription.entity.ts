import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BillingCycle, SubscriptionStatus } from '../../../domain/market/market.enums';
import { createdAt, updatedAt } from './columns';

/** What a buyer holds after a NEW order: a version with parameters until it expires. */
@Entity('market_subscription')
@Index('idx_market_subscription_buyer', ['buyerId', 'id'])
@Index('idx_market_subscription_expiry', ['status', 'expiresAt'])
export class MarketSubscriptionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'buyer_id', type: 'varchar', length: 64 })
  buyerId: string;

  @Column({ name: 'product_id', type: 'bigint', unsigned: true })
  productId: string;

  @Column({ name: 'version_id', type: 'bigint', unsigned: true })
  versionId: string;

  @Column({ type: 'enum', enum: BillingCycle })
  cycle: BillingCycle;

  @Column({ type: 'boolean', default: false })
  trial: boolean;

  @Column({ type: 'json' })
  quantities: { code: string; quantity: number }[];

  @Column({ type: 'json' })
  choices: { code: string; value: string }[];

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  /** Null for ONE_TIME purchases. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'enum', enum: SubscriptionStatus, default: SubscriptionStatus.ACTIVE })
  status: SubscriptionStatus;

  @CreateDateColumn(createdAt)
  createdAt: Date;

  @UpdateDateColumn(updatedAt)
  updatedAt: Date;
}

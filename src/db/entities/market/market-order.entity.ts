import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillingCycle, OrderType } from '../../../domain/market/market.enums';
import { createdAt, moneyColumn } from './columns';

/** A line of an order as recorded: amounts as decimal strings, exactly as charged. */
export interface OrderLineRecord {
  key: string;
  description: string;
  amount: string;
  current?: string;
  target?: string;
}

/** A buyer's order: NEW (trial or paid), RENEW or UPGRADE. */
@Entity('market_order')
@Index('idx_market_order_buyer', ['buyerId', 'id'])
@Index('uq_market_order_buyer_key', ['buyerId', 'idempotencyKey'], { unique: true })
@Index('idx_market_order_product', ['productId', 'createdAt'])
export class MarketOrderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'buyer_id', type: 'varchar', length: 64 })
  buyerId: string;

  /** The buyer's key for this order (issue 18): a retry with the same key answers the same order and charges nothing more. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'product_id', type: 'bigint', unsigned: true })
  productId: string;

  @Column({ name: 'version_id', type: 'bigint', unsigned: true })
  versionId: string;

  @Column({ name: 'subscription_id', type: 'bigint', unsigned: true })
  subscriptionId: string;

  @Column({ type: 'enum', enum: OrderType })
  type: OrderType;

  @Column({ type: 'boolean', default: false })
  trial: boolean;

  @Column({ type: 'enum', enum: BillingCycle })
  cycle: BillingCycle;

  /** Months or years bought; 0 for upgrades and trials. */
  @Column({ type: 'int' })
  length: number;

  @Column({ type: 'json' })
  quantities: { code: string; quantity: number }[];

  @Column({ type: 'json' })
  choices: { code: string; value: string }[];

  @Column(moneyColumn('amount', false))
  amount: string;

  /** The breakdown, a line per part (upgrades: current, target and prorated difference). */
  @Column({ type: 'json' })
  lines: OrderLineRecord[];

  @Column({ name: 'buyer_phone', type: 'varchar', length: 30, nullable: true })
  buyerPhone: string | null;

  @Column({ name: 'buyer_email', type: 'varchar', length: 200, nullable: true })
  buyerEmail: string | null;

  @CreateDateColumn(createdAt)
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { MarketProductEntity } from './market-product.entity';
import { createdAt, moneyColumn } from './columns';

/** A version (edition) of a product with its base prices and trial. */
@Entity('market_version')
@Index('idx_market_version_product', ['productId', 'displayOrder'])
export class MarketVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'product_id', type: 'bigint', unsigned: true })
  productId: string;

  @ManyToOne(() => MarketProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_market_version_product' })
  product?: Relation<MarketProductEntity>;

  /** Generated; the provider's production system identifies the version by it. */
  @Index('uq_market_version_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ name: 'display_order', type: 'int' })
  displayOrder: number;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ name: 'trial_days', type: 'int', nullable: true })
  trialDays: number | null;

  @Column(moneyColumn('month_new'))
  monthNew: string | null;

  @Column(moneyColumn('month_renew'))
  monthRenew: string | null;

  @Column(moneyColumn('year_new'))
  yearNew: string | null;

  @Column(moneyColumn('year_renew'))
  yearRenew: string | null;

  @Column(moneyColumn('one_time'))
  oneTime: string | null;

  @CreateDateColumn(createdAt)
  createdAt: Date;
}

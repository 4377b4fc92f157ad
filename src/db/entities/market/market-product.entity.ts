import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { ProductStatus, SaleMode } from '../../../domain/market/market.enums';
import { DeveloperEntity } from '../developer.entity';
import { createdAt, updatedAt } from './columns';

/** A SaaS product a service provider lists on the cloud market (DOMAIN §7). */
@Entity('market_product')
@Index('idx_market_product_provider', ['providerId', 'id'])
export class MarketProductEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  /** The provider: a developer account. */
  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @ManyToOne(() => DeveloperEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_market_product_provider' })
  provider?: Relation<DeveloperEntity>;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'sale_mode', type: 'enum', enum: SaleMode })
  saleMode: SaleMode;

  /** Shown on the market front (商品前台可见). */
  @Column({ type: 'boolean', default: true })
  visible: boolean;

  /** The production endpoint (生产系统接口地址), checked when saved. */
  @Column({ name: 'endpoint_url', type: 'varchar', length: 500, nullable: true })
  endpointUrl: string | null;

  @Column({ name: 'needs_buyer_phone', type: 'boolean', default: false })
  needsBuyerPhone: boolean;

  @Column({ name: 'needs_buyer_email', type: 'boolean', default: false })
  needsBuyerEmail: boolean;

  @Column({ type: 'enum', enum: ProductStatus, default: ProductStatus.DRAFT })
  status: ProductStatus;

  /** First submission for review: from then on tier starts and enum values are frozen. */
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  /** First listing: from then on versions are never deleted. */
  @Column({ name: 'listed_at', type: 'datetime', precision: 3, nullable: true })
  listedAt: Date | null;

  @CreateDateColumn(createdAt)
  createdAt: Date;

  @UpdateDateColumn(updatedAt)
  updatedAt: Date;
}

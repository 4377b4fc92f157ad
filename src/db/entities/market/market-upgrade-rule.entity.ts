import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { MarketVersionEntity } from './market-version.entity';
import { createdAt } from './columns';

/** A configured upgrade path from one version of a product to another: by its provider (once listed) or an operator (issue 18). */
@Entity('market_upgrade_rule')
@Index('uq_market_upgrade_rule', ['fromVersionId', 'toVersionId'], { unique: true })
export class MarketUpgradeRuleEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'product_id', type: 'bigint', unsigned: true })
  productId: string;

  @Column({ name: 'from_version_id', type: 'bigint', unsigned: true })
  fromVersionId: string;

  @ManyToOne(() => MarketVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_version_id', foreignKeyConstraintName: 'fk_market_upgrade_from' })
  fromVersion?: Relation<MarketVersionEntity>;

  @Column({ name: 'to_version_id', type: 'bigint', unsigned: true })
  toVersionId: string;

  @ManyToOne(() => MarketVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_version_id', foreignKeyConstraintName: 'fk_market_upgrade_to' })
  toVersion?: Relation<MarketVersionEntity>;

  /** Who set it: PROVIDER or OPERATOR. An operator's rule overrides the provider: the provider cannot remove it. */
  @Column({ name: 'set_by_role', type: 'varchar', length: 10, default: 'OPERATOR' })
  setByRole: 'PROVIDER' | 'OPERATOR';

  @CreateDateColumn(createdAt)
  createdAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { BillingItemKind } from '../../../domain/market/market.enums';
import { MarketVersionEntity } from './market-version.entity';
import { moneyColumn } from './columns';

/** An extra billing item of a version (004 §4.2.7). */
@Entity('market_billing_item')
@Index('uq_market_billing_item_code', ['versionId', 'code'], { unique: true })
export class MarketBillingItemEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'version_id', type: 'bigint', unsigned: true })
  versionId: string;

  @ManyToOne(() => MarketVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_market_billing_item_version' })
  version?: Relation<MarketVersionEntity>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'enum', enum: BillingItemKind })
  kind: BillingItemKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Column({ type: 'int', nullable: true })
  minimum: number | null;

  @OneToMany(() => MarketBillingPriceEntity, (p) => p.item)
  prices?: Relation<MarketBillingPriceEntity[]>;
}

/** One priced row of an item: a QUANTITY tier (tierFrom) or an ENUM value (enumValue). */
@Entity('market_billing_price')
@Index('idx_market_billing_price_item', ['itemId', 'position'])
export class MarketBillingPriceEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'item_id', type: 'bigint', unsigned: true })
  itemId: string;

  @ManyToOne(() => MarketBillingItemEntity, (i) => i.prices, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_market_billing_price_item' })
  item?: Relation<MarketBillingItemEntity>;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'tier_from', type: 'int', nullable: true })
  tierFrom: number | null;

  @Column({ name: 'enum_value', type: 'varchar', length: 40, nullable: true })
  enumValue: string | null;

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
}

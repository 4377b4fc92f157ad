import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import type { ChargeDef } from '../../billing/price-list';

/** An effective-dated price list of a platform (DOMAIN §5, §6): in force from `effective_from` until the next one. */
@Entity('price_list')
@Index('uq_price_list_platform_from', ['platform', 'effectiveFrom'], { unique: true })
export class PriceListEntity {
  /** Fixed ids for seeded lists ("TAOBAO-2018-08-01"); operators' lists get "<PLATFORM>-<date>". */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'enum', enum: BillingPlatform })
  platform: BillingPlatform;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  /** The charges (see `ChargeDef`): meter, pricing model, model properties with prices as decimal strings. */
  @Column({ type: 'json' })
  charges: ChargeDef[];

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Operator-set quality-app discount of a Douyin app (DOMAIN §6), effective from a date until the next row. */
@Entity('quality_discount')
export class QualityDiscountEntity {
  @PrimaryColumn({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @PrimaryColumn({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** Percent, 0 to 100 (0 ends a discount). */
  @Column({ type: 'decimal', precision: 5, scale: 2 })
  percent: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

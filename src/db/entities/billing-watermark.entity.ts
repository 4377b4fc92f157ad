import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A named point in the database's time (NOW(3)) up to which a sweep has looked: the late-usage
 * sweep reads usage changed after its watermark (docs/billing.md "Late usage").
 */
@Entity('billing_watermark')
export class BillingWatermarkEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'datetime', precision: 3 })
  value: Date;
}

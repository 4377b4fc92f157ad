import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';

/** A coupon policy (DOMAIN §5): yuan per appkey per day, valid between two Beijing dates. */
@Entity('coupon_policy')
export class CouponPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'enum', enum: BillingPlatform })
  platform: BillingPlatform;

  @Column({ type: 'decimal', precision: 12, scale: 2 })
  amount: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'new_isv_only', type: 'boolean', default: false })
  newIsvOnly: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';

/** One bill of one appkey for one period (DOMAIN §5 day, §6 month). UNIQUE (app, platform, period): a run can never bill twice. */
@Entity('bill')
@Index('uq_bill_app_platform_period', ['appId', 'platform', 'period'], { unique: true })
@Index('idx_bill_developer_status', ['developerId', 'status', 'periodStart', 'id'])
@Index('idx_bill_platform_period', ['platform', 'period', 'id'])
export class BillEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @Column({ type: 'varchar', length: 16 })
  appkey: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ type: 'enum', enum: BillingPlatform })
  platform: BillingPlatform;

  /** "2026-11-19" (Taobao day) or "2026-10" (Douyin month). */
  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'enum', enum: BillStatus })
  status: BillStatus;

  /** Sum of the rounded lines. */
  @Column({ type: 'decimal', precision: 16, scale: 2 })
  total: string;

  /** The coupon used (positive yuan; the bill's COUPON line is its negative). */
  @Column({ name: 'coupon_total', type: 'decimal', precision: 16, scale: 2 })
  couponTotal: string;

  @Column({ name: 'price_list_id', type: 'varchar', length: 40 })
  priceListId: string;

  /** The billing run that wrote it (the run that won the unique key). */
  @Column({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;

  /** The Beijing date the bill was issued (Douyin: the 5th); arrears age from it. */
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}

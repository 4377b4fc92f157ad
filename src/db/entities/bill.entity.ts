import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillingPlatform, BillStatus } from '../../billing/billing.enums';

/** A period's first bill, or an adjustment of it for usage reported after it was billed or an operator's re-rate (issue 17). */
export enum BillKind {
  REGULAR = 'REGULAR',
  ADJUSTMENT = 'ADJUSTMENT',
}

/**
 * One bill of one appkey for one period (DOMAIN §5 day, §6 month). UNIQUE (app, platform, period,
 * sequence): a run can never bill twice (its bills are sequence 0), and each adjustment of the
 * period takes the next sequence, so two adjusters of one period can never both write.
 */
@Entity('bill')
@Index('uq_bill_app_platform_period_seq', ['appId', 'platform', 'period', 'sequence'], { unique: true })
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

  /** REGULAR (the period's first bill, sequence 0) or ADJUSTMENT (sequence 1, 2 …). */
  @Column({ type: 'enum', enum: BillKind, default: BillKind.REGULAR })
  kind: BillKind;

  /** 0 for the period's first bill; each adjustment of the period the next number. */
  @Column({ type: 'smallint', unsigned: true, default: 0 })
  sequence: number;

  /** An adjustment's first bill of the period (which never changes); null on a first bill. */
  @Column({ name: 'adjusts_bill_id', type: 'bigint', unsigned: true, nullable: true })
  adjustsBillId: string | null;

  /** Why an adjustment was made: LATE_USAGE or RERATE; null on a first bill. */
  @Column({ name: 'adjustment_reason', type: 'varchar', length: 20, nullable: true })
  adjustmentReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}

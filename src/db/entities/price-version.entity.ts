import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';

/** What a pricing version is of. */
export enum PriceSubject {
  PRICE_LIST = 'PRICE_LIST',
  COUPON_POLICY = 'COUPON_POLICY',
}

/**
 * Every version of every price list and coupon policy (issue 17): what it said, who wrote it,
 * when, and whether the operator asked to re-rate the days already billed. Append-only: the
 * current row lives in `price_list` / `coupon_policy`, its history here.
 */
@Entity('price_version')
@Index('uq_price_version_subject', ['subject', 'subjectId', 'version'], { unique: true })
@Index('idx_price_version_changed', ['changedAt', 'id'])
export class PriceVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'enum', enum: PriceSubject })
  subject: PriceSubject;

  /** The price list id ("TAOBAO-2026-12-01") or the coupon policy code. */
  @Column({ name: 'subject_id', type: 'varchar', length: 40 })
  subjectId: string;

  /** 1 for the first version of the subject written through the API, then 2, 3 … */
  @Column({ type: 'int', unsigned: true })
  version: number;

  @Column({ type: 'enum', enum: BillingPlatform })
  platform: BillingPlatform;

  /** The price list (effectiveFrom, isExample, charges) or the coupon policy as written. */
  @Column({ type: 'json' })
  body: Record<string, unknown>;

  /** Who wrote it: role and subject, e.g. "OPERATOR:op-1". */
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt: Date;

  /** The first day this version re-prices (null: it changes nothing already in force). */
  @Column({ name: 'first_affected_day', type: 'date', nullable: true })
  firstAffectedDay: string | null;

  /** The operator asked to re-rate the billed days it reaches (adjustment bills). */
  @Column({ type: 'boolean', default: false })
  rerate: boolean;

  /** What the re-rate did: app-periods re-rated, adjustments written and their total; null without one. */
  @Column({ name: 'rerate_summary', type: 'json', nullable: true })
  rerateSummary: Record<string, unknown> | null;
}

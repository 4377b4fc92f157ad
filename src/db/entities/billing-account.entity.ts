import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { PaymentMode } from '../../billing/billing.enums';
import { DeveloperEntity } from './developer.entity';

/**
 * A developer's billing account: the row every money movement locks (SELECT … FOR UPDATE), the
 * balance kept equal to the sum of the ledger in the same transaction, the payment mode, the deposit.
 */
@Entity('billing_account')
export class BillingAccountEntity {
  @PrimaryColumn({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @OneToOne(() => DeveloperEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'developer_id', foreignKeyConstraintName: 'fk_billing_account_developer' })
  developer?: Relation<DeveloperEntity>;

  /** = SUM(ledger_entry.amount) of the developer, maintained under the row lock. */
  @Column({ type: 'decimal', precision: 16, scale: 2 })
  balance: string;

  /** Douyin deposit (保证金), set by operators; old arrears are deducted from it. Not part of the balance. */
  @Column({ type: 'decimal', precision: 16, scale: 2 })
  deposit: string;

  @Column({ name: 'payment_mode', type: 'enum', enum: PaymentMode, default: PaymentMode.PREPAID })
  paymentMode: PaymentMode;

  /** The Alipay auto-debit agreement number the developer signed (ALIPAY_AUTO_DEBIT only). */
  @Column({ name: 'alipay_agreement_no', type: 'varchar', length: 64, nullable: true })
  alipayAgreementNo: string | null;

  /** Operator-set: a qualifying new ISV (DOMAIN §5 new-ISV coupon). */
  @Column({ name: 'new_isv', type: 'boolean', default: false })
  newIsv: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';
import { InvoiceStatus } from '../../billing/invoice.rule';

/**
 * A developer's invoice for paid technical service fees (DOMAIN §6, Douyin): the bills it covers
 * are in `invoice_bill`. REQUESTED by the developer, then ISSUED (with the invoice number) or
 * REJECTED (with a reason) by an operator.
 */
@Entity('invoice')
@Index('idx_invoice_developer', ['developerId', 'id'])
@Index('idx_invoice_status', ['status', 'id'])
export class InvoiceEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ type: 'enum', enum: BillingPlatform })
  platform: BillingPlatform;

  /** The invoice title (发票抬头), 1–100 characters. */
  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** Taxpayer identification number (纳税人识别号), 15–20 uppercase letters or digits. */
  @Column({ name: 'tax_no', type: 'varchar', length: 20 })
  taxNo: string;

  /** The exact sum of the bills' totals. */
  @Column({ type: 'decimal', precision: 16, scale: 2 })
  amount: string;

  @Column({ type: 'enum', enum: InvoiceStatus })
  status: InvoiceStatus;

  /** Set when ISSUED; unique across invoices. */
  @Index('uq_invoice_no', { unique: true })
  @Column({ name: 'invoice_no', type: 'varchar', length: 20, nullable: true })
  invoiceNo: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;
}

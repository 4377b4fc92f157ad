import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { BillEntity } from './bill.entity';
import { InvoiceEntity } from './invoice.entity';

/**
 * A bill on an invoice. UNIQUE (bill_id, live): a bill is on at most one live (REQUESTED or ISSUED)
 * invoice, enforced by the database. `live` is 1 while the invoice is live and NULL once it is
 * REJECTED (a unique index treats NULLs as distinct), so a rejected invoice keeps its bill list as
 * history and releases its bills for a new request.
 */
@Entity('invoice_bill')
@Index('uq_invoice_bill_live', ['billId', 'live'], { unique: true })
export class InvoiceBillEntity {
  @PrimaryColumn({ name: 'invoice_id', type: 'bigint', unsigned: true })
  invoiceId: string;

  @PrimaryColumn({ name: 'bill_id', type: 'bigint', unsigned: true })
  billId: string;

  /** 1 while the invoice is REQUESTED or ISSUED; NULL once it is REJECTED. */
  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  live: 1 | null;

  @ManyToOne(() => InvoiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_invoice_bill_invoice' })
  invoice?: Relation<InvoiceEntity>;

  @ManyToOne(() => BillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bill_id', foreignKeyConstraintName: 'fk_invoice_bill_bill' })
  bill?: Relation<BillEntity>;
}

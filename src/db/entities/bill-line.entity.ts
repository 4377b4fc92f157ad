import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BillLineKindEnum } from '../../billing/billing.enums';

/**
 * One line of a bill, as the rating engine made it: quantity, unit price, precise and rounded amount, explanation.
 * NOTE: no index of its own on bill_id: the primary key (bill_id, position) serves every lookup by bill.
 */
@Entity('bill_line')
export class BillLineEntity {
  @PrimaryColumn({ name: 'bill_id', type: 'bigint', unsigned: true })
  billId: string;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  position: number;

  @Column({ type: 'enum', enum: BillLineKindEnum })
  kind: BillLineKindEnum;

  @Column({ type: 'varchar', length: 48 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ type: 'decimal', precision: 24, scale: 4 })
  quantity: string;

  @Column({ name: 'unit_price', type: 'varchar', length: 200 })
  unitPrice: string;

  @Column({ name: 'precise_amount', type: 'decimal', precision: 24, scale: 8 })
  preciseAmount: string;

  @Column({ type: 'decimal', precision: 16, scale: 2 })
  amount: string;

  @Column({ type: 'varchar', length: 500 })
  explanation: string;
}

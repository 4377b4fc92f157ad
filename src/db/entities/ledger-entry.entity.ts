import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerKind } from '../../billing/billing.enums';

/** One movement of money on a developer's account (DOMAIN §5). Append-only; amounts are signed. */
@Entity('ledger_entry')
@Index('idx_ledger_developer', ['developerId', 'id'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ type: 'enum', enum: LedgerKind })
  kind: LedgerKind;

  /** Signed yuan: + money in, − money out. */
  @Column({ type: 'decimal', precision: 16, scale: 2 })
  amount: string;

  /** Idempotency: "CHARGE:bill:<id>", "RECHARGE:<developer>:<client key>"... a second write of the same movement fails. */
  @Index('uq_ledger_entry_key', { unique: true })
  @Column({ name: 'entry_key', type: 'varchar', length: 200 })
  entryKey: string;

  @Column({ name: 'bill_id', type: 'bigint', unsigned: true, nullable: true })
  billId: string | null;

  @Column({ type: 'varchar', length: 300, default: '' })
  note: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}

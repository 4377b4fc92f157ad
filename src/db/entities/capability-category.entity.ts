import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A category that may apply for member open capabilities (DOMAIN §4). Operators maintain it. */
@Entity('capability_category')
export class CapabilityCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Refuses TEMPLATE applications. */
  @Column({ name: 'custom_only', type: 'boolean', default: false })
  customOnly: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

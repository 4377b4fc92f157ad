import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { AppEntity } from './app.entity';

/** Integer counts that come back from BIGINT as strings: numbers up to 2^53 are exact. */
export const bigintCount = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? 0 : Number(v)) };

/**
 * One meter of one app on one Beijing date (issue 4): the figure billing prices and the quota
 * counts. Meter keys: see `Meter` in src/domain/usage/usage.enums.ts.
 */
@Entity('usage_daily')
@Index('idx_usage_daily_date', ['usageDate', 'appId', 'meter', 'quantity'])
export class UsageDailyEntity {
  @PrimaryColumn({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @ManyToOne(() => AppEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_usage_daily_app' })
  app?: Relation<AppEntity>;

  /** Beijing date, YYYY-MM-DD. */
  @PrimaryColumn({ name: 'usage_date', type: 'date' })
  usageDate: string;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  meter: string;

  /** Calls, orders, messages, relations; 1 for a data-sync package held. */
  @Column({ type: 'bigint', unsigned: true, default: 0, transformer: bigintCount })
  quantity: number;

  /** API-call meters: the successful calls among `quantity`; 0 for other meters. */
  @Column({ type: 'bigint', unsigned: true, default: 0, transformer: bigintCount })
  successful: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

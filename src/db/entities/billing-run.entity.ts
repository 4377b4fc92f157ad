import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { BillingPlatform } from '../../billing/billing.enums';

/** Who started a billing run. */
export enum BillingRunTrigger {
  SCHEDULE = 'SCHEDULE',
  OPERATOR = 'OPERATOR',
  CLI = 'CLI',
}

export enum BillingRunState {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
}

/**
 * One billing run of a platform's period, split into shards (`billing_shard`). Every worker of the
 * run bills with the run's own clock (`as_of`): bills are issued on its Beijing date and paid at it,
 * whichever process or machine writes them.
 */
@Entity('billing_run')
@Index('idx_billing_run_platform_period', ['platform', 'period'])
export class BillingRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'enum', enum: BillingPlatform })
  platform: BillingPlatform;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ name: 'price_list_id', type: 'varchar', length: 40 })
  priceListId: string;

  /** The run's clock: `now` of every chunk (paid_at) and, as a Beijing date, the bills' issued_on. */
  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ type: 'enum', enum: BillingRunState, default: BillingRunState.RUNNING })
  state: BillingRunState;

  @Column({ type: 'enum', enum: BillingRunTrigger, default: BillingRunTrigger.OPERATOR })
  trigger: BillingRunTrigger;

  @Column({ name: 'shard_count', type: 'int', unsigned: true })
  shardCount: number;

  /** Incremented in the transaction that marks a shard DONE; the run is DONE when it reaches shard_count. */
  @Column({ name: 'shards_done', type: 'int', unsigned: true, default: 0 })
  shardsDone: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum BillingShardState {
  PENDING = 'PENDING',
  CLAIMED = 'CLAIMED',
  DONE = 'DONE',
}

/**
 * A range of owners of one billing run: the apps of developers `owner_after < owner_id <= owner_upto`
 * (NULL: unbounded), so a developer's bills, coupons and settlement stay in one shard. A worker
 * claims it (`SELECT … FOR UPDATE SKIP LOCKED`), holds a lease it renews with every chunk, and marks
 * it DONE; a lease that expires lets another worker take it over. Counters are added in each
 * chunk's own transaction, so they count exactly what was committed.
 */
@Entity('billing_shard')
@Index('uq_billing_shard_run_no', ['runId', 'shardNo'], { unique: true })
export class BillingShardEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;

  @Column({ name: 'shard_no', type: 'int', unsigned: true })
  shardNo: number;

  @Column({ name: 'owner_after', type: 'varchar', length: 64, nullable: true })
  ownerAfter: string | null;

  @Column({ name: 'owner_upto', type: 'varchar', length: 64, nullable: true })
  ownerUpto: string | null;

  @Column({ type: 'enum', enum: BillingShardState, default: BillingShardState.PENDING })
  state: BillingShardState;

  /** The worker holding the shard (host:pid:random), NULL when none. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner: string | null;

  /** Database time after which another worker may take the shard over. */
  @Column({ name: 'lease_expires_at', type: 'datetime', precision: 3, nullable: true })
  leaseExpiresAt: Date | null;

  /** Times the shard was claimed (1 when no worker died or failed on it). */
  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts: number;

  @Column({ name: 'apps_billed', type: 'int', unsigned: true, default: 0 })
  appsBilled: number;

  @Column({ name: 'bills_created', type: 'int', unsigned: true, default: 0 })
  billsCreated: number;

  @Column({ name: 'lines_written', type: 'int', unsigned: true, default: 0 })
  linesWritten: number;

  @Column({ type: 'decimal', precision: 20, scale: 2, default: () => "'0.00'" })
  total: string;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}

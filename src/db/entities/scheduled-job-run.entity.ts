import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ScheduledRunState {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * One period of a scheduled job (a Taobao day, a Douyin month, a day's arrears collection). The
 * key (job, period) makes each run once; a worker claims it with a lease it renews while it
 * works, so a server that dies leaves it to another after the lease expires.
 */
@Entity('scheduled_job_run')
@Index('idx_scheduled_job_run_due', ['state', 'dueAt'])
export class ScheduledJobRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  job: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'enum', enum: ScheduledRunState, default: ScheduledRunState.PENDING })
  state: ScheduledRunState;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_expires_at', type: 'datetime', precision: 3, nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  /** The billing run of the last attempt (billing jobs). */
  @Column({ name: 'run_id', type: 'varchar', length: 36, nullable: true })
  runId: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** What the run reported (counts and amounts), as JSON. */
  @Column({ type: 'json', nullable: true })
  summary: Record<string, unknown> | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReviewAction } from '../../domain/review/review.enums';

/** Audit trail of review rounds: who did what, when, with what detail. Append-only. */
@Entity('review_event')
@Index('idx_review_event_round', ['roundId', 'id'])
export class ReviewEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'round_id', type: 'bigint', unsigned: true })
  roundId: string;

  @Column({ type: 'enum', enum: ReviewAction })
  action: ReviewAction;

  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** What was decided or posted: reasons, explanation, the subject's state change. */
  @Column({ type: 'json' })
  detail: Record<string, unknown>;
}

import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { RejectionReason, ReviewRoundStatus, ReviewSubjectType } from '../../domain/review/review.enums';
import type { ReviewMessageEntity } from './review-message.entity';

/**
 * One review round of a subject (DOMAIN §3): opened by a submission, decided once by a reviewer.
 * Generic over the subject (an app now; a cloud-market listing later): `subjectType` + `subjectId`.
 */
@Entity('review_round')
@Index('uq_review_round_subject_no', ['subjectType', 'subjectId', 'roundNo'], { unique: true })
@Index('idx_review_round_queue', ['status', 'dueAt', 'id'])
export class ReviewRoundEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'subject_type', type: 'enum', enum: ReviewSubjectType })
  subjectType: ReviewSubjectType;

  /** The subject's id (an app id for APP). */
  @Column({ name: 'subject_id', type: 'varchar', length: 40 })
  subjectId: string;

  /** The developer who owns the subject: the tenant the round belongs to. */
  @Column({ name: 'owner_id', type: 'varchar', length: 64 })
  ownerId: string;

  /** The subject's tag when submitted (the queue filters on it); null for subjects without tags. */
  @Index('idx_review_round_tag')
  @Column({ name: 'tag_code', type: 'varchar', length: 40, nullable: true })
  tagCode: string | null;

  /** 1 for the first submission, 2 for the first resubmission, ... */
  @Column({ name: 'round_no', type: 'int' })
  roundNo: number;

  @Column({ type: 'enum', enum: ReviewRoundStatus, default: ReviewRoundStatus.PENDING })
  status: ReviewRoundStatus;

  @Column({ name: 'submitted_by', type: 'varchar', length: 64 })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  /** 24:00 Beijing of the 3rd working day after the Beijing date of submission. */
  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  /** The due date was computed over a year with no calendar rows (plain week assumed). */
  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional: boolean;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  /** Rejection reason codes; empty unless REJECTED. */
  @Column({ type: 'json' })
  reasons: RejectionReason[];

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @OneToMany('ReviewMessageEntity', 'round')
  messages?: Relation<ReviewMessageEntity[]>;
}

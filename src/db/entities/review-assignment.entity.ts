import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReviewItemKind } from '../../domain/review/assignment.rule';

/**
 * Who holds a review item (issue 18): one row per item, so of two concurrent claims exactly one
 * inserts. Released items have no row.
 */
@Entity('review_assignment')
@Index('idx_review_assignment_assignee', ['assigneeId', 'itemKind'])
export class ReviewAssignmentEntity {
  @PrimaryColumn({ name: 'item_kind', type: 'enum', enum: ReviewItemKind })
  itemKind: ReviewItemKind;

  @PrimaryColumn({ name: 'item_id', type: 'bigint', unsigned: true })
  itemId: string;

  @Column({ name: 'assignee_id', type: 'varchar', length: 64 })
  assigneeId: string;

  /** The assignee (a claim) or the lead who assigned it. */
  @Column({ name: 'assigned_by', type: 'varchar', length: 64 })
  assignedBy: string;

  @Column({ name: 'assigned_at', type: 'datetime', precision: 3 })
  assignedAt: Date;
}

/** Reviewers who lead a team (issue 18): they assign items and release anyone's. Kept by operators. */
@Entity('review_lead')
export class ReviewLeadEntity {
  @PrimaryColumn({ name: 'reviewer_id', type: 'varchar', length: 64 })
  reviewerId: string;

  @Column({ name: 'granted_by', type: 'varchar', length: 64 })
  grantedBy: string;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3 })
  grantedAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ReviewMessageAuthor } from '../../domain/review/review.enums';
import type { ReviewRoundEntity } from './review-round.entity';

/** A message in a rejected round's feedback thread: the developer's feedback or a reviewer's answer. */
@Entity('review_message')
@Index('idx_review_message_round', ['roundId', 'id'])
export class ReviewMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'round_id', type: 'bigint', unsigned: true })
  roundId: string;

  @ManyToOne('ReviewRoundEntity', 'messages', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_review_message_round' })
  round?: Relation<ReviewRoundEntity>;

  @Column({ name: 'author_id', type: 'varchar', length: 64 })
  authorId: string;

  @Column({ name: 'author_role', type: 'enum', enum: ReviewMessageAuthor })
  authorRole: ReviewMessageAuthor;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'posted_at', type: 'datetime', precision: 3 })
  postedAt: Date;
}

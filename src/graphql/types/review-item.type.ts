import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { isItemOverdue, ReviewItem, reviewItemGlobalId } from '../../domain/review/review-item';
import { connectionType } from './connection.type';
import { ReviewDecision, ReviewRoundStatus } from './enums';
import './review-assignment.type';

@ObjectType('ReviewItem', { simpleResolvers: true, description: 'What a reviewer works on, whatever the workflow: a review round of an app or market listing, a package application or a member-capability application' })
export class ReviewItemType {
  @Field(() => ID, { description: 'Stable, opaque identifier unique across kinds (kind and item id), for client caches' })
  id: string;

  @Field(() => ReviewItemKind, { description: 'Which workflow the item belongs to: the kind claimReviewItem, releaseReviewItem and assignReviewItem take' })
  kind: ReviewItemKind;

  @Field(() => ID, { description: "The item's id within its kind: the round id (reviewRound, decideReview) or the application id (packageApplication, memberCapabilityApplication and their decide mutations)" })
  itemId: string;

  @Field(() => ReviewRoundStatus, { description: 'PENDING until decided, then APPROVED or REJECTED' })
  status: ReviewRoundStatus;

  @Field(() => Date, { description: 'When it was submitted (the working days of the due time count from this Beijing date)' })
  submittedAt: Date;

  @Field(() => Date, { description: 'When the review is due: 24:00 Beijing time of the 3rd working day after submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'The due time counts days the working-day calendar does not cover yet' })
  dueProvisional: boolean;

  @Field(() => Boolean, { description: 'Pending and past its due time' })
  overdue: boolean;

  @Field(() => ID, { nullable: true, description: 'The reviewer who decided; null while pending' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided; null while pending' })
  decidedAt: Date | null;

  @Field(() => String, { description: "What is reviewed: a round's app or market product id, the package code, or the capability category code" })
  subject: string;

  @Field(() => ID, { nullable: true, description: "The app concerned: an app round's app or a package application's app; null otherwise" })
  appId: string | null;

  @Field(() => ID, { nullable: true, description: "The app's tag (app rounds and package applications); null otherwise" })
  tagCode: string | null;

  static from(item: ReviewItem, now: Date): ReviewItemType {
    return Object.assign(new ReviewItemType(), {
      id: reviewItemGlobalId(item),
      kind: item.kind,
      itemId: item.id,
      status: item.status as ReviewRoundStatus,
      submittedAt: item.submittedAt,
      dueAt: item.dueAt,
      dueProvisional: item.dueProvisional,
      overdue: isItemOverdue(item, now),
      decidedBy: item.decidedBy,
      decidedAt: item.decidedAt,
      subject: item.subject,
      appId: item.appId,
      tagCode: item.tagCode,
    });
  }
}

export const ReviewItemConnectionType = connectionType(ReviewItemType, 'ReviewItem', 'review item');

@InputType('DecideReviewItemInput', { description: 'One decision for any review item: a round, a package application or a member-capability application' })
export class DecideReviewItemInput {
  @Field(() => ReviewItemKind, { description: 'Which workflow the item belongs to' })
  kind: ReviewItemKind;

  @Field(() => ID, { description: "The item's id within its kind (ReviewItem.itemId): a round id or an application id" })
  itemId: string;

  @Field(() => ReviewDecision, { description: 'APPROVE or REJECT' })
  decision: ReviewDecision;

  @Field(() => [String], { nullable: true, description: "REJECT: the kind's codes — RejectionReason codes for rounds (one or more), MemberCapabilityRejection codes for member-capability applications (one or more), none for package applications; unknown codes are refused by name" })
  reasons?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why: required to reject a round or a package application, and a member-capability rejection with OTHER; at most 2,000 characters for rounds, 1,000 for applications' })
  explanation?: string | null;
}

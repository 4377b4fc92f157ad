import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewMessageEntity, ReviewRoundEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';
import { RejectionReason, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType } from './enums';

@ObjectType('ReviewMessage', { simpleResolvers: true, description: "A message in a rejected round's feedback thread" })
export class ReviewMessageType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the review message; the same in every answer that holds it' })
  id: string;

  @Field(() => ReviewMessageAuthor, { description: 'DEVELOPER (feedback) or REVIEWER (an answer)' })
  authorRole: ReviewMessageAuthor;

  @Field(() => ID, { description: 'Who wrote it' })
  authorId: string;

  @Field(() => String, { description: 'The message as written' })
  body: string;

  @Field(() => Date, { description: 'When it was posted' })
  postedAt: Date;

  static from(e: ReviewMessageEntity): ReviewMessageType {
    return Object.assign(new ReviewMessageType(), { id: String(e.id), authorRole: e.authorRole, authorId: e.authorId, body: e.body, postedAt: e.postedAt });
  }
}

@ObjectType('ReviewRound', { simpleResolvers: true, description: 'One review round (DOMAIN §3): opened by a submission, decided once' })
export class ReviewRoundType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the review round; the same in every answer that holds it' })
  id: string;

  @Field(() => ReviewSubjectType, { description: 'APP, MARKET_PRODUCT, PACKAGE_APPLICATION or MEMBER_CAPABILITY_APPLICATION' })
  subjectType: ReviewSubjectType;

  @Field(() => ID, { description: 'The app, market product or application reviewed' })
  subjectId: string;

  @Field(() => Int, { description: '1 for the first submission, 2 for the first resubmission, ...' })
  roundNo: number;

  @Field(() => ReviewRoundStatus, { description: 'PENDING, APPROVED or REJECTED' })
  status: ReviewRoundStatus;

  @Field(() => String, { nullable: true, description: "The subject's tag when submitted" })
  tagCode: string | null;

  @Field(() => Date, { description: 'When it was submitted (the 3 working days count from this Beijing date)' })
  submittedAt: Date;

  @Field(() => Date, { description: 'SLA: 24:00 Beijing of the 3rd working day after the Beijing date of submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'The due date was counted over a year with no calendar rows yet (plain week assumed)' })
  dueProvisional: boolean;

  @Field(() => ID, { nullable: true, description: 'The reviewer who decided (audit)' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided; null while PENDING' })
  decidedAt: Date | null;

  @Field(() => [RejectionReason], { description: 'The rejection reason codes; empty unless REJECTED, and always empty on application rounds (a member-capability rejection keeps its codes on the application)' })
  reasons: RejectionReason[];

  @Field(() => String, { nullable: true, description: "The reviewer's explanation (on an application's round: the package rejection reason or the member-capability note)" })
  explanation: string | null;

  ownerId: string;

  static from(e: Omit<ReviewRoundEntity, 'messages'>): ReviewRoundType {
    return Object.assign(new ReviewRoundType(), {
      id: String(e.id),
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      roundNo: e.roundNo,
      status: e.status,
      tagCode: e.tagCode,
      submittedAt: e.submittedAt,
      dueAt: e.dueAt,
      dueProvisional: e.dueProvisional,
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt,
      reasons: e.reasons,
      explanation: e.explanation,
      ownerId: e.ownerId,
    });
  }
}

@ObjectType('ReviewRoundEdge', { simpleResolvers: true, description: 'One review round of a connection, with its cursor' })
export class ReviewRoundEdgeType {
  @Field(() => String, { description: 'Opaque position of this review round: pass it as `after` to read the review rounds that follow' })
  cursor: string;

  @Field(() => ReviewRoundType, { description: 'The review round itself' })
  node: ReviewRoundType;
}

@ObjectType('ReviewRoundConnection', { simpleResolvers: true, description: "A page of review rounds (Relay cursor connection): the edges in the list's order, where the page sits, and the whole list's count" })
export class ReviewRoundConnectionType {
  @Field(() => [ReviewRoundEdgeType], { description: 'The review rounds of this page, each with its cursor' })
  edges: ReviewRoundEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page sits: pass endCursor as `after` while hasNextPage is true' })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many review rounds the whole list holds (all pages), not only this page' })
  totalCount: number;
}

@InputType('DecideReviewInput', { description: "A reviewer's decision on a pending round" })
export class DecideReviewInput {
  @Field(() => ID, { description: 'The pending round decided' })
  roundId: string;

  @Field(() => ReviewDecision, { description: 'APPROVE or REJECT (REJECT needs reason codes and an explanation)' })
  decision: ReviewDecision;

  @Field(() => [String], { nullable: true, description: 'RejectionReason codes: one or more, required to REJECT; unknown ones are refused by name' })
  reasons?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Required to REJECT' })
  explanation?: string | null;
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewMessageEntity, ReviewRoundEntity } from '../../db/entities';
import { PageInfoType } from './connection.type';
import { RejectionReason, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType } from './enums';

@ObjectType('ReviewMessage', { simpleResolvers: true, description: "A message in a rejected round's feedback thread" })
export class ReviewMessageType {
  @Field(() => ID)
  id: string;

  @Field(() => ReviewMessageAuthor)
  authorRole: ReviewMessageAuthor;

  @Field(() => ID)
  authorId: string;

  @Field(() => String)
  body: string;

  @Field(() => Date)
  postedAt: Date;

  static from(e: ReviewMessageEntity): ReviewMessageType {
    return Object.assign(new ReviewMessageType(), { id: String(e.id), authorRole: e.authorRole, authorId: e.authorId, body: e.body, postedAt: e.postedAt });
  }
}

@ObjectType('ReviewRound', { simpleResolvers: true, description: 'One review round (DOMAIN §3): opened by a submission, decided once' })
export class ReviewRoundType {
  @Field(() => ID)
  id: string;

  @Field(() => ReviewSubjectType)
  subjectType: ReviewSubjectType;

  @Field(() => ID)
  subjectId: string;

  @Field(() => Int, { description: '1 for the first submission, 2 for the first resubmission, ...' })
  roundNo: number;

  @Field(() => ReviewRoundStatus)
  status: ReviewRoundStatus;

  @Field(() => String, { nullable: true, description: "The subject's tag when submitted" })
  tagCode: string | null;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Date, { description: 'SLA: 24:00 Beijing of the 3rd working day after the Beijing date of submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'The due date was counted over a year with no calendar rows yet (plain week assumed)' })
  dueProvisional: boolean;

  @Field(() => ID, { nullable: true, description: 'The reviewer who decided (audit)' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => [RejectionReason], { description: 'Empty unless REJECTED' })
  reasons: RejectionReason[];

  @Field(() => String, { nullable: true, description: "The reviewer's explanation" })
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

@ObjectType('ReviewRoundEdge', { simpleResolvers: true })
export class ReviewRoundEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => ReviewRoundType)
  node: ReviewRoundType;
}

@ObjectType('ReviewRoundConnection', { simpleResolvers: true })
export class ReviewRoundConnectionType {
  @Field(() => [ReviewRoundEdgeType])
  edges: ReviewRoundEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@InputType('DecideReviewInput')
export class DecideReviewInput {
  @Field(() => ID)
  roundId: string;

  @Field(() => ReviewDecision)
  decision: ReviewDecision;

  @Field(() => [String], { nullable: true, description: 'RejectionReason codes: one or more, required to REJECT; unknown ones are refused by name' })
  reasons?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Required to REJECT' })
  explanation?: string | null;
}

import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AssignmentFilter, ReviewItemKind } from '../../domain/review/assignment.rule';

registerEnumType(ReviewItemKind, {
  name: 'ReviewItemKind',
  description: 'What a reviewer holds: a review round (app or market listing), a package application, a member-capability application',
  valuesConfig: {
    REVIEW_ROUND: { description: 'A review round of an app or a market listing' },
    PACKAGE_APPLICATION: { description: 'A traffic or value-added package application' },
    MEMBER_CAPABILITY_APPLICATION: { description: 'A member-capability application' },
  },
});
registerEnumType(AssignmentFilter, {
  name: 'AssignmentFilter',
  description: "MINE: held by the caller; UNASSIGNED: held by nobody; ALL",
  valuesConfig: {
    MINE: { description: 'Only items the caller holds' },
    UNASSIGNED: { description: 'Only items nobody holds' },
    ALL: { description: 'Every pending item, held or not' },
  },
});

@ObjectType('ReviewAssignment', { simpleResolvers: true, description: 'Who holds an open review item' })
export class ReviewAssignmentType {
  @Field(() => ID, { description: 'Stable, opaque identifier of this hold (an item has at most one holder), for client caches' })
  id: string;

  @Field(() => ReviewItemKind, { description: 'Which kind of item itemId names' })
  kind: ReviewItemKind;

  @Field(() => ID, { description: 'Id of the round or application held' })
  itemId: string;

  @Field(() => ID, { description: 'The reviewer holding it' })
  assigneeId: string;

  @Field(() => ID, { description: 'The assignee (a claim) or the lead who assigned it' })
  assignedBy: string;

  @Field(() => Date, { description: 'When it was claimed or assigned' })
  assignedAt: Date;

  static from(e: { itemKind: ReviewItemKind; itemId: string; assigneeId: string; assignedBy: string; assignedAt: Date }): ReviewAssignmentType {
    return Object.assign(new ReviewAssignmentType(), { id: `${e.itemKind}:${e.itemId}`, kind: e.itemKind, itemId: String(e.itemId), assigneeId: e.assigneeId, assignedBy: e.assignedBy, assignedAt: e.assignedAt });
  }
}

@ObjectType('ReleasedReviewItem', { simpleResolvers: true, description: 'An item a reviewer let go: back in the queue unassigned' })
export class ReleasedReviewItemType {
  @Field(() => ReviewItemKind, { description: 'Which kind of item itemId names' })
  kind: ReviewItemKind;

  @Field(() => ID, { description: 'Id of the round or application released' })
  itemId: string;

  @Field(() => ID, { description: 'Who held it' })
  releasedFrom: string;
}

@ObjectType('ReviewLead', { simpleResolvers: true, description: 'Whether a reviewer may assign items to others' })
export class ReviewLeadType {
  @Field(() => ID, { description: 'Id of the reviewer' })
  reviewerId: string;

  @Field(() => Boolean, { description: 'True: may assign and reassign' })
  lead: boolean;
}

@ObjectType('ReviewTiming', { simpleResolvers: true, description: 'How close an open item is to its due time' })
export class ReviewTimingType {
  @Field(() => Float, { description: 'Working hours left before the due time (whole working days count 24 h; 0 once due)' })
  workingHoursLeft: number;

  @Field(() => Boolean, { description: 'Open, not yet overdue, and due within REVIEW_AT_RISK_WORKING_HOURS working hours' })
  atRisk: boolean;
}

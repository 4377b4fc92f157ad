import { LocalDate } from './local-date.scalar';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PackageApplicationEntity, ReviewRoundEntity } from '../../db/entities';
import { ReviewRoundType } from './review.type';
import { isOverdue } from '../../domain/common/sla.rule';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { isItemOverdue, ReviewItem } from '../../domain/review/review-item';
import { PendingApplication } from '../loaders/application.loader';
import { ApplicationStatus, PackageKind, PendingApplicationKind } from './enums';
import { EligibilityRuleType } from './refusal.type';

/** The application's round: every application is reviewed in one (opened at its submission). */
function roundOf(e: { id: string; round?: Omit<ReviewRoundEntity, 'messages'> }): Omit<ReviewRoundEntity, 'messages'> {
  if (!e.round) throw new Error(`package application ${e.id} was read without its review round`);
  return e.round;
}

@ObjectType('PackageApplication', { simpleResolvers: true, description: 'An application for a traffic or value-added package (DOMAIN §2.3, §2.4)' })
export class PackageApplicationType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the package application; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { description: 'Id of the app that applied' })
  appId: string;

  @Field(() => PackageKind, { description: 'TRAFFIC (the next rung of the ladder) or VALUE_ADDED' })
  kind: PackageKind;

  @Field(() => ID, { description: 'The package applied for' })
  packageCode: string;

  @Field(() => Int, { nullable: true, description: 'TRAFFIC: the rung applied for, calls/day' })
  requestedQuota: number | null;

  @Field(() => ApplicationStatus, { description: 'PENDING, APPROVED or REJECTED' })
  status: ApplicationStatus;

  @Field(() => Date, { description: 'When it was filed' })
  submittedAt: Date;

  @Field(() => Date, { description: 'End (24:00 Beijing) of the 3rd working day after submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'The due time counts days the working-day calendar does not cover yet' })
  dueProvisional: boolean;

  @Field(() => [EligibilityRuleType], { description: 'The rules as checked at submission' })
  eligibility: EligibilityRuleType[];

  @Field(() => ID, { nullable: true, description: 'The reviewer who decided (issue 18)' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When a reviewer decided it; null while PENDING' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The reviewer's reason; null unless REJECTED" })
  rejectionReason: string | null;

  @Field(() => ReviewRoundType, { description: 'Its review round (issue 13): the due time and decision live there, and the feedback thread of a rejection (postReviewFeedback with its id)' })
  round: ReviewRoundType;

  static from(e: PackageApplicationEntity): PackageApplicationType {
    const round = roundOf(e);
    return Object.assign(new PackageApplicationType(), {
      id: String(e.id),
      appId: String(e.appId),
      kind: e.kind,
      packageCode: e.packageCode,
      requestedQuota: e.requestedQuota,
      status: e.status,
      submittedAt: e.submittedAt,
      dueAt: round.dueAt,
      dueProvisional: round.dueProvisional,
      eligibility: e.eligibility.map((c) => Object.assign(new EligibilityRuleType(), c)),
      decidedAt: round.decidedAt,
      decidedBy: round.decidedBy,
      rejectionReason: e.status === ApplicationStatus.REJECTED ? round.explanation : null,
      round: ReviewRoundType.from(round),
    });
  }
}

@ObjectType('TrafficPackageEligibility', { simpleResolvers: true, description: 'What an application for the next rung would meet now (DOMAIN §2.3)' })
export class TrafficPackageEligibilityType {
  @Field(() => ID, { description: 'Id of the app checked' })
  appId: string;

  @Field(() => Boolean, { description: 'True if every rule passed' })
  eligible: boolean;

  @Field(() => Int, { nullable: true, description: "The app's current daily quota" })
  currentQuota: number | null;

  @Field(() => Int, { nullable: true, description: 'The next rung of the ladder, the only one that may be applied for' })
  nextRung: number | null;

  @Field(() => ID, { nullable: true, description: 'The package code of the next rung' })
  nextRungPackageCode: string | null;

  @Field(() => LocalDate, { description: 'First Beijing date of the 7 complete days measured' })
  windowFrom: string;

  @Field(() => LocalDate, { description: 'Last Beijing date of the 7 complete days measured' })
  windowTo: string;

  @Field(() => [EligibilityRuleType], { description: 'Every rule, passed or not, with its measured figure and threshold' })
  rules: EligibilityRuleType[];

  @Field(() => String, { nullable: true, description: "CONTRACT and UV_BASED tags: the offline channel (the tag's traffic note)" })
  offlineChannel: string | null;
}

@ObjectType('ApplicationQueueItem', { description: 'A pending application in the reviewer queue' })
export class ApplicationQueueItemType {
  @Field(() => String, { description: 'PACKAGE or MEMBER_CAPABILITY' })
  type: string;

  @Field(() => ID, { description: 'Stable, opaque identifier of the application queue item; the same in every answer that holds it' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The app a package application is for; null for a member-capability application (of a developer)' })
  appId: string | null;

  @Field(() => String, { description: 'What is applied for: a package code, or the capability category' })
  subject: string;

  @Field(() => Date, { description: 'When the application was filed' })
  submittedAt: Date;

  @Field(() => Date, { description: 'When the review is due: 24:00 Beijing time of the 3rd working day after submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'Past its due time and still pending' })
  overdue: boolean;

  /** The deprecated queue's item, from the reviewer queue's view. */
  static from(item: ReviewItem, now: Date): ApplicationQueueItemType {
    return Object.assign(new ApplicationQueueItemType(), {
      type: item.kind === ReviewItemKind.PACKAGE_APPLICATION ? 'PACKAGE' : 'MEMBER_CAPABILITY',
      id: item.id,
      appId: item.appId,
      subject: item.subject,
      submittedAt: item.submittedAt,
      dueAt: item.dueAt,
      overdue: isItemOverdue(item, now),
    });
  }
}

/** A pending application as the home page shows it: what it asks for and when it is due. */
@ObjectType('PendingApplication', { simpleResolvers: true, description: 'A pending application (package or member capability) with its due time' })
export class PendingApplicationType {
  @Field(() => PendingApplicationKind, { description: 'TRAFFIC, VALUE_ADDED or MEMBER_CAPABILITY' })
  kind: PendingApplicationKind;

  @Field(() => ID, { description: 'The id `packageApplication` or `memberCapabilityApplication` reads' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The app applied for; null for member-capability applications (they belong to the developer)' })
  appId: string | null;

  @Field(() => String, { description: 'What is applied for: a package code, or the capability category code' })
  subject: string;

  @Field(() => Int, { nullable: true, description: 'TRAFFIC: the rung applied for, calls/day' })
  requestedQuota: number | null;

  @Field(() => Date, { description: 'When it was filed' })
  submittedAt: Date;

  @Field(() => Date, { description: 'End (24:00 Beijing) of the 3rd working day after submission' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'The due time counts days the working-day calendar does not cover yet' })
  dueProvisional: boolean;

  @Field(() => Boolean, { description: 'Past its due time and still pending' })
  overdue: boolean;

  static from(p: PendingApplication, now: Date): PendingApplicationType {
    return Object.assign(new PendingApplicationType(), p, { overdue: isOverdue(p.dueAt, now) });
  }
}

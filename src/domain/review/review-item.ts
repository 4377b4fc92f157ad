import { ReviewItemKind } from './assignment.rule';
import { isPendingOverdue } from './review-queue.rule';

/** An item's status: the same three for rounds and applications. */
export type ReviewItemStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/**
 * What a reviewer works on, whatever the workflow (issue 13): an app or market-listing review
 * round, a package application, a member-capability application. Every workflow's row maps to
 * it, and the reviewer queue (`reviewerQueue`) lists it, earliest due first.
 */
export interface ReviewItem {
  readonly kind: ReviewItemKind;
  /** The id within its kind (the id `claimReviewItem` and the workflow's own query take). */
  readonly id: string;
  readonly status: ReviewItemStatus;
  readonly submittedAt: Date;
  readonly dueAt: Date;
  readonly dueProvisional: boolean;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  /** What is reviewed: the app or listing id of a round, the package code, the capability category. */
  readonly subject: string;
  /** The app concerned: a round's app, a package application's app; null otherwise. */
  readonly appId: string | null;
  /** The app's tag (rounds of apps, package applications); null otherwise. */
  readonly tagCode: string | null;
}

/** Where an item stands in the queue: earliest due, then earliest submitted, then kind, then id. */
export interface QueuePosition {
  readonly dueAt: Date;
  readonly submittedAt: Date;
  readonly kind: ReviewItemKind;
  readonly id: string;
}

/** The queue's order as a comparison (the queue's SQL orders the same way; ids are decimal digits without leading zeros). */
export function compareQueuePosition(a: QueuePosition, b: QueuePosition): number {
  return (
    a.dueAt.getTime() - b.dueAt.getTime() ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    a.id.length - b.id.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** An opaque, stable id unique across kinds (client caches key items by it). */
export const reviewItemGlobalId = (item: { kind: ReviewItemKind; id: string }): string => `${item.kind}:${item.id}`;

/** A pending item is overdue from its due instant; a decided one never is. */
export const isItemOverdue = (item: Pick<ReviewItem, 'status' | 'dueAt'>, now: Date): boolean => isPendingOverdue(item.status === 'PENDING', item.dueAt, now);

const POSITION_RE = /^q1:(\d{1,15}):(\d{1,15}):(REVIEW_ROUND|PACKAGE_APPLICATION|MEMBER_CAPABILITY_APPLICATION):(\d{1,20})$/;

/** The queue cursor: the last item's position, as an opaque string. */
export const encodeQueuePosition = (p: QueuePosition): string => Buffer.from(`q1:${p.dueAt.getTime()}:${p.submittedAt.getTime()}:${p.kind}:${p.id}`).toString('base64url');

/** The position a cursor names, or null when it is not one this API issued. */
export function decodeQueuePosition(cursor: string): QueuePosition | null {
  const m = POSITION_RE.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { dueAt: new Date(Number(m[1])), submittedAt: new Date(Number(m[2])), kind: m[3] as ReviewItemKind, id: m[4] } : null;
}

/**
 * The item a round is, in the reviewer's terms: an app or market-listing round is a REVIEW_ROUND
 * (its own id); an application's round is the application (its kind and the application's id,
 * the ids `claimReviewItem` and the workflow's queries take).
 */
export function itemOfRound(round: { id: string; subjectType: string; subjectId: string }): { kind: ReviewItemKind; id: string } {
  if (round.subjectType === ReviewItemKind.PACKAGE_APPLICATION) return { kind: ReviewItemKind.PACKAGE_APPLICATION, id: round.subjectId };
  if (round.subjectType === ReviewItemKind.MEMBER_CAPABILITY_APPLICATION) return { kind: ReviewItemKind.MEMBER_CAPABILITY_APPLICATION, id: round.subjectId };
  return { kind: ReviewItemKind.REVIEW_ROUND, id: String(round.id) };
}

/** A round as the view needs it: its own id and subject, and the item fields it holds. */
export type RoundForItem = Pick<ReviewItem, 'status' | 'submittedAt' | 'dueAt' | 'dueProvisional' | 'decidedBy' | 'decidedAt' | 'tagCode'> & {
  readonly id: string;
  readonly subjectType: string;
  readonly subjectId: string;
};

/**
 * Every workflow's item as a `ReviewItem`, from its round and what the workflow reviews: an app or
 * listing round (`subject` the app or product id), a package application (the package code, its
 * app) or a member-capability application (the category).
 */
export function reviewItemOf(round: RoundForItem, what: { subject: string; appId: string | null }): ReviewItem {
  const { kind, id } = itemOfRound(round);
  return {
    kind,
    id,
    status: round.status,
    submittedAt: round.submittedAt,
    dueAt: round.dueAt,
    dueProvisional: round.dueProvisional,
    decidedBy: round.decidedBy,
    decidedAt: round.decidedAt,
    subject: what.subject,
    appId: what.appId,
    tagCode: round.tagCode,
  };
}

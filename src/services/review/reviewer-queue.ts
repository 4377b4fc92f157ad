import { DataSource } from 'typeorm';
import { AssignmentFilter, ReviewItemKind } from '../../domain/review/assignment.rule';
import { QueuePosition, ReviewItem, ReviewItemStatus } from '../../domain/review/review-item';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { AssignmentScope } from './review-assignment.service';

/**
 * Each kind's items are review rounds (issue 13: applications are reviewed in rounds too), alias
 * `x`; `id` is the item's id (a round's own, an application's), `subject` what is reviewed.
 */
const ARMS: Record<ReviewItemKind, { from: string; id: string; columns: string; tag: boolean }> = {
  [ReviewItemKind.REVIEW_ROUND]: {
    from: `review_round x`,
    id: 'x.id',
    columns: `x.subject_id AS subject, CASE WHEN x.subject_type = '${ReviewSubjectType.APP}' THEN x.subject_id END AS app_id`,
    tag: true,
  },
  [ReviewItemKind.PACKAGE_APPLICATION]: {
    from: 'review_round x JOIN package_application a ON a.id = x.subject_id',
    id: 'a.id',
    columns: 'a.package_code AS subject, a.app_id',
    tag: true,
  },
  [ReviewItemKind.MEMBER_CAPABILITY_APPLICATION]: {
    from: 'review_round x JOIN member_capability_application a ON a.id = x.subject_id',
    id: 'a.id',
    columns: 'a.category_code AS subject, NULL AS app_id',
    tag: false,
  },
};

/** The round subjects each kind covers. */
const SUBJECTS: Record<ReviewItemKind, readonly ReviewSubjectType[]> = {
  [ReviewItemKind.REVIEW_ROUND]: [ReviewSubjectType.APP, ReviewSubjectType.MARKET_PRODUCT],
  [ReviewItemKind.PACKAGE_APPLICATION]: [ReviewSubjectType.PACKAGE_APPLICATION],
  [ReviewItemKind.MEMBER_CAPABILITY_APPLICATION]: [ReviewSubjectType.MEMBER_CAPABILITY_APPLICATION],
};

/** The kinds in queue order (ties on due and submission instants go by kind, as `compareQueuePosition`). */
export const QUEUE_KINDS: readonly ReviewItemKind[] = Object.values(ReviewItemKind).sort();

export interface ReviewerQueueQuery {
  /** Only these kinds; empty or absent: every kind. */
  readonly kinds?: readonly ReviewItemKind[] | null;
  /** Only items of apps with this tag (members' capability applications have none, so they drop out). */
  readonly tagCode?: string | null;
  readonly assignment?: AssignmentScope | null;
  readonly limit: number;
  readonly after: QueuePosition | null;
}

interface Row {
  kind: ReviewItemKind;
  id: string | number;
  status: ReviewItemStatus;
  submitted_at: Date;
  due_at: Date;
  due_provisional: number;
  decided_by: string | null;
  decided_at: Date | null;
  subject: string;
  app_id: string | number | null;
  tag_code: string | null;
}

const itemOf = (r: Row): ReviewItem => ({
  kind: r.kind,
  id: String(r.id),
  status: r.status,
  submittedAt: r.submitted_at,
  dueAt: r.due_at,
  dueProvisional: Boolean(r.due_provisional),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  subject: r.subject,
  appId: r.app_id == null ? null : String(r.app_id),
  tagCode: r.tag_code,
});

/**
 * The reviewer queue over every workflow (issue 13): the pending rounds of apps and market listings,
 * package applications and member-capability applications as `ReviewItem`s, earliest due first
 * (then earliest submitted, kind, id), one page after a keyset position. Paged in SQL: each kind's
 * arm reads at most `limit + 1` pending rounds after the position on the rounds' (status, due_at,
 * id) index, the union is ordered and cut again; the total is one COUNT per arm in one statement.
 */
export class ReviewerQueueService {
  constructor(private readonly ds: DataSource) {}

  async page(q: ReviewerQueueQuery): Promise<{ items: ReviewItem[]; hasNextPage: boolean; totalCount: number }> {
    const kinds = QUEUE_KINDS.filter((k) => !q.kinds?.length || q.kinds.includes(k)).filter((k) => !q.tagCode || ARMS[k].tag);
    if (kinds.length === 0) return { items: [], hasNextPage: false, totalCount: 0 };
    const pageArms = kinds.map((k) => this.arm(k, q, true));
    const countArms = kinds.map((k) => this.arm(k, q, false));
    const [rows, [count]] = await Promise.all([
      this.ds.query(`${pageArms.map((a) => `(${a.sql})`).join(' UNION ALL ')} ORDER BY due_at, submitted_at, kind, id LIMIT ?`, [...pageArms.flatMap((a) => a.params), q.limit + 1]),
      this.ds.query(`SELECT ${countArms.map((a) => `(${a.sql})`).join(' + ')} AS n`, countArms.flatMap((a) => a.params)),
    ]);
    const items = (rows as Row[]).map(itemOf);
    return { items: items.slice(0, q.limit), hasNextPage: items.length > q.limit, totalCount: Number(count.n) };
  }

  /** One kind's pending items: a page after the position (`paged`), or their count. */
  private arm(kind: ReviewItemKind, q: ReviewerQueueQuery, paged: boolean): { sql: string; params: unknown[] } {
    const arm = ARMS[kind];
    const where = ["x.status = 'PENDING'", `x.subject_type IN (${SUBJECTS[kind].map(() => '?').join(', ')})`];
    const params: unknown[] = [...SUBJECTS[kind]];
    if (q.tagCode) {
      where.push('x.tag_code = ?');
      params.push(q.tagCode);
    }
    const scope = q.assignment;
    if (scope && scope.filter !== AssignmentFilter.ALL) {
      where.push(`${arm.id} ${scope.filter === AssignmentFilter.MINE ? 'IN' : 'NOT IN'} (SELECT ra.item_id FROM review_assignment ra WHERE ra.item_kind = ?${scope.filter === AssignmentFilter.MINE ? ' AND ra.assignee_id = ?' : ''})`);
      params.push(kind, ...(scope.filter === AssignmentFilter.MINE ? [scope.viewerId ?? ''] : []));
    }
    if (!paged) return { sql: `SELECT COUNT(*) FROM ${arm.from} WHERE ${where.join(' AND ')}`, params };
    const p = q.after;
    if (p) {
      // After (due, submitted, kind, id): the kind is this arm's constant, so its part of the key is decided here.
      const tail = kind > p.kind ? 'TRUE' : kind === p.kind ? `${arm.id} > ?` : 'FALSE';
      where.push(`(x.due_at > ? OR (x.due_at = ? AND (x.submitted_at > ? OR (x.submitted_at = ? AND ${tail}))))`);
      params.push(p.dueAt, p.dueAt, p.submittedAt, p.submittedAt, ...(kind === p.kind ? [p.id] : []));
    }
    params.push(q.limit + 1);
    return {
      sql: `SELECT '${kind}' AS kind, ${arm.id} AS id, x.status, x.submitted_at, x.due_at, x.due_provisional, x.decided_by, x.decided_at, x.tag_code, ${arm.columns}
              FROM ${arm.from} WHERE ${where.join(' AND ')} ORDER BY x.due_at, x.submitted_at, ${arm.id} LIMIT ?`,
      params,
    };
  }
}

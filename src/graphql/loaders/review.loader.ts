import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ReviewMessageEntity, ReviewRoundEntity } from '../../db/entities';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { REVIEW_ROUND_COLUMNS, reviewRoundFromRow, ReviewRoundRow } from '../../db/raw-rows';
import { CalendarService } from '../../services/calendar/calendar.service';
import { SortKey } from '../../services/common/pagination';
import { childPagesLoader } from './keyset.loader';

/** A subject's review rounds (an app's, a market product's), newest first: the round number is unique per subject. */
export const REVIEW_ROUND_ORDER: SortKey<ReviewRoundRow>[] = [{ sql: 'round_no', dir: 'DESC', kind: 'number', of: (r) => Number(r.roundNo) }];

/**
 * Pages of one kind of subject's review rounds, newest first, paged in SQL: one SELECT for a page
 * of subjects and one page argument set (`App.reviewRounds`, with `App.latestReviewRound` as a page
 * of one; `MarketProduct.reviewRounds`).
 */
export const reviewRoundPagesBySubjectLoader = (ds: DataSource, subjectType: ReviewSubjectType) =>
  childPagesLoader<ReviewRoundRow>(ds, {
    table: 'review_round',
    parent: 'subject_id',
    select: REVIEW_ROUND_COLUMNS,
    keys: REVIEW_ROUND_ORDER,
    where: { sql: 'subject_type = ?', params: [subjectType] },
    map: reviewRoundFromRow,
  });

/** A round's feedback thread, oldest first (id, unique). */
export const REVIEW_MESSAGE_ORDER: SortKey<ReviewMessageEntity>[] = [{ sql: 'id', dir: 'ASC', kind: 'number', of: (m) => Number(m.id) }];

/** Pages of a round's feedback thread, paged in SQL: one SELECT for a page of rounds (`ReviewRound.thread`), not one per round. */
export const reviewMessagePagesByRoundLoader = (ds: DataSource) =>
  childPagesLoader<ReviewMessageEntity>(ds, {
    table: 'review_message',
    parent: 'round_id',
    select: 'id, round_id, author_id, author_role, body, posted_at',
    keys: REVIEW_MESSAGE_ORDER,
    map: (r) => Object.assign(new ReviewMessageEntity(), { id: String(r.id), roundId: String(r.round_id), authorId: String(r.author_id), authorRole: r.author_role, body: String(r.body), postedAt: new Date(r.posted_at as Date) }),
  });

/**
 * Working days left, keyed `<nowMs>:<dueAtMs>`: one call for a whole page of rounds instead of
 * one per round for `ReviewRound.workingDaysLeft` (the calendar itself is kept in process by
 * CalendarService, so a request reads no calendar row).
 */
export const workingDaysLeftLoader = (calendar: CalendarService) => {
  return new DataLoader<string, number>(async (keys) => {
    const parsed = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const out = new Array<number>(keys.length);
    const byNow = new Map<number, number[]>();
    parsed.forEach(([now], i) => byNow.set(now, [...(byNow.get(now) ?? []), i]));
    for (const [now, idx] of byNow) {
      const left = await calendar.workingDaysLeftMany(new Date(now), idx.map((i) => new Date(parsed[i][1])));
      idx.forEach((i, j) => (out[i] = left[j]));
    }
    return out;
  });
};

/** A round by id: prevents one SELECT per queue item for `ReviewItem.round` and the deprecated `reviewQueue`. */
export const reviewRoundByIdLoader = (ds: DataSource) =>
  new DataLoader<string, ReviewRoundRow | null>(
    async (ids) => {
      const rows = await ds.query(`SELECT ${REVIEW_ROUND_COLUMNS} FROM review_round WHERE id IN (?)`, [ids.map((id) => (/^\d{1,20}$/.test(id) ? id : '0'))]);
      const by = new Map<string, ReviewRoundRow>();
      for (const raw of rows) {
        const r = reviewRoundFromRow(raw);
        by.set(String(r.id), r);
      }
      return ids.map((id) => by.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );

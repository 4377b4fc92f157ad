import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { ReviewMessageEntity, ReviewRoundEntity } from '../../db/entities';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import { REVIEW_ROUND_COLUMNS, reviewRoundFromRow, ReviewRoundRow } from '../../db/raw-rows';
import { CalendarService } from '../../services/calendar/calendar.service';
import { SortKey } from '../../services/common/pagination';
import { childPagesLoader } from './keyset.loader';

/** An app's review rounds, newest first: the round number is unique per subject. */
export const APP_REVIEW_ROUND_ORDER: SortKey<ReviewRoundRow>[] = [{ sql: 'round_no', dir: 'DESC', kind: 'number', of: (r) => Number(r.roundNo) }];

/**
 * Pages of an app's review rounds, paged in SQL: one SELECT for a page of apps and one page
 * argument set (`App.reviewRounds`, and `App.latestReviewRound` as a page of one).
 */
export const reviewRoundPagesByAppLoader = (ds: DataSource) =>
  childPagesLoader<ReviewRoundRow>(ds, {
    table: 'review_round',
    parent: 'subject_id',
    select: REVIEW_ROUND_COLUMNS,
    keys: APP_REVIEW_ROUND_ORDER,
    where: { sql: 'subject_type = ?', params: [ReviewSubjectType.APP] },
    map: reviewRoundFromRow,
  });

/** A round's feedback thread, oldest first: prevents one SELECT per round for `ReviewRound.thread`. */
export const reviewMessagesByRoundLoader = (ds: DataSource) =>
  new DataLoader<string, ReviewMessageEntity[]>(
    async (roundIds) => {
      const rows = await ds.getRepository(ReviewMessageEntity).find({ where: { roundId: In([...roundIds]) }, order: { id: 'ASC' } });
      const by = new Map<string, ReviewMessageEntity[]>(roundIds.map((id) => [id, []]));
      for (const m of rows) by.get(String(m.roundId))?.push(m);
      return roundIds.map((id) => by.get(id) ?? []);
    },
    { maxBatchSize: 500 },
  );

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

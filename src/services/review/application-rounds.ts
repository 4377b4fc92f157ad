import { EntityManager, In } from 'typeorm';
import { ReviewRoundEntity } from '../../db/entities';
import { ReviewSubjectType } from '../../domain/review/review.enums';

type Round = Omit<ReviewRoundEntity, 'messages'>;

/**
 * Reads the review rounds of many applications in one statement and sets each row's `round` (an
 * application has one round, opened at its submission; the latest is taken should there be more).
 */
export async function attachRounds<T extends { id: string; round?: Round }>(em: EntityManager, type: ReviewSubjectType, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return rows;
  const rounds = await em.find(ReviewRoundEntity, { where: { subjectType: type, subjectId: In(rows.map((r) => String(r.id))) }, order: { roundNo: 'ASC' } });
  const by = new Map(rounds.map((r) => [r.subjectId, r]));
  for (const row of rows) {
    const round = by.get(String(row.id));
    if (!round) throw new Error(`${type} ${row.id} has no review round`);
    row.round = round;
  }
  return rows;
}

/** One application with its round. */
export async function withRound<T extends { id: string; round?: Round }>(em: EntityManager, type: ReviewSubjectType, row: T): Promise<T & { round: Round }> {
  await attachRounds(em, type, [row]);
  return row as T & { round: Round };
}

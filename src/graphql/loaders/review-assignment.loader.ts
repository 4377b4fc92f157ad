import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { workingHoursLeft } from '../../domain/review/assignment.rule';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import { beijingDate } from '../../domain/common/beijing-time';
import { ReviewAssignmentEntity } from '../../db/entities';
import { CalendarService } from '../../services/calendar/calendar.service';

export const assignmentKey = (kind: ReviewItemKind, id: string): string => `${kind}|${id}`;

/** Who holds a review item, keyed `<kind>|<id>`: prevents one SELECT per queue row. */
export const assignmentByItemLoader = (ds: DataSource) =>
  new DataLoader<string, ReviewAssignmentEntity | null>(
    async (keys) => {
      const byKind = new Map<ReviewItemKind, string[]>();
      for (const k of keys) {
        const [kind, id] = k.split('|') as [ReviewItemKind, string];
        byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
      }
      const found = new Map<string, ReviewAssignmentEntity>();
      for (const [kind, ids] of byKind) {
        for (const r of await ds.getRepository(ReviewAssignmentEntity).findBy({ itemKind: kind, itemId: In(ids) })) found.set(assignmentKey(kind, String(r.itemId)), r);
      }
      return keys.map((k) => found.get(k) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** Working hours left, keyed `<nowMs>:<dueAtMs>`: one calendar read for a page of items instead of one per item. */
export const workingHoursLeftLoader = (ds: DataSource) => {
  const calendar = new CalendarService(ds);
  return new DataLoader<string, number>(async (keys) => {
    const parsed = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const earliest = parsed.reduce((min, [now]) => Math.min(min, now), Infinity);
    const cal = await calendar.load(beijingDate(new Date(earliest)));
    return parsed.map(([now, due]) => workingHoursLeft(cal, new Date(now), new Date(due)));
  });
};

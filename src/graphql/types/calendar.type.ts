import { LocalDate } from './local-date.scalar';
import { Field, Int, ObjectType } from 'type-graphql';
import { CalendarDayEntity } from '../../db/entities';
import { CalendarDayView, WorkingDaysView } from '../../services/calendar/calendar.service';
import { CalendarDayKind } from './enums';

@ObjectType('CalendarDay', { simpleResolvers: true, description: 'A stored calendar row: a day that differs from the plain week (DOMAIN §3)' })
export class CalendarDayType {
  @Field(() => LocalDate, { description: 'Beijing date, YYYY-MM-DD' })
  date: string;

  @Field(() => CalendarDayKind, { description: 'OFF (holiday) or WORKDAY (make-up working day)' })
  kind: CalendarDayKind;

  @Field(() => String, { description: 'Why the day differs, e.g. "National Day" or "make-up for Spring Festival"' })
  note: string;

  @Field(() => Date, { description: 'When the calendar day last changed (an instant, ISO 8601 UTC)' })
  updatedAt: Date;

  static from(e: CalendarDayEntity): CalendarDayType {
    return Object.assign(new CalendarDayType(), { date: e.date, kind: e.kind, note: e.note, updatedAt: e.updatedAt });
  }
}

@ObjectType('WorkingDay', { simpleResolvers: true, description: 'One Beijing date and whether it is a working day' })
export class WorkingDayType {
  @Field(() => LocalDate, { description: 'The Beijing date, YYYY-MM-DD' })
  date: string;

  @Field(() => Boolean, { description: 'True on a working day (make-up days included)' })
  working: boolean;

  @Field(() => CalendarDayKind, { nullable: true, description: 'The calendar row, if the day differs from the plain week; null when Monday–Friday work and weekends are off' })
  kind: CalendarDayKind | null;

  @Field(() => String, { nullable: true, description: 'The holiday, e.g. "Spring Festival (春节)"' })
  note: string | null;

  @Field(() => Boolean, { description: 'The year has no calendar rows yet: the plain week was assumed' })
  provisional: boolean;

  static from(v: CalendarDayView): WorkingDayType {
    return Object.assign(new WorkingDayType(), v);
  }
}

@ObjectType('WorkingDays', { simpleResolvers: true, description: 'The working-day calendar over a range of Beijing dates' })
export class WorkingDaysType {
  @Field(() => LocalDate, { description: 'First date, YYYY-MM-DD' })
  from: string;

  @Field(() => LocalDate, { description: 'Last date, YYYY-MM-DD' })
  to: string;

  @Field(() => Int, { description: 'Working days from `from` to `to`, both included' })
  count: number;

  @Field(() => Boolean, { description: 'Some day lies in a year with no calendar rows (plain week assumed)' })
  provisional: boolean;

  @Field(() => [WorkingDayType], { description: 'Every date of the range, in order' })
  days: WorkingDayType[];

  static from(v: WorkingDaysView): WorkingDaysType {
    return Object.assign(new WorkingDaysType(), { ...v, days: v.days.map(WorkingDayType.from) });
  }
}

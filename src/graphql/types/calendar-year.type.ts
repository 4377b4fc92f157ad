import { LocalDate } from './local-date.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import './review-assignment.type';

@InputType('ImportCalendarYearInput', { description: "A year's official notice: either lists of holidays and make-up working days, or an ICS file" })
export class ImportCalendarYearInput {
  @Field(() => Int)
  year: number;

  @Field(() => [LocalDate], { nullable: true, description: 'Public holidays of the year (YYYY-MM-DD), OFF' })
  holidays?: string[] | null;

  @Field(() => [LocalDate], { nullable: true, description: 'Make-up working days (调休), Saturdays or Sundays, WORKDAY' })
  workdays?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An iCalendar file of all-day events; make-up working days marked 补班 / 上班 / workday or CATEGORIES:WORKDAY' })
  ics?: string | null;

  @Field(() => String, { nullable: true, description: 'Note on each listed day (≤ 100), e.g. the notice it comes from' })
  note?: string | null;
}

@ObjectType('RecomputedDue', { simpleResolvers: true, description: 'An open item whose due time the import computed again' })
export class RecomputedDueType {
  @Field(() => ReviewItemKind)
  kind: ReviewItemKind;

  @Field(() => ID)
  id: string;

  @Field(() => Date)
  dueAtBefore: Date;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => Boolean)
  provisional: boolean;
}

@ObjectType('CalendarYearImport', { simpleResolvers: true })
export class CalendarYearImportType {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Holidays stored (OFF)' })
  holidays: number;

  @Field(() => Int, { description: 'Make-up working days stored (WORKDAY)' })
  workdays: number;

  @Field(() => Int, { description: "The year's rows there were before, replaced" })
  replaced: number;

  @Field(() => [RecomputedDueType])
  recomputed: RecomputedDueType[];
}

@ObjectType('CalendarCoverage', { simpleResolvers: true, description: 'How far ahead the working-day calendar holds official notices; metric-ready figures' })
export class CalendarCoverageType {
  @Field(() => LocalDate, { description: "Today's Beijing date" })
  today: string;

  @Field(() => [Int])
  coveredYears: number[];

  @Field(() => LocalDate, { nullable: true, description: 'Last date of the unbroken run of covered years from this year; null when this year is not covered' })
  coveredThrough: string | null;

  @Field(() => Int, { description: 'Days from today to coveredThrough' })
  daysAhead: number;

  @Field(() => Int, { description: 'The warning threshold: 60 days' })
  thresholdDays: number;

  @Field(() => Boolean, { description: 'True while fewer than thresholdDays days ahead are covered: import next year' })
  warning: boolean;

  @Field(() => Int, { description: 'Open review rounds and applications whose due time is still provisional' })
  provisionalOpenItems: number;
}

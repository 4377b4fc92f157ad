import { LocalDate } from './local-date.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewItemKind } from '../../domain/review/assignment.rule';
import './review-assignment.type';

@InputType('ImportCalendarYearInput', { description: "A year's official notice: either lists of holidays and make-up working days, or an ICS file" })
export class ImportCalendarYearInput {
  @Field(() => Int, { description: 'The year the official notice covers, e.g. 2027' })
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
  @Field(() => ReviewItemKind, { description: 'What kind of item' })
  kind: ReviewItemKind;

  @Field(() => ID, { description: 'Stable, opaque identifier of the recomputed due; the same in every answer that holds it' })
  id: string;

  @Field(() => Date, { description: 'The due time before the import' })
  dueAtBefore: Date;

  @Field(() => Date, { description: 'The due time under the imported calendar' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'Still provisional: the window reaches a year not yet covered' })
  provisional: boolean;
}

@ObjectType('CalendarYearImport', { simpleResolvers: true, description: "The result of importing a year's official calendar: the due times it moved" })
export class CalendarYearImportType {
  @Field(() => Int, { description: 'The calendar year the imported notice covers' })
  year: number;

  @Field(() => Int, { description: 'Holidays stored (OFF)' })
  holidays: number;

  @Field(() => Int, { description: 'Make-up working days stored (WORKDAY)' })
  workdays: number;

  @Field(() => Int, { description: "The year's rows there were before, replaced" })
  replaced: number;

  @Field(() => [RecomputedDueType], { description: 'Open rounds and applications whose due time changed with the new calendar' })
  recomputed: RecomputedDueType[];
}

@ObjectType('CalendarCoverage', { simpleResolvers: true, description: 'How far ahead the working-day calendar holds official notices; metric-ready figures' })
export class CalendarCoverageType {
  @Field(() => LocalDate, { description: "Today's Beijing date" })
  today: string;

  @Field(() => [Int], { description: 'The years the calendar holds an official notice for, ascending' })
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

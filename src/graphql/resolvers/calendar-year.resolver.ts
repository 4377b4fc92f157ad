import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { CalendarCoverageType, CalendarYearImportType, ImportCalendarYearInput } from '../types/calendar-year.type';
import { ImportCalendarYearResult } from '../types/platform-results.type';
import { toPayload } from './result';

/** Calendar years (issue 18): a year's official notice imported at once; coverage ahead. */
@Resolver()
export class CalendarYearResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => ImportCalendarYearResult, {
    description: "Operator: replace a year's calendar with its official notice (a list, or an ICS file); open rounds and applications get their due time computed again. Audited",
  })
  async importCalendarYear(@Arg('input', () => ImportCalendarYearInput, { description: 'The year to import from the official notice' }) input: ImportCalendarYearInput, @Ctx() { viewer, services }: Context) {
    return toPayload(await services.calendarYears.importYear(viewer, input), (r) => Object.assign(new CalendarYearImportType(), { ...r, recomputed: [...r.recomputed] }));
  }

  @Authorized(Role.OPERATOR)
  @Query(() => CalendarCoverageType, { description: 'Operator: how far ahead the calendar is covered; warns under 60 days' })
  async calendarCoverage(@Ctx() { services }: Context): Promise<CalendarCoverageType> {
    const c = await services.calendarYears.coverage();
    return { ...c, coveredYears: [...c.coveredYears] };
  }
}

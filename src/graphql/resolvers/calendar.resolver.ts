import { LocalDate } from '../types/local-date.scalar';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/common/role';
import { Context } from '../context';
import { CalendarDayType, WorkingDaysType } from '../types/calendar.type';
import { CalendarDayKind } from '../types/enums';
import { SetCalendarDayResult } from '../types/results.type';
import { badUserInput, toPayload } from './result';

@Resolver()
export class CalendarResolver {
  @Query(() => WorkingDaysType, { description: 'The working-day calendar from `from` to `to` (YYYY-MM-DD, Beijing dates, at most 366 days); public' })
  async workingDays(@Arg('from', () => LocalDate, { description: 'First Beijing date, YYYY-MM-DD' }) from: string, @Arg('to', () => LocalDate, { description: 'Last Beijing date, YYYY-MM-DD, at most 366 days after `from`' }) to: string, @Ctx() { services }: Context): Promise<WorkingDaysType> {
    const result = await services.calendar.workingDays(from, to);
    if (!result.ok) throw badUserInput(result.refusal.kind === 'INVALID_INPUT' ? result.refusal.violations : []);
    return WorkingDaysType.from(result.value);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SetCalendarDayResult, { description: 'Operator: marks a Beijing date OFF (holiday) or WORKDAY (make-up working day); a row in a new year makes that year covered' })
  async setCalendarDay(
    @Arg('date', () => LocalDate, { description: 'The Beijing date, YYYY-MM-DD' }) date: string,
    @Arg('kind', () => CalendarDayKind, { description: 'OFF (a holiday on a weekday) or WORKDAY (a worked weekend day)' }) kind: CalendarDayKind,
    @Arg('note', () => String, { nullable: true, description: 'Why the day differs' }) note: string | null,
    @Ctx() { viewer, services }: Context,
  ) {
    return toPayload(await services.calendar.setDay(viewer, date, kind, note), CalendarDayType.from);
  }
}

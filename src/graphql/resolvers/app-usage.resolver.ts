import { LocalDate } from '../types/local-date.scalar';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { beijingDate } from '../../domain/common/beijing-time';
import { checkUsageRange, usageDays } from '../../domain/usage/usage-days.rule';
import { Context } from '../context';
import { usageKey } from '../loaders/usage.loader';
import { AppType } from '../types/app.type';
import { UsageDayType, UsageTodayType } from '../types/app-usage.type';
import { quotaTodayOf } from './quota-today';
import { badUserInput } from './result';

/** What the gateway reported for an app, per day, as its owner (and staff) see it. Whoever may read the app may read these. */
@Resolver(() => AppType)
export class AppUsageResolver {
  @FieldResolver(() => [UsageDayType], { description: 'Each day from `from` to `to` (Beijing dates, at most 90 days) with its reported usage per meter' })
  async usage(@Root() app: AppType, @Arg('from', () => LocalDate, { description: 'First Beijing date of the range, YYYY-MM-DD' }) from: string, @Arg('to', () => LocalDate, { description: 'Last Beijing date of the range, YYYY-MM-DD, not before `from` and at most 90 days after it' }) to: string, @Ctx() { loaders }: Context): Promise<UsageDayType[]> {
    const problems = checkUsageRange(from, to);
    if (problems.length > 0) throw badUserInput(problems);
    return usageDays(await loaders.usageDaily.load(usageKey(app.id, from, to)), from, to);
  }

  @FieldResolver(() => UsageTodayType, { description: "Today's calls, today's quota and what is left of it" })
  async usageToday(@Root() app: AppType, @Ctx() { loaders, services }: Context): Promise<UsageTodayType> {
    const date = beijingDate(services.clock.now());
    const [rows, quota] = await Promise.all([loaders.usageDaily.load(usageKey(app.id, date, date)), quotaTodayOf(app, loaders, date)]);
    const [day] = usageDays(rows, date, date);
    return { date, calls: day.calls, successfulCalls: day.successfulCalls, quota, remaining: quota.limit === null ? null : Math.max(0, quota.limit - day.calls) };
  }
}

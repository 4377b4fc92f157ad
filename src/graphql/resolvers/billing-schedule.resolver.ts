import { Money } from '../types/money.scalar';
import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver, ID } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { ScheduledJob } from '../../billing/schedule.rule';
import { Role } from '../../domain/common/role';
import { violation } from '../../domain/common/violation';
import { BillingRunTrigger } from '../../db/entities/billing-run.entity';
import { ScheduledRunState } from '../../db/entities/scheduled-job-run.entity';
import { Context } from '../context';
import { badUserInput } from './result';
import { firstOf } from './connection';

registerEnumType(ScheduledJob, {
  name: 'ScheduledJob',
  description: 'What the scheduler runs per period: Taobao days, Douyin months, the daily late-usage sweep, daily arrears collection',
  valuesConfig: {
    TAOBAO_BILLING: { description: 'A Taobao Beijing day, after midnight plus the grace (02:00 by default)' },
    DOUYIN_BILLING: { description: 'A Douyin month, on the 5th of the next month' },
    LATE_USAGE: { description: 'Usage reported for periods already billed becomes adjustment bills (half an hour after the night’s Taobao billing)' },
    ARREARS_COLLECTION: { description: 'Auto-debit retries and the Douyin deposit deductions that are due (an hour after the night’s Taobao billing)' },
  },
});
registerEnumType(BillingRunTrigger, { name: 'BillingRunTrigger', description: 'Who started a run: the scheduler, an operator (runBilling) or the CLI' });
registerEnumType(ScheduledRunState, { name: 'ScheduledRunState', description: 'PENDING (due, not started), RUNNING, DONE, FAILED (retried with backoff)' });

@ObjectType('BillingRunRecord', { simpleResolvers: true, description: 'One billing (or arrears) run of a period: scheduled, or started by an operator or the CLI' })
class BillingRunRecordType {
  @Field(() => ScheduledJob)
  job: ScheduledJob;

  @Field(() => BillingPlatform, { nullable: true, description: 'Null for arrears collection and the late-usage sweep' })
  platform: BillingPlatform | null;

  @Field(() => String, { description: 'A Beijing date (Taobao, arrears) or a month (Douyin)' })
  period: string;

  @Field(() => BillingRunTrigger)
  trigger: BillingRunTrigger;

  @Field(() => ScheduledRunState)
  state: ScheduledRunState;

  @Field(() => Date, { nullable: true, description: 'When a scheduled period became due' })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'App-days considered (the late-usage sweep: app-periods re-rated); null until done' })
  appDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Bills written (the late-usage sweep: adjustment bills)' })
  bills: number | null;

  @Field(() => Money, { nullable: true, description: 'Total of the bills written, yuan' })
  amount: string | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { description: 'Attempts that failed' })
  failures: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => ID, { nullable: true, description: 'The billing run of the last attempt' })
  runId: string | null;

  @Field(() => Boolean, { description: 'Should have run and has not' })
  overdue: boolean;
}

@Resolver()
export class BillingScheduleResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => [BillingRunRecordType], { description: 'Billing and arrears runs, newest first: scheduled periods (overdue ones flagged) and runs started by hand' })
  async billingRuns(@Arg('first', () => Int, { nullable: true }) first: number | null, @Ctx() { services }: Context): Promise<BillingRunRecordType[]> {
    return services.billingSchedule.records(firstOf(first));
  }
}

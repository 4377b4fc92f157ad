import { Money } from '../types/money.scalar';
import { Args, Authorized, Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver, ID } from 'type-graphql';
import { BillingPlatform } from '../../billing/billing.enums';
import { ScheduledJob } from '../../billing/schedule.rule';
import { Role } from '../../domain/common/role';
import { BillingRunTrigger } from '../../db/entities/billing-run.entity';
import { ScheduledRunState } from '../../db/entities/scheduled-job-run.entity';
import { Context } from '../context';
import { keysetArgs, keysetConnection } from './connection';
import { connectionType, ConnectionArgs } from '../types/connection.type';
import { RUN_RECORD_ORDER } from '../../services/billing/billing-schedule.service';

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
registerEnumType(BillingRunTrigger, {
  name: 'BillingRunTrigger',
  description: 'Who started a run: the scheduler, an operator (runBilling) or the CLI',
  valuesConfig: {
    SCHEDULE: { description: 'Started by the scheduler for its period' },
    OPERATOR: { description: 'Started by an operator through runBilling' },
    CLI: { description: 'Started from the billing command line (npm run billing)' },
  },
});
registerEnumType(ScheduledRunState, {
  name: 'ScheduledRunState',
  description: 'PENDING (due, not started), RUNNING, DONE, FAILED (retried with backoff)',
  valuesConfig: {
    PENDING: { description: 'Due, not claimed by a worker yet' },
    RUNNING: { description: 'Claimed by a worker holding a lease it renews; another takes over when the lease expires' },
    DONE: { description: 'Finished: the period is billed (running it again changes nothing)' },
    FAILED: { description: 'The last attempt failed (see its error); retried' },
  },
});

@ObjectType('BillingRunRecord', { simpleResolvers: true, description: 'One billing (or arrears) run of a period: scheduled, or started by an operator or the CLI' })
class BillingRunRecordType {
  @Field(() => ScheduledJob, { description: 'Which scheduled job: Taobao day, Douyin month or arrears collection' })
  job: ScheduledJob;

  @Field(() => BillingPlatform, { nullable: true, description: 'Null for arrears collection and the late-usage sweep' })
  platform: BillingPlatform | null;

  @Field(() => String, { description: 'A Beijing date (Taobao, arrears) or a month (Douyin)' })
  period: string;

  @Field(() => BillingRunTrigger, { description: 'Who started it: the scheduler, an operator or the CLI' })
  trigger: BillingRunTrigger;

  @Field(() => ScheduledRunState, { description: 'PENDING, RUNNING, DONE or FAILED' })
  state: ScheduledRunState;

  @Field(() => Date, { nullable: true, description: 'When a scheduled period became due' })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt started; null while pending' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the run finished; null while pending or running' })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'App-days considered (the late-usage sweep: app-periods re-rated); null until done' })
  appDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Bills written (the late-usage sweep: adjustment bills)' })
  bills: number | null;

  @Field(() => Money, { nullable: true, description: 'Total of the bills written, yuan' })
  amount: string | null;

  @Field(() => Int, { description: "How many times workers have started this period's run" })
  attempts: number;

  @Field(() => Int, { description: 'Attempts that failed' })
  failures: number;

  @Field(() => String, { nullable: true, description: "The last failure's message; null if none" })
  lastError: string | null;

  @Field(() => ID, { nullable: true, description: 'The billing run of the last attempt' })
  runId: string | null;

  @Field(() => Boolean, { description: 'Should have run and has not' })
  overdue: boolean;
}

const BillingRunRecordConnectionType = connectionType(BillingRunRecordType, 'BillingRunRecord', 'billing run record');

@Resolver()
export class BillingScheduleResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => BillingRunRecordConnectionType, { description: 'Billing and arrears runs, newest first: scheduled periods (overdue ones flagged) and runs started by hand' })
  async billingRuns(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() { services }: Context) {
    const { limit, after } = keysetArgs(args, RUN_RECORD_ORDER);
    return keysetConnection(await services.billingSchedule.pageRecords(limit, after), RUN_RECORD_ORDER, (r) => r as BillingRunRecordType);
  }
}

import { randomUUID } from 'node:crypto';
import { Role } from '../../src/domain/common/role';
import { CreateAppDocument, RecordUsageDocument, RunBillingDocument, UsageRecordInput } from '../generated/graphql';
import { TestApp } from './test-app';

export type Dev = { id: string; token: string };
export type App = { id: string; appkey: string };

/** One API-calls usage entry, all calls successful. */
export const calls = (category: string, source: string, total: number) => ({ category, source, total, successful: total }) as never;

/**
 * Bills made the way production makes them, over HTTP: apps created by their developer, usage
 * reported by the gateway's recordUsage, periods billed by an operator's runBilling.
 */
export class BillingFixture {
  private constructor(
    private readonly t: TestApp,
    readonly operator: string,
    readonly gateway: string,
  ) {}

  static async of(t: TestApp): Promise<BillingFixture> {
    return new BillingFixture(t, await t.token(Role.OPERATOR), await t.token(Role.GATEWAY));
  }

  async newApp(dev: Dev): Promise<App> {
    const res = await this.t.gql(CreateAppDocument, { input: { name: 'Billing app', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] } }, dev.token);
    const p = res.data!.createApp;
    if (p.__typename !== 'App') throw new Error(JSON.stringify(res));
    return { id: p.id, appkey: p.appkey };
  }

  async report(appkey: string, date: string, patch: Partial<UsageRecordInput>): Promise<void> {
    const res = await this.t.gql(RecordUsageDocument, { records: [{ idempotencyKey: `k-${randomUUID()}`, appkey, date, ...patch }] }, this.gateway);
    if (res.data?.recordUsage.__typename !== 'UsageBatchReceipt') throw new Error(`recordUsage refused: ${JSON.stringify(res)}`);
  }

  async run(platform: 'TAOBAO' | 'DOUYIN', period: string) {
    const res = await this.t.gql(RunBillingDocument, { platform, period }, this.operator);
    return res.data!.runBilling;
  }
}

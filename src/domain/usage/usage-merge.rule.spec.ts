import { compareNumericIds, isLevelMeter, meterIncrements, mergeDailyIncrements, UsageRecord } from './usage-batch.rule';
import { ApiCategory, CallSource, DataSyncPackage } from './usage.enums';

const rec = (patch: Partial<UsageRecord>): UsageRecord => ({ idempotencyKey: 'k', appkey: 'a', date: '2026-11-20', ...patch });

describe('mergeDailyIncrements (one usage_daily row per app, date and meter for a whole batch)', () => {
  it('adds increments (1,000 + 500 calls, 990 + 500 successes) and keeps the highest level (CRM 50,000 over 40,000; a package flag stays 1)', () => {
    const rows = mergeDailyIncrements([
      { appId: '7', record: rec({ apiCalls: [{ category: ApiCategory.BASIC, source: CallSource.IN_CLOUD, total: 1_000, successful: 990 }], crmRelations: 50_000, dataSyncPackage: DataSyncPackage.ADVANCED }) },
      { appId: '7', record: rec({ apiCalls: [{ category: ApiCategory.BASIC, source: CallSource.IN_CLOUD, total: 500, successful: 500 }], crmRelations: 40_000, dataSyncPackage: DataSyncPackage.ADVANCED, waliMessages: 3 }) },
    ]);
    expect(rows.map((r) => [r.meter, r.quantity, r.successful])).toEqual([
      ['API:BASIC:IN_CLOUD', 1_500, 1_490],
      ['CRM_RELATIONS', 50_000, 0],
      ['DATA_SYNC_PACKAGE:ADVANCED', 1, 0],
      ['WALI_MESSAGES', 3, 0],
    ]);
  });

  it('sorts by app id as a number (9 before 10), then date, then meter: every writer locks rows in one order', () => {
    const rows = mergeDailyIncrements([
      { appId: '10', record: rec({ date: '2026-11-19', waliMessages: 1 }) },
      { appId: '9', record: rec({ date: '2026-11-20', waliMessages: 1, dataSyncNewOrders: 2 }) },
      { appId: '9', record: rec({ date: '2026-11-19', waliMessages: 1 }) },
    ]);
    expect(rows.map((r) => `${r.appId} ${r.date} ${r.meter}`)).toEqual(['9 2026-11-19 WALI_MESSAGES', '9 2026-11-20 DATA_SYNC_ORDERS', '9 2026-11-20 WALI_MESSAGES', '10 2026-11-19 WALI_MESSAGES']);
    expect(['10', '9', '100', '11'].sort(compareNumericIds)).toEqual(['9', '10', '11', '100']);
  });

  it('isLevelMeter names exactly the meters meterIncrements merges as MAX (the SQL upsert uses the same test)', () => {
    const all = meterIncrements(
      rec({
        apiCalls: Object.values(ApiCategory).flatMap((category) => Object.values(CallSource).map((source) => ({ category, source, total: 1, successful: 1 }))),
        dataSyncNewOrders: 1,
        dataSyncPackage: DataSyncPackage.FLAGSHIP,
        waliMessages: 1,
        crmRelations: 1,
      }),
    );
    expect(all).toHaveLength(14);
    for (const inc of all) expect([inc.meter, isLevelMeter(inc.meter)]).toEqual([inc.meter, inc.mode === 'MAX']);
  });
});

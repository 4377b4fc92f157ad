import { checkUsageRange, usageDays } from './usage-days.rule';

describe('usage per day (App.usage): every day of the range, meters summed as the gateway reported them', () => {
  const rows = [
    { date: '2026-11-19', meter: 'API:BASIC:IN_CLOUD', quantity: '12000', successful: '11990' },
    { date: '2026-11-19', meter: 'API:FREE:OUT_OF_CLOUD', quantity: '300', successful: '300' },
    { date: '2026-11-19', meter: 'DATA_SYNC_ORDERS', quantity: '1300000', successful: '0' },
    { date: '2026-11-19', meter: 'DATA_SYNC_PACKAGE:ADVANCED', quantity: '1', successful: '0' },
    { date: '2026-11-19', meter: 'DATA_SYNC_PACKAGE:FLAGSHIP', quantity: '1', successful: '0' },
    { date: '2026-11-21', meter: 'WALI_MESSAGES', quantity: '10000', successful: '0' },
    { date: '2026-11-21', meter: 'CRM_RELATIONS', quantity: '250', successful: '0' },
  ];

  it('three days, the middle one empty: 12,300 calls (12,290 successful), 1,300,000 orders, ADVANCED and FLAGSHIP held; then Wali and CRM', () => {
    const days = usageDays(rows, '2026-11-19', '2026-11-21');
    expect(days.map((d) => d.date)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21']);
    expect(days[0]).toMatchObject({ calls: 12_300, successfulCalls: 12_290, dataSyncNewOrders: 1_300_000, dataSyncPackages: ['ADVANCED', 'FLAGSHIP'], waliMessages: 0 });
    expect(days[0].apiCalls).toEqual([
      { category: 'BASIC', source: 'IN_CLOUD', calls: 12_000, successful: 11_990 },
      { category: 'FREE', source: 'OUT_OF_CLOUD', calls: 300, successful: 300 },
    ]);
    expect(days[1]).toMatchObject({ calls: 0, apiCalls: [], dataSyncPackages: [] });
    expect(days[2]).toMatchObject({ waliMessages: 10_000, crmRelations: 250 });
  });

  it.each([
    ['2026-11-01', '2027-01-29', []],
    ['2026-11-01', '2027-01-30', ['to:RANGE_TOO_LONG']],
    ['2026-11-02', '2026-11-01', ['to:BEFORE_FROM']],
    ['2026-02-30', 'yesterday', ['from:NOT_A_DATE', 'to:NOT_A_DATE']],
  ])('range %s … %s: %j (at most 90 days)', (from, to, expected) => {
    expect(checkUsageRange(from, to).map((v) => `${v.field}:${v.rule}`)).toEqual(expected);
  });
});

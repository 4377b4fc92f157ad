import { checkUsageBatch, fingerprint, meterIncrements, UsageRecord } from './usage-batch.rule';
import { ApiCategory, CallSource, DataSyncPackage } from './usage.enums';

const ctx = (patch: Partial<Parameters<typeof checkUsageBatch>[1]> = {}) => ({
  today: '2026-11-20',
  apps: new Map([
    ['11111111', { valueAddedOutOfCloudPermitted: false }],
    ['22222222', { valueAddedOutOfCloudPermitted: true }],
  ]),
  storedFingerprints: new Map<string, string>(),
  ...patch,
});
const rec = (patch: Partial<UsageRecord> = {}): UsageRecord => ({
  idempotencyKey: 'k1',
  appkey: '11111111',
  date: '2026-11-20',
  apiCalls: [{ category: ApiCategory.BASIC, source: CallSource.IN_CLOUD, total: 10, successful: 9 }],
  ...patch,
});
const calls = (category: ApiCategory, source: CallSource, total: number, successful: number) => ({ apiCalls: [{ category, source, total, successful }] });
const rules = (r: UsageRecord, c = ctx()) => checkUsageBatch([r], c).map((v) => `${v.field} ${v.rule}`);

describe('checkUsageBatch (issue 4: a batch with any invalid record is refused whole)', () => {
  it.each<[string, Partial<UsageRecord>, string[]]>([
    ['a valid record', {}, []],
    ['an unknown appkey', { appkey: '99999999' }, ['records[0].appkey UNKNOWN_APPKEY']],
    ['a negative total', calls(ApiCategory.BASIC, CallSource.IN_CLOUD, -1, 0), ['records[0].apiCalls[0].total NEGATIVE_COUNT']],
    ['successes above total (11 of 10)', calls(ApiCategory.BASIC, CallSource.IN_CLOUD, 10, 11), ['records[0].apiCalls[0].successful SUCCESSES_ABOVE_TOTAL']],
    ['a total of 1,000,000,001 in one record (at most 10^9)', calls(ApiCategory.FREE, CallSource.IN_CLOUD, 1_000_000_001, 0), ['records[0].apiCalls[0].total COUNT_TOO_LARGE']],
    ['a total of exactly 10^9 in one record', calls(ApiCategory.FREE, CallSource.IN_CLOUD, 1_000_000_000, 1_000_000_000), []],
    ['2,147,483,647 messages in one record', { waliMessages: 2_147_483_647 }, ['records[0].waliMessages COUNT_TOO_LARGE']],
    ['successes equal to total (10 of 10)', calls(ApiCategory.BASIC, CallSource.IN_CLOUD, 10, 10), []],
    ['tomorrow (Beijing)', { date: '2026-11-21' }, ['records[0].date FUTURE_DATE']],
    ['yesterday', { date: '2026-11-19' }, []],
    ['a non-date', { date: '2026-02-30' }, ['records[0].date NOT_A_DATE']],
    ['value-added out of cloud from an app not permitted', calls(ApiCategory.VALUE_ADDED, CallSource.OUT_OF_CLOUD, 1, 1), ['records[0].apiCalls[0].source VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN']],
    ['value-added in cloud', calls(ApiCategory.VALUE_ADDED, CallSource.IN_CLOUD, 1, 1), []],
    ['basic out of cloud', calls(ApiCategory.BASIC, CallSource.OUT_OF_CLOUD, 1, 1), []],
    ['a negative order count', { dataSyncNewOrders: -5 }, ['records[0].dataSyncNewOrders NEGATIVE_COUNT']],
    ['a fractional message count', { waliMessages: 1.5 }, ['records[0].waliMessages NEGATIVE_COUNT']],
    ['no counts at all', { apiCalls: [] }, ['records[0].apiCalls EMPTY_RECORD']],
    ['a bad key', { idempotencyKey: 'has space' }, ['records[0].idempotencyKey BAD_KEY']],
  ])('%s', (_why, patch, expected) => {
    expect(rules(rec(patch))).toEqual(expected);
  });

  it('value-added out of cloud is accepted from a permitted app', () => {
    expect(rules(rec({ appkey: '22222222', ...calls(ApiCategory.VALUE_ADDED, CallSource.OUT_OF_CLOUD, 1, 1) }))).toEqual([]);
  });

  it('a stored key with the same content is fine (a resend); with other content it is KEY_REUSED', () => {
    const r = rec();
    expect(rules(r, ctx({ storedFingerprints: new Map([['k1', fingerprint(r)]]) }))).toEqual([]);
    expect(rules(r, ctx({ storedFingerprints: new Map([['k1', fingerprint(rec({ waliMessages: 1 }))]]) }))).toEqual(['records[0].idempotencyKey KEY_REUSED']);
  });

  it('names every bad record by its index', () => {
    const v = checkUsageBatch([rec(), rec({ idempotencyKey: 'k2', appkey: 'x' }), rec({ idempotencyKey: 'k3', date: '2030-01-01' })], ctx());
    expect(v.map((x) => x.field)).toEqual(['records[1].appkey', 'records[2].date']);
  });

  it('an empty batch is refused', () => {
    expect(checkUsageBatch([], ctx()).map((v) => v.rule)).toEqual(['EMPTY_BATCH']);
  });
});

describe('checkUsageBatch, late usage (issue 17: older than the window or before the app existed is refused, per record)', () => {
  // Today 2026-11-20 (Beijing), window 35 days: the oldest day accepted is 2026-10-16; the app was created on 2026-10-10.
  const late = (patch: Partial<Parameters<typeof checkUsageBatch>[1]> = {}) =>
    ctx({ lateWindowDays: 35, apps: new Map([['11111111', { valueAddedOutOfCloudPermitted: false, createdOn: '2026-10-10' }]]), ...patch });
  it.each<[string, string, string[]]>([
    ['35 days back (2026-10-16) is accepted', '2026-10-16', []],
    ['36 days back (2026-10-15) is DATE_TOO_OLD', '2026-10-15', ['records[0].date DATE_TOO_OLD']],
    ['2018 usage is DATE_TOO_OLD', '2018-06-01', ['records[0].date DATE_TOO_OLD']],
  ])('%s', (_why, date, expected) => {
    expect(rules(rec({ date }), late())).toEqual(expected);
  });

  it("the day before the app's creation day is BEFORE_APP_CREATED, the creation day itself is accepted", () => {
    const c = late({ apps: new Map([['11111111', { valueAddedOutOfCloudPermitted: false, createdOn: '2026-11-11' }]]) });
    expect(rules(rec({ date: '2026-11-10' }), c)).toEqual(['records[0].date BEFORE_APP_CREATED']);
    expect(rules(rec({ date: '2026-11-11' }), c)).toEqual([]);
  });

  it('without a window nothing is refused for age (USAGE_LATE_REFUSALS=false)', () => {
    expect(rules(rec({ date: '2018-06-01' }), ctx({ apps: new Map([['11111111', { valueAddedOutOfCloudPermitted: false, createdOn: '2026-10-10' }]]) }))).toEqual([]);
  });

  it('a resend of a stored record stays a duplicate once its day has aged out of the window; other content under its key is KEY_REUSED', () => {
    const r = rec({ date: '2026-10-15' });
    expect(rules(r, late({ storedFingerprints: new Map([['k1', fingerprint(r)]]) }))).toEqual([]);
    expect(rules(r, late({ storedFingerprints: new Map([['k1', fingerprint(rec({ date: '2026-10-15', waliMessages: 1 }))]]) }))).toEqual(['records[0].idempotencyKey KEY_REUSED', 'records[0].date DATE_TOO_OLD']);
  });

  it('one record out of the window refuses the whole batch, naming only that record', () => {
    const v = checkUsageBatch([rec(), rec({ idempotencyKey: 'k2', date: '2026-10-15' })], late());
    expect(v.map((x) => `${x.field} ${x.rule}`)).toEqual(['records[1].date DATE_TOO_OLD']);
  });
});

describe('meterIncrements: calls, orders and messages add; a package held and CRM relations are levels', () => {
  it('maps a record to one meter per count', () => {
    expect(meterIncrements(rec({ dataSyncNewOrders: 12_000, dataSyncPackage: DataSyncPackage.FLAGSHIP, waliMessages: 3, crmRelations: 40_000 }))).toEqual([
      { meter: 'API:BASIC:IN_CLOUD', quantity: 10, successful: 9, mode: 'ADD' },
      { meter: 'DATA_SYNC_ORDERS', quantity: 12_000, successful: 0, mode: 'ADD' },
      { meter: 'DATA_SYNC_PACKAGE:FLAGSHIP', quantity: 1, successful: 0, mode: 'MAX' },
      { meter: 'WALI_MESSAGES', quantity: 3, successful: 0, mode: 'ADD' },
      { meter: 'CRM_RELATIONS', quantity: 40_000, successful: 0, mode: 'MAX' },
    ]);
  });
});

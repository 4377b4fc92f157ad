import { AppStatus, DeveloperKind } from './app.enums';
import { TrafficMode } from '../catalog/catalog.enums';
import { transition } from '../review/review-state.rule';
import { QuotaSource, quotaToday } from '../quota/quota-today.rule';
import { checkOperatorQuota, checkSuspendReason, isvOnboarded, OnboardedBasis, OPERATOR_APP_TRANSITIONS, OperatorQuotaKind, operatorQuotaInForce } from './operator-controls.rule';

describe('suspension: ONLINE ↔ SUSPENDED only (DOMAIN §2 status)', () => {
  it.each([
    [AppStatus.ONLINE, 'SUSPEND', AppStatus.SUSPENDED],
    [AppStatus.SUSPENDED, 'RESTORE', AppStatus.ONLINE],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(transition(OPERATOR_APP_TRANSITIONS, from, event, 'an app')).toEqual({ ok: true, to });
  });
  it.each([
    [AppStatus.DEVELOPING, 'SUSPEND'],
    [AppStatus.IN_REVIEW, 'SUSPEND'],
    [AppStatus.REJECTED, 'SUSPEND'],
    [AppStatus.SUSPENDED, 'SUSPEND'],
    [AppStatus.ONLINE, 'RESTORE'],
    [AppStatus.DEVELOPING, 'RESTORE'],
  ] as const)('%s refuses %s', (from, event) => {
    expect(transition(OPERATOR_APP_TRANSITIONS, from, event, 'an app')).toMatchObject({ ok: false, currentState: from });
  });
  it('a reason is required (1–500 characters, trimmed)', () => {
    expect(checkSuspendReason('  ')).toMatchObject([{ field: 'reason', rule: 'REQUIRED' }]);
    expect(checkSuspendReason('x'.repeat(501))).toMatchObject([{ field: 'reason', rule: 'TOO_LONG' }]);
    expect(checkSuspendReason(' arrears since 2026-10 ')).toEqual([]);
  });
});

describe('operator-set quotas: CONTRACT and UV_BASED tags, from a date', () => {
  const today = '2026-11-20';
  it('a CONTRACT quota names its contract; LADDER tags are refused; 1 to 1,000,000,000 calls; not before today', () => {
    expect(checkOperatorQuota({ dailyQuota: 3_000_000, effectiveFrom: '2026-11-22', contractReference: 'TOP-2026-0042' }, TrafficMode.CONTRACT, today)).toEqual([]);
    expect(checkOperatorQuota({ dailyQuota: 800_000, effectiveFrom: today }, TrafficMode.UV_BASED, today)).toEqual([]);
    const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field} ${x.rule}`);
    expect(rules(checkOperatorQuota({ dailyQuota: 3_000_000, effectiveFrom: today }, TrafficMode.CONTRACT, today))).toEqual(['contractReference REQUIRED']);
    expect(rules(checkOperatorQuota({ dailyQuota: 0, effectiveFrom: '2026-11-19', contractReference: 'x' }, TrafficMode.LADDER, today))).toEqual(['appId LADDER_TAG', 'dailyQuota OUT_OF_RANGE', 'effectiveFrom IN_THE_PAST']);
    expect(rules(checkOperatorQuota({ dailyQuota: 1_000_000_001, effectiveFrom: '2026-02-30' }, TrafficMode.UV_BASED, today))).toEqual(['dailyQuota OUT_OF_RANGE', 'effectiveFrom NOT_A_DATE']);
  });

  const rows = [
    { kind: OperatorQuotaKind.CONTRACT, effectiveFrom: '2026-11-22', dailyQuota: 3_000_000 },
    { kind: OperatorQuotaKind.CONTRACT, effectiveFrom: '2026-12-01', dailyQuota: 4_000_000 },
    { kind: OperatorQuotaKind.UV_ADJUSTMENT, effectiveFrom: '2026-11-01', dailyQuota: 1 },
  ];
  it.each([
    ['2026-11-21', null],
    ['2026-11-22', 3_000_000],
    ['2026-11-30', 3_000_000],
    ['2026-12-01', 4_000_000],
  ])('in force on %s: %p (the latest date on or before it, of the kind the tag takes)', (date, quota) => {
    expect(operatorQuotaInForce(rows, date, TrafficMode.CONTRACT)?.dailyQuota ?? null).toBe(quota);
  });
  it('the quota today of an ONLINE app: the operator quota wins over the tag default; not while developing or suspended', () => {
    const base = { devTestQuota: 5000, defaultOnlineQuota: 100_000, grantedTrafficQuota: null, operatorQuota: { dailyQuota: 3_000_000, source: QuotaSource.CONTRACT as const } };
    expect(quotaToday({ ...base, status: AppStatus.ONLINE })).toMatchObject({ limit: 3_000_000, source: 'CONTRACT' });
    expect(quotaToday({ ...base, status: AppStatus.ONLINE, defaultOnlineQuota: null, operatorQuota: { dailyQuota: 800_000, source: QuotaSource.UV_OPERATOR_SET } })).toMatchObject({ limit: 800_000, source: 'UV_OPERATOR_SET' });
    expect(quotaToday({ ...base, status: AppStatus.DEVELOPING })).toMatchObject({ limit: 5000, source: 'DEVELOPMENT_TEST' });
    expect(quotaToday({ ...base, status: AppStatus.SUSPENDED })).toMatchObject({ limit: 0, source: 'SUSPENDED' });
  });
});

describe('ISV onboarded (DOMAIN §4): an operator setting wins, else the recorded flag, else an app that went online', () => {
  const isv = { kind: DeveloperKind.ISV, override: null, recorded: false, hasAppOnline: false };
  it.each([
    [{}, false, OnboardedBasis.NOT_ONBOARDED],
    [{ hasAppOnline: true }, true, OnboardedBasis.APP_ONLINE],
    [{ recorded: true }, true, OnboardedBasis.RECORDED],
    [{ override: true }, true, OnboardedBasis.OPERATOR_SET],
    [{ override: false, hasAppOnline: true, recorded: true }, false, OnboardedBasis.OPERATOR_CLEARED],
    [{ kind: DeveloperKind.SELF_DEVELOPING_MERCHANT, hasAppOnline: true }, false, OnboardedBasis.NOT_ONBOARDED],
  ])('%p → onboarded %p (%s)', (patch, onboarded, basis) => {
    expect(isvOnboarded({ ...isv, ...patch })).toEqual({ onboarded, basis });
  });
});

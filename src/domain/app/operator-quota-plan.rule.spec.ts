import { TrafficMode } from '../catalog/catalog.enums';
import { OperatorQuotaKind } from './operator-controls.rule';
import { planOperatorQuota } from './operator-controls.rule';

describe('an operator-set quota (issue 18): the pure rule setAppQuota calls', () => {
  it('a CONTRACT tag takes a contract quota of 200,000 calls/day from today, naming its contract', () => {
    expect(planOperatorQuota({ dailyQuota: 200_000, effectiveFrom: '2026-12-02', contractReference: 'HT-2026-001' }, TrafficMode.CONTRACT, '2026-12-02')).toEqual({ ok: true, value: OperatorQuotaKind.CONTRACT });
  });
  it('a quota from yesterday, or above 1,000,000,000, is refused', () => {
    expect(planOperatorQuota({ dailyQuota: 200_000, effectiveFrom: '2026-12-01', contractReference: 'HT-2026-001' }, TrafficMode.CONTRACT, '2026-12-02').ok).toBe(false);
    expect(planOperatorQuota({ dailyQuota: 1_000_000_001, effectiveFrom: '2026-12-02', contractReference: 'HT-2026-001' }, TrafficMode.CONTRACT, '2026-12-02')).toMatchObject({ ok: false, refusal: { violations: [{ field: 'dailyQuota', rule: 'OUT_OF_RANGE' }] } });
  });
});

import { AppStatus } from '../app/app.enums';
import { TrafficMode } from '../catalog/catalog.enums';
import { eligibilityWindow, trafficEligibility, TrafficEligibilityInput } from './traffic-eligibility.rule';

// TAOBAOKE (DOMAIN §2.1): default 20,000/day, ladder 100,000 and 1,000,000.
const taobaoke: TrafficEligibilityInput = {
  status: AppStatus.ONLINE,
  trafficMode: TrafficMode.LADDER,
  trafficNote: null,
  pendingApplications: 0,
  currentQuota: 20_000,
  ladder: [100_000, 1_000_000],
  requestedQuota: 100_000,
  totalCalls: 100_000,
  successfulCalls: 98_000,
};
const failedRules = (patch: Partial<TrafficEligibilityInput>) =>
  trafficEligibility({ ...taobaoke, ...patch })
    .checks.filter((c) => !c.passed)
    .map((c) => c.rule);
const rule = (patch: Partial<TrafficEligibilityInput>, name: string) => trafficEligibility({ ...taobaoke, ...patch }).checks.find((c) => c.rule === name)!;

describe('traffic package eligibility (DOMAIN §2.3)', () => {
  it('the window is the 7 complete Beijing days before today', () => {
    expect(eligibilityWindow('2026-11-20')).toEqual({ from: '2026-11-13', to: '2026-11-19' });
  });

  it.each<[string, Partial<TrafficEligibilityInput>, string[]]>([
    ['98.00% success, average 14,000 successful calls: eligible', {}, []],
    ['success rate 97.99% refuses', { totalCalls: 100_000, successfulCalls: 97_990 }, ['SUCCESS_RATE']],
    ['success rate 98.00% passes', { totalCalls: 100_000, successfulCalls: 98_000 }, []],
    ['no calls in 7 days refuses (success rate and effective use)', { totalCalls: 0, successfulCalls: 0 }, ['SUCCESS_RATE', 'EFFECTIVE_USE']],
    ['quota 20,000, average 9,999 successful calls refuses', { totalCalls: 69_993, successfulCalls: 69_993 }, ['EFFECTIVE_USE']],
    ['quota 20,000, average 10,000 successful calls passes', { totalCalls: 70_000, successfulCalls: 70_000 }, []],
    ['TAOBAOKE at 20,000 may not skip to 1,000,000', { requestedQuota: 1_000_000 }, ['NEXT_RUNG']],
    ['not ONLINE', { status: AppStatus.IN_REVIEW }, ['APP_ONLINE']],
    ['a CONTRACT tag', { trafficMode: TrafficMode.CONTRACT, trafficNote: 'By offline contract negotiation' }, ['LADDER_MODE']],
    ['another pending application', { pendingApplications: 1 }, ['NO_PENDING_APPLICATION']],
    ['at the top of the ladder', { currentQuota: 1_000_000, requestedQuota: 1_000_000, totalCalls: 7_000_000, successfulCalls: 7_000_000 }, ['NEXT_RUNG']],
  ])('%s', (_why, patch, expected) => {
    expect(failedRules(patch)).toEqual(expected);
  });

  it('the success rate is call-weighted, not a mean of daily rates', () => {
    // Day 1: 100 calls, 90 successful (90%); days 2-7: 100,000 calls each, 98,100 successful (98.1%).
    // Mean of daily rates = (90 + 6 × 98.1) / 7 = 96.94% (would refuse); call-weighted = 588,690 / 600,100 = 98.09% (passes).
    const total = 100 + 6 * 100_000;
    const successful = 90 + 6 * 98_100;
    const meanOfDailyRates = (90 + 6 * 98.1) / 7;
    expect(meanOfDailyRates).toBeLessThan(98);
    const r = rule({ totalCalls: total, successfulCalls: successful }, 'SUCCESS_RATE');
    expect(r).toMatchObject({ passed: true, measured: '98.09%', threshold: '≥ 98.00%' });
  });

  it('reports each rule with its measured figure and threshold', () => {
    expect(rule({ totalCalls: 100_000, successfulCalls: 97_990 }, 'SUCCESS_RATE')).toMatchObject({ passed: false, measured: '97.99%', threshold: '≥ 98.00%' });
    expect(rule({ totalCalls: 69_993, successfulCalls: 69_993 }, 'EFFECTIVE_USE')).toMatchObject({ passed: false, measured: '9999', threshold: '≥ 10000' });
    expect(rule({ requestedQuota: 1_000_000 }, 'NEXT_RUNG')).toMatchObject({ passed: false, measured: '1000000', threshold: '100000' });
    expect(rule({ trafficMode: TrafficMode.UV_BASED, trafficNote: 'UV-based, adjusted monthly' }, 'LADDER_MODE').message).toMatch(/UV-based, adjusted monthly/);
  });

  it('97.999% reads 97.99%: the figure is truncated, never rounded up past the threshold', () => {
    expect(rule({ totalCalls: 100_000, successfulCalls: 97_999 }, 'SUCCESS_RATE')).toMatchObject({ passed: false, measured: '97.99%' });
  });

  it('without a requested rung, the next rung is named', () => {
    expect(trafficEligibility({ ...taobaoke, requestedQuota: null })).toMatchObject({ eligible: true, nextRung: 100_000 });
  });
});

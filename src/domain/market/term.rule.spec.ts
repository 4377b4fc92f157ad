import { termEnd, trialEnd } from './term.rule';
import { BillingCycle } from './market.enums';

describe('subscription terms (calendar months and years, Beijing wall clock)', () => {
  it.each([
    ['2026-11-20T04:00:00Z', BillingCycle.MONTH, 1, '2026-12-20T04:00:00.000Z'],
    ['2026-11-20T04:00:00Z', BillingCycle.YEAR, 1, '2027-11-20T04:00:00.000Z'],
    ['2026-11-20T04:00:00Z', BillingCycle.MONTH, 3, '2027-02-20T04:00:00.000Z'],
    // Jan 31 Beijing + 1 month clamps to Feb 28 Beijing
    ['2027-01-31T02:00:00Z', BillingCycle.MONTH, 1, '2027-02-28T02:00:00.000Z'],
    // 23:30 Beijing on Jan 31 is 15:30 UTC; its Beijing date, not its UTC date, decides
    ['2027-01-31T15:30:00Z', BillingCycle.MONTH, 1, '2027-02-28T15:30:00.000Z'],
  ])('%s + %s × %i = %s', (start, cycle, length, end) => {
    expect(termEnd(new Date(start), cycle, length)!.toISOString()).toBe(end);
  });

  it('a one-time purchase never expires', () => {
    expect(termEnd(new Date('2026-11-20T04:00:00Z'), BillingCycle.ONE_TIME, 1)).toBeNull();
  });

  it('a 7-day trial ends 7 × 24 h later', () => {
    expect(trialEnd(new Date('2026-11-20T04:00:00Z'), 7).toISOString()).toBe('2026-11-27T04:00:00.000Z');
  });
});

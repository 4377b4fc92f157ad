import { BillingPlatform, CouponPolicy } from './price-list';
import { couponPolicyFirstAffectedDay, lastBilledDay, lastDayOfPeriod, priceListFirstAffectedDay, retroactiveChange } from './retroactive.rule';

const policy = (p: Partial<CouponPolicy> = {}): CouponPolicy => ({ code: 'DAILY_50', platform: BillingPlatform.TAOBAO, amount: '50', validFrom: '2022-05-01', validTo: null, newIsvOnly: false, ...p });

describe('no retroactive prices (issue 17): the first day a change re-prices, against the last billed day', () => {
  it.each([
    ['2026-11-19', '2026-11-19'],
    ['2026-10', '2026-10-31'],
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
  ])('period %s ends on %s', (key, end) => expect(lastDayOfPeriod(key)).toBe(end));

  it('the last billed day is the latest end of the periods billed (a Douyin month counts to its last day)', () => {
    expect(lastBilledDay(['2026-11-19', '2026-11-25', null])).toBe('2026-11-25');
    expect(lastBilledDay(['2026-10'])).toBe('2026-10-31');
    expect(lastBilledDay([null])).toBeNull();
  });

  it.each([
    ['a list from 2026-11-25 when 2026-11-30 is billed', '2026-11-25', '2026-11-30', { firstAffectedDay: '2026-11-25', lastBilledDay: '2026-11-30' }],
    ['a list from the last billed day itself', '2026-11-30', '2026-11-30', { firstAffectedDay: '2026-11-30', lastBilledDay: '2026-11-30' }],
    ['a list from the day after', '2026-12-01', '2026-11-30', null],
    ['nothing billed yet', '2000-01-01', null, null],
  ])('%s', (_what, first, last, expected) => expect(retroactiveChange(first, last)).toEqual(expected));

  it('a price list replaced by the same charges re-prices nothing; changed charges or a new list re-price from effectiveFrom', () => {
    const list = { effectiveFrom: '2026-11-25', isExample: false, charges: [{ code: 'X', props: { price: '0.02' } }] };
    expect(priceListFirstAffectedDay(list, { ...list })).toBeNull();
    expect(priceListFirstAffectedDay(list, { ...list, charges: [{ code: 'X', props: { price: '0.03' } }] })).toBe('2026-11-25');
    expect(priceListFirstAffectedDay(null, list)).toBe('2026-11-25');
  });

  it.each([
    ['a new policy', null, policy({ validFrom: '2026-12-01' }), '2026-12-01'],
    ['a changed amount, from the earlier start', policy(), policy({ amount: '80', validFrom: '2026-12-01' }), '2022-05-01'],
    ['the same policy', policy(), policy({ amount: '50.00' }), null],
    ['an open end closed on 2026-12-31', policy(), policy({ validTo: '2026-12-31' }), '2027-01-01'],
    ['an end moved earlier, 2023-03-31 → 2023-01-31', policy({ validTo: '2023-03-31' }), policy({ validTo: '2023-01-31' }), '2023-02-01'],
    ['a start moved later', policy(), policy({ validFrom: '2026-12-01' }), '2022-05-01'],
    ['now for new ISVs only', policy(), policy({ newIsvOnly: true }), '2022-05-01'],
  ])('coupon policy: %s → %s', (_what, before, after, expected) => expect(couponPolicyFirstAffectedDay(before, after)).toBe(expected));
});

import { chargePricingOf } from './charge-pricing';

describe('typed pricing settings become the model and props the rating engine reads (issue 13)', () => {
  it('per hundred (DOMAIN §5 basic API in cloud, 0.02/100) → PER_HUNDRED { price }', () => {
    expect(chargePricingOf({ perHundred: { price: '0.02' } })).toEqual({ ok: true, model: 'PER_HUNDRED', props: { price: '0.02' } });
  });

  it('graduated (first 1,000,000 orders 0.1/100, the rest 0.04/100) → GRADUATED with the open last tier null', () => {
    expect(chargePricingOf({ graduated: { per: 100, tiers: [{ upTo: 1_000_000, price: '0.1' }, { price: '0.04' }] } })).toEqual({
      ok: true,
      model: 'GRADUATED',
      props: { per: 100, tiers: [{ upTo: 1_000_000, price: '0.1' }, { upTo: null, price: '0.04' }] },
    });
  });

  it('highest package per day (ADVANCED 79, FLAGSHIP 299) → prices by package code; a package priced twice is DUPLICATE_PACKAGE', () => {
    expect(chargePricingOf({ highestPackagePerDay: { prices: [{ packageCode: 'ADVANCED', price: '79' }, { packageCode: 'FLAGSHIP', price: '299' }] } })).toEqual({
      ok: true,
      model: 'HIGHEST_PACKAGE_PER_DAY',
      props: { prices: { ADVANCED: '79', FLAGSHIP: '299' } },
    });
    expect(chargePricingOf({ highestPackagePerDay: { prices: [{ packageCode: 'ADVANCED', price: '79' }, { packageCode: 'ADVANCED', price: '80' }] } })).toMatchObject({ ok: false, rule: 'DUPLICATE_PACKAGE' });
  });

  it('none or two models is EXACTLY_ONE_MODEL', () => {
    expect(chargePricingOf({})).toMatchObject({ ok: false, rule: 'EXACTLY_ONE_MODEL' });
    expect(chargePricingOf({ perHundred: { price: '0.02' }, perTenThousandPerDay: { price: '1' } })).toMatchObject({ ok: false, rule: 'EXACTLY_ONE_MODEL', message: expect.stringContaining('perHundred and perTenThousandPerDay') });
  });
});

import { couponFor } from './coupon';
import { DEFAULT_COUPON_POLICIES, DEFAULT_PRICE_LISTS } from './default-price-lists';
import { highestPackagePerDayModel } from './models/highest-package-per-day.model';
import { D } from './money';
import { billingPeriod } from './period';
import { BillingPlatform, priceListOn, validateCharges } from './price-list';
import { PeriodUsage, rateBill } from './rate-bill';

const taobaoOn = (date: string) => priceListOn(DEFAULT_PRICE_LISTS, BillingPlatform.TAOBAO, date)!.charges;
const usage = (totals: Record<string, number>, packagesByDay: string[][] = []): PeriodUsage => ({ totals, packagesByDay });
const rate = (totals: Record<string, number>, date = '2026-11-19', packagesByDay: string[][] = []) => rateBill({ charges: taobaoOn(date), usage: usage(totals, packagesByDay) });
const line = (bill: ReturnType<typeof rateBill>, code: string) => bill.lines.find((l) => l.code === code);

describe('DOMAIN §5 price table: every row, in and out of cloud (10,000 units each)', () => {
  it.each([
    ['API:FREE:IN_CLOUD', 'FREE_API_IN_CLOUD', '0.00'],
    ['API:FREE:OUT_OF_CLOUD', 'FREE_API_OUT_OF_CLOUD', '0.00'],
    ['API:BASIC:IN_CLOUD', 'BASIC_API_IN_CLOUD', '2.00'], // 0.02 per 100
    ['API:BASIC:OUT_OF_CLOUD', 'BASIC_API_OUT_OF_CLOUD', '20.00'], // 0.2 per 100
    ['API:VALUE_ADDED:IN_CLOUD', 'VALUE_ADDED_API_IN_CLOUD', '6.00'], // 0.06 per 100
    ['API:VALUE_ADDED:OUT_OF_CLOUD', 'VALUE_ADDED_API_OUT_OF_CLOUD', '60.00'], // 0.6 per 100
    ['API:LOGISTICS_TRACKING:IN_CLOUD', 'LOGISTICS_TRACKING_IN_CLOUD', '2.00'], // 0.02
    ['API:LOGISTICS_TRACKING:OUT_OF_CLOUD', 'LOGISTICS_TRACKING_OUT_OF_CLOUD', '20.00'], // 0.2
    ['API:LOGISTICS_EXCEPTION:IN_CLOUD', 'LOGISTICS_EXCEPTION_IN_CLOUD', '10.00'], // 0.1
    ['API:LOGISTICS_EXCEPTION:OUT_OF_CLOUD', 'LOGISTICS_EXCEPTION_OUT_OF_CLOUD', '50.00'], // 0.5
    ['DATA_SYNC_ORDERS', 'DATA_SYNC_ORDERS', '10.00'], // 0.1 per 100 in the first tier
    ['WALI_MESSAGES', 'WALI_MESSAGES', '1.00'], // 0.01 per 100 new messages
    ['CRM_RELATIONS', 'CRM_RELATIONS', '0.06'], // 0.06 per 10,000 relations per day
  ])('%s → %s = %s', (meter, code, amount) => {
    const bill = rate({ [meter]: 10_000 });
    expect(bill.lines).toHaveLength(1);
    expect(line(bill, code)).toMatchObject({ kind: 'CHARGE', quantity: '10000', amount });
    expect(bill.total).toBe(amount);
  });

  it.each([
    ['BASIC', '0.00'],
    ['ADVANCED', '79.00'],
    ['PLATINUM', '149.00'],
    ['FLAGSHIP', '299.00'],
  ])('data-sync package %s held one day → %s', (pkg, amount) => {
    expect(line(rate({}, '2026-11-19', [[pkg]]), 'DATA_SYNC_PACKAGE_FEE')!.amount).toBe(amount);
  });

  it('a meter without usage makes no line; the free API line shows 0.00 when called', () => {
    expect(rate({}).lines).toEqual([]);
    expect(rate({}).total).toBe('0.00');
  });
});

describe('data sync, graduated per day (000 FAQ)', () => {
  it.each([
    [12_000, '12.00', '12,000 orders: 12,000 × 0.1/100'],
    [1_000_000, '1000.00', '1,000,000 orders: 1,000,000 × 0.1/100'],
    [1_300_000, '1120.00', '1,300,000 orders: 1,000,000 × 0.1/100 + 300,000 × 0.04/100'],
    [1_000_001, '1000.00', '1,000,001 orders: 1,000,000 × 0.1/100 + 1 × 0.04/100'],
  ])('%i orders → %s', (orders, amount, explanation) => {
    const l = line(rate({ DATA_SYNC_ORDERS: orders }), 'DATA_SYNC_ORDERS')!;
    expect(l.amount).toBe(amount);
    expect(l.explanation.startsWith(explanation)).toBe(true);
  });

  it('before 2018-08-01 the list price is 0.12/100 (a past day is billed with the rules then)', () => {
    expect(line(rate({ DATA_SYNC_ORDERS: 12_000 }, '2018-07-31'), 'DATA_SYNC_ORDERS')!.amount).toBe('14.40');
    expect(line(rate({ DATA_SYNC_ORDERS: 1_300_000 }, '2018-07-31'), 'DATA_SYNC_ORDERS')!.amount).toBe('1560.00');
    expect(line(rate({ DATA_SYNC_ORDERS: 12_000 }, '2018-08-01'), 'DATA_SYNC_ORDERS')!.amount).toBe('12.00');
  });
});

describe('package fee: the highest package held that day', () => {
  it('ADVANCED then FLAGSHIP on one day → 299', () => {
    const l = line(rate({}, '2026-11-19', [['ADVANCED', 'FLAGSHIP']]), 'DATA_SYNC_PACKAGE_FEE')!;
    expect(l).toMatchObject({ amount: '299.00', quantity: '1' });
    expect(l.explanation).toContain('1 day × FLAGSHIP 299');
  });
  it('a month sums each day’s highest package (30 days: 10 FLAGSHIP + 20 ADVANCED = 4,570)', () => {
    const days = [...Array(10).fill(['FLAGSHIP', 'BASIC']), ...Array(20).fill(['ADVANCED'])];
    const priced = highestPackagePerDayModel.price({ quantity: new D(30), packagesByDay: days }, { prices: { BASIC: '0', ADVANCED: '79', PLATINUM: '149', FLAGSHIP: '299' } }, 'days');
    expect(priced.precise.toFixed(2)).toBe('4570.00');
  });
});

describe('coupons (DOMAIN §5): scope basic + value-added, never more than those lines', () => {
  const daily = { code: 'DAILY_50', amount: '50' };
  const withCoupon = (totals: Record<string, number>) => rateBill({ charges: taobaoOn('2026-11-19'), usage: usage(totals), coupon: daily });

  it.each([
    // basic out of cloud at 0.2/100: 15,000 calls = 30.00, 25,000 = 50.00, 40,000 = 80.00
    [15_000, '-30.00', '0.00'],
    [25_000, '-50.00', '0.00'],
    [40_000, '-50.00', '30.00'],
  ])('API fees from %i basic calls → coupon %s, total %s', (calls, coupon, total) => {
    const bill = withCoupon({ 'API:BASIC:OUT_OF_CLOUD': calls });
    expect(line(bill, 'DAILY_50')!.amount).toBe(coupon);
    expect(bill.total).toBe(total);
  });

  it('logistics and data-sync lines are untouched by the coupon', () => {
    const bill = withCoupon({ 'API:BASIC:OUT_OF_CLOUD': 15_000, 'API:LOGISTICS_EXCEPTION:OUT_OF_CLOUD': 10_000, DATA_SYNC_ORDERS: 12_000 });
    expect(line(bill, 'DAILY_50')!.amount).toBe('-30.00'); // only the 30.00 of API fees
    expect(bill.total).toBe('62.00'); // 30 + 50 + 12 − 30
  });

  it('no API fees ⇒ no coupon line at all', () => {
    expect(line(withCoupon({ DATA_SYNC_ORDERS: 12_000 }), 'DAILY_50')).toBeUndefined();
  });

  it('basic and value-added in and out of cloud share one coupon', () => {
    const bill = withCoupon({ 'API:BASIC:IN_CLOUD': 100_000, 'API:VALUE_ADDED:IN_CLOUD': 100_000 }); // 20 + 60
    expect(line(bill, 'DAILY_50')!.amount).toBe('-50.00');
    expect(bill.total).toBe('30.00');
  });
});

describe('which coupon a day gets', () => {
  it.each([
    ['2022-04-30', false, null],
    ['2022-05-01', false, 'DAILY_50'],
    ['2022-05-31', true, 'DAILY_50'], // the new-ISV window has not opened
    ['2022-06-01', true, 'NEW_ISV_200'],
    ['2023-03-31', true, 'NEW_ISV_200'],
    ['2023-04-01', true, 'DAILY_50'],
    ['2022-06-01', false, 'DAILY_50'], // not a qualifying new ISV
  ])('%s, new ISV %s → %s', (date, newIsv, code) => {
    expect(couponFor(DEFAULT_COUPON_POLICIES, BillingPlatform.TAOBAO, date, newIsv)?.code ?? null).toBe(code);
  });

  it('the new-ISV coupon replaces the 50, never stacks: 300.00 of API fees → −200.00', () => {
    const coupon = couponFor(DEFAULT_COUPON_POLICIES, BillingPlatform.TAOBAO, '2022-06-01', true)!;
    const bill = rateBill({ charges: taobaoOn('2022-06-01'), usage: usage({ 'API:BASIC:OUT_OF_CLOUD': 150_000 }), coupon });
    expect(bill.lines.filter((l) => l.kind === 'COUPON').map((l) => l.amount)).toEqual(['-200.00']);
    expect(bill.total).toBe('100.00');
  });

  it('no Douyin coupon is seeded', () => {
    expect(couponFor(DEFAULT_COUPON_POLICIES, BillingPlatform.DOUYIN, '2026-10-01', true)).toBeNull();
  });
});

describe('rounding: each line half-up to the fen, the total is the sum of rounded lines', () => {
  it('x.xx5 rounds up: 12,525 basic in-cloud calls × 0.02/100 = 2.505 → 2.51', () => {
    expect(line(rate({ 'API:BASIC:IN_CLOUD': 12_525 }), 'BASIC_API_IN_CLOUD')).toMatchObject({ preciseAmount: '2.505', amount: '2.51' });
  });
  it('50 Wali messages × 0.01/100 = 0.005 → 0.01', () => {
    expect(line(rate({ WALI_MESSAGES: 50 }), 'WALI_MESSAGES')).toMatchObject({ preciseAmount: '0.005', amount: '0.01' });
  });
  it('total = sum of rounded lines, not the rounded sum of precise amounts (2.505 + 0.005 → 2.52, not 2.51)', () => {
    const bill = rate({ 'API:BASIC:IN_CLOUD': 12_525, WALI_MESSAGES: 50 });
    expect(bill.total).toBe('2.52');
    expect(bill.lines.reduce((s, l) => s.plus(l.amount), new D(0)).toFixed(2)).toBe(bill.total);
  });
});

describe('Douyin month with a 20% quality discount (DOMAIN §6)', () => {
  it('one negative line, 20% of the sum of the rounded lines, half-up', () => {
    const douyin = priceListOn(DEFAULT_PRICE_LISTS, BillingPlatform.DOUYIN, '2026-10-01')!;
    expect(douyin.isExample).toBe(true);
    // month's sums: 1,234,567 basic in-cloud calls = 246.9134 → 246.91; 1,300,000 orders = 1,120.00 (tiers apply to the month)
    const bill = rateBill({ charges: douyin.charges, usage: usage({ 'API:BASIC:IN_CLOUD': 1_234_567, DATA_SYNC_ORDERS: 1_300_000 }), discountPercent: '20' });
    expect(bill.lines.map((l) => [l.code, l.amount])).toEqual([
      ['BASIC_API_IN_CLOUD', '246.91'],
      ['DATA_SYNC_ORDERS', '1120.00'],
      ['QUALITY_APP_DISCOUNT', '-273.38'], // 20% × 1,366.91 = 273.382
    ]);
    expect(bill.total).toBe('1093.53');
  });
  it('the discount rounds half-up: 20% of 0.03 = 0.006 → −0.01', () => {
    const douyin = priceListOn(DEFAULT_PRICE_LISTS, BillingPlatform.DOUYIN, '2026-10-01')!;
    const bill = rateBill({ charges: douyin.charges, usage: usage({ 'API:BASIC:OUT_OF_CLOUD': 15 }), discountPercent: '20' });
    expect(line(bill, 'QUALITY_APP_DISCOUNT')!.amount).toBe('-0.01');
    expect(bill.total).toBe('0.02');
  });
});

describe('periods', () => {
  it.each([
    [BillingPlatform.TAOBAO, '2026-11-19', '2026-11-20', true],
    [BillingPlatform.TAOBAO, '2026-11-20', '2026-11-20', false], // not over yet
    [BillingPlatform.DOUYIN, '2026-10', '2026-11-04', false], // settled on the 5th
    [BillingPlatform.DOUYIN, '2026-10', '2026-11-05', true],
    [BillingPlatform.DOUYIN, '2026-12', '2027-01-05', true],
    [BillingPlatform.DOUYIN, '2026-10-01', '2026-11-05', false],
  ])('%s %s on %s billable: %s', (platform, key, today, ok) => {
    expect(billingPeriod(platform, key, today).ok).toBe(ok);
  });
  it('a Douyin month spans its calendar days', () => {
    expect(billingPeriod(BillingPlatform.DOUYIN, '2024-02', '2024-03-05')).toEqual({ ok: true, period: { key: '2024-02', start: '2024-02-01', end: '2024-02-29', days: 29 } });
  });
});

describe('price-list validation', () => {
  it('the seeded lists are valid', () => {
    for (const l of DEFAULT_PRICE_LISTS) expect(validateCharges(l.charges)).toEqual([]);
  });
  it('names each broken rule', () => {
    const rules = validateCharges([
      { code: 'X', label: 'x', meter: 'M', unit: 'u', model: 'PER_HUNDRED', props: { price: '-1' }, couponScope: false },
      { code: 'Y1', label: 'y', meter: 'M', unit: 'u', model: 'GRADUATED', props: { per: 100, tiers: [{ upTo: 10, price: '1' }] }, couponScope: false },
    ]).map((v) => `${v.field}:${v.rule}`);
    expect(rules).toEqual(['charges[0].code:BAD_CODE', 'charges[0].props:INVALID_PROPS', 'charges[1].meter:DUPLICATE', 'charges[1].props:INVALID_PROPS']);
  });
});

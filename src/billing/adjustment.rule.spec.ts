import { adjustmentOf, BilledLine } from './adjustment.rule';
import { couponFor } from './coupon';
import { DEFAULT_COUPON_POLICIES, DEFAULT_PRICE_LISTS } from './default-price-lists';
import { BillingPlatform, priceListOn } from './price-list';
import { RatedBill, rateBill } from './rate-bill';

const charges = (date: string, platform = BillingPlatform.TAOBAO) => priceListOn(DEFAULT_PRICE_LISTS, platform, date)!.charges;
/** A Taobao day rated as the billing run rates it: DAILY_50 from 2022-05-01 (DOMAIN §5). */
const day = (totals: Record<string, number>, date = '2026-11-19', newIsv = false): RatedBill =>
  rateBill({ charges: charges(date), usage: { totals, packagesByDay: [[]] }, coupon: couponFor(DEFAULT_COUPON_POLICIES, BillingPlatform.TAOBAO, date, newIsv) });
const asBilled = (...bills: { lines: readonly BilledLine[] }[]): BilledLine[] => bills.flatMap((b) => [...b.lines]);
const amounts = (a: { lines: readonly { code: string; amount: string }[] } | null) => Object.fromEntries((a?.lines ?? []).map((l) => [l.code, l.amount]));

describe('late usage: the whole day re-rated minus what was billed (issue 17, DOMAIN §5 figures)', () => {
  it('data sync 1,300,000 → 1,350,000 orders: +20.00 (the second tier, 0.04/100)', () => {
    const first = day({ DATA_SYNC_ORDERS: 1_300_000 }); // 1,000,000 × 0.1/100 + 300,000 × 0.04/100 = 1120.00
    const adj = adjustmentOf({ rerated: day({ DATA_SYNC_ORDERS: 1_350_000 }), billed: asBilled(first), charges: charges('2026-11-19') })!;
    expect(adj.total).toBe('20.00');
    expect(adj.lines).toHaveLength(1);
    expect(adj.lines[0]).toMatchObject({ kind: 'CHARGE', code: 'DATA_SYNC_ORDERS', quantity: '50000', amount: '20.00', preciseAmount: '20' });
    expect(adj.lines[0].explanation).toMatch(/^Data sync \(new main orders\) 1,300,000 → 1,350,000 orders: \+20\.00 \(1140\.00 now − 1120\.00 billed; /);
  });

  it('tiers cross 1,000,000 and the 50 coupon, partly used, grants only its rest: 900,000 → 1,100,000 orders +140.00, basic calls +20.00, coupon −20.00', () => {
    // Billed: 900,000 orders 900.00; 150,000 basic in-cloud calls × 0.02/100 = 30.00, coupon −30.00 (20.00 unused): 900.00.
    const first = day({ DATA_SYNC_ORDERS: 900_000, 'API:BASIC:IN_CLOUD': 150_000 });
    expect(first.total).toBe('900.00');
    // Late: +200,000 orders (1,000,000 × 0.1/100 + 100,000 × 0.04/100 = 1040.00) and +100,000 calls (250,000: 50.00, coupon now −50.00).
    const adj = adjustmentOf({ rerated: day({ DATA_SYNC_ORDERS: 1_100_000, 'API:BASIC:IN_CLOUD': 250_000 }), billed: asBilled(first), charges: charges('2026-11-19') })!;
    expect(amounts(adj)).toEqual({ DATA_SYNC_ORDERS: '140.00', BASIC_API_IN_CLOUD: '20.00', DAILY_50: '-20.00' });
    expect(adj.total).toBe('140.00');
    expect(adj.couponTotal).toBe('20.00');

    // More late calls: +300,000 (550,000: 110.00). The coupon is used up: no coupon line, +60.00.
    const second = adjustmentOf({ rerated: day({ DATA_SYNC_ORDERS: 1_100_000, 'API:BASIC:IN_CLOUD': 550_000 }), billed: asBilled(first, adj), charges: charges('2026-11-19') })!;
    expect(amounts(second)).toEqual({ BASIC_API_IN_CLOUD: '60.00' });
    expect(second).toMatchObject({ total: '60.00', couponTotal: '0.00' });
    expect(second.lines[0].explanation).toMatch(/^Basic API, in cloud 250,000 → 550,000 calls: \+60\.00/);
  });

  it('usage already billed (a retry, or a second sweep) adjusts nothing', () => {
    const first = day({ DATA_SYNC_ORDERS: 1_300_000, 'API:BASIC:IN_CLOUD': 10_000 });
    expect(adjustmentOf({ rerated: first, billed: asBilled(first), charges: charges('2026-11-19') })).toBeNull();
  });

  it.each([
    ['late free API calls: a 0.00 line', { 'API:FREE:IN_CLOUD': 5_000 }],
    ['late basic calls the coupon still covers: +2.00 and −2.00', { 'API:BASIC:IN_CLOUD': 110_000 }],
  ])('an adjustment that comes to zero writes nothing (%s)', (_what, late) => {
    const first = day({ 'API:BASIC:IN_CLOUD': 100_000 }); // 20.00 − coupon 20.00 = 0.00
    expect(adjustmentOf({ rerated: day({ 'API:BASIC:IN_CLOUD': 100_000, ...late }), billed: asBilled(first), charges: charges('2026-11-19') })).toBeNull();
  });

  it('an explicit re-rate at a lower price gives a negative adjustment (a credit): 1,000,000 orders at 0.12/100 billed 1200.00, graduated 1000.00 → −200.00', () => {
    const billed = day({ DATA_SYNC_ORDERS: 1_000_000 }, '2018-07-31'); // the flat list before 2018-08-01
    expect(billed.total).toBe('1200.00');
    const adj = adjustmentOf({ rerated: day({ DATA_SYNC_ORDERS: 1_000_000 }, '2018-08-01'), billed: asBilled(billed), charges: charges('2018-08-01') })!;
    expect(adj.total).toBe('-200.00');
    expect(adj.lines[0]).toMatchObject({ quantity: '0', amount: '-200.00' });
    expect(adj.lines[0].explanation).toMatch(/1,000,000 → 1,000,000 orders: −200\.00/);
  });

  it('Douyin month: the 20% quality discount applies to the whole month again (DOMAIN §6): 30 × 10,000 orders +10,000 late', () => {
    const month = (orders: number) => rateBill({ charges: charges('2026-10-01', BillingPlatform.DOUYIN), usage: { totals: { DATA_SYNC_ORDERS: orders }, packagesByDay: [] }, discountPercent: '20' });
    const first = month(300_000); // 300.00 − 60.00 = 240.00
    const adj = adjustmentOf({ rerated: month(310_000), billed: asBilled(first), charges: charges('2026-10-01', BillingPlatform.DOUYIN) })!; // 310.00 − 62.00 = 248.00
    expect(amounts(adj)).toEqual({ DATA_SYNC_ORDERS: '10.00', QUALITY_APP_DISCOUNT: '-2.00' });
    expect(adj.total).toBe('8.00');
  });
});

import { DEFAULT_PRICE_LISTS } from './default-price-lists';
import { formatFen, formatScaled, rateBillFixedPoint } from './fixed-point-rating';
import { D } from './money';
import { ChargeDef, PACKAGE_METER } from './price-list';
import { RateBillInput, rateBill, rateBillDecimal } from './rate-bill';

/** A seeded generator (mulberry32): the same inputs on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const taobao = DEFAULT_PRICE_LISTS.find((l) => l.id === 'TAOBAO-2018-08-01')!.charges;
const taobaoFlat = DEFAULT_PRICE_LISTS.find((l) => l.id === 'TAOBAO-2000-01-01')!.charges;

describe('fixed-point rating: the same lines as the decimal.js reference, or no answer', () => {
  it('formats figures as decimal.js toFixed() and toFixed(2) do', () => {
    for (const [n, digits] of [[0n, 6], [5000n, 6], [-5000n, 6], [1234500000n, 6], [7n, 10], [-120n, 2], [100n, 0], [1n, 1]] as const) {
      expect(formatScaled(n, digits)).toBe(new D(n.toString()).div(new D(10).pow(digits)).toFixed());
    }
    for (const n of [0n, 1n, -1n, 99n, 100n, -12345n]) expect(formatFen(n)).toBe(new D(n.toString()).div(100).toFixed(2));
  });

  // DOMAIN §5: basic API in cloud 0.02/100. 25 calls = 0.005 → 0.01 (half-up); 75 = 0.015 → 0.02; 24 = 0.0048 → 0.00.
  it.each([
    [25, '0.005', '0.01'],
    [75, '0.015', '0.02'],
    [24, '0.0048', '0.00'],
    [10_000, '2', '2.00'],
  ])('%i basic calls in cloud: precise %s, rounded half-up %s, by both paths', (calls, precise, amount) => {
    const input: RateBillInput = { charges: taobao, usage: { totals: { 'API:BASIC:IN_CLOUD': calls }, packagesByDay: [] } };
    const fast = rateBillFixedPoint(input)!;
    expect(fast.lines[0]).toMatchObject({ preciseAmount: precise, amount });
    expect(fast).toEqual(rateBillDecimal(input));
  });

  // DOMAIN §5 data sync from 2018-08-01: first 1,000,000 orders 0.1/100, the rest 0.04/100.
  it.each([
    [999_999, '999.999', '1000.00'],
    [1_000_000, '1000', '1000.00'],
    [1_000_001, '1000.0004', '1000.00'],
    [1_300_000, '1120', '1120.00'],
  ])('%i data-sync orders at the tier boundary: precise %s, amount %s, explanation identical', (orders, precise, amount) => {
    const input: RateBillInput = { charges: taobao, usage: { totals: { DATA_SYNC_ORDERS: orders }, packagesByDay: [] }, coupon: { code: 'DAILY_50', amount: '50' } };
    const fast = rateBillFixedPoint(input)!;
    expect(fast.lines[0]).toMatchObject({ preciseAmount: precise, amount });
    expect(fast).toEqual(rateBillDecimal(input));
  });

  it('declines what it cannot compute exactly: a fractional quantity, a block of 3, a 7-decimal coupon, 40-digit products', () => {
    const per3: ChargeDef[] = [{ code: 'X', label: 'X', meter: 'M', unit: 'calls', model: 'GRADUATED', props: { per: 3, tiers: [{ upTo: null, price: '1' }] }, couponScope: false }];
    expect(rateBillFixedPoint({ charges: taobao, usage: { totals: { 'API:BASIC:IN_CLOUD': 1.5 }, packagesByDay: [] } })).toBeNull();
    expect(rateBillFixedPoint({ charges: per3, usage: { totals: { M: 10 }, packagesByDay: [] } })).toBeNull();
    expect(rateBillFixedPoint({ charges: taobao, usage: { totals: { 'API:BASIC:IN_CLOUD': 100 }, packagesByDay: [] }, coupon: { code: 'C', amount: '0.0000001' } })).toBeNull();
    expect(rateBillFixedPoint({ charges: taobao, usage: { totals: { 'API:BASIC:IN_CLOUD': '9'.repeat(36) }, packagesByDay: [] } })).toBeNull();
    // rateBill then answers with the reference: 10 calls per block of 3 at 1 yuan = 3.333… (40 significant digits) → 3.33.
    expect(rateBill({ charges: per3, usage: { totals: { M: 10 }, packagesByDay: [] } }).total).toBe('3.33');
  });

  it('agrees with decimal.js on 30,000 generated bills: tier and rounding boundaries, coupons, discounts, packages, odd price lists', () => {
    const rnd = prng(20261202);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const price = () => {
      const whole = pick(['0', '0', '1', String(int(0, 99)), String(int(0, 99_999_999))]);
      const decimals = int(0, 6);
      return decimals === 0 ? whole : `${whole}.${Array.from({ length: decimals }, () => int(0, 9)).join('')}`;
    };
    const packages = ['BASIC', 'ADVANCED', 'PLATINUM', 'FLAGSHIP', 'UNKNOWN'];
    const randomList = (): ChargeDef[] => {
      const out: ChargeDef[] = [];
      const n = int(1, 5);
      for (let i = 0; i < n; i++) {
        const meter = `M${i}`;
        const model = pick(['PER_HUNDRED', 'PER_TEN_THOUSAND_PER_DAY', 'GRADUATED', 'GRADUATED'] as const);
        let props: Record<string, unknown>;
        if (model === 'GRADUATED') {
          const tiers: { upTo: number | null; price: string }[] = [];
          let upTo = 0;
          for (let t = int(0, 3); t > 0; t--) tiers.push({ upTo: (upTo += int(1, 2_000_000)), price: price() });
          tiers.push({ upTo: null, price: price() });
          props = { per: pick([1, 2, 8, 64, 100, 125, 1000, 10_000, 3, 7, 12]), tiers };
        } else props = { price: price() };
        out.push({ code: `C${i}`, label: `Charge ${i}`, meter, unit: pick(['calls', 'orders', 'relation-days']), model, props, couponScope: rnd() < 0.5 });
      }
      if (rnd() < 0.4) {
        const prices: Record<string, string> = {};
        for (const p of packages.slice(0, 4)) if (rnd() < 0.8) prices[p] = price();
        if (Object.keys(prices).length === 0) prices.BASIC = '0';
        out.push({ code: 'PKG', label: 'Package', meter: PACKAGE_METER, unit: 'days', model: 'HIGHEST_PACKAGE_PER_DAY', props: { prices }, couponScope: false });
      }
      return out;
    };
    const lists = [taobao, taobaoFlat, ...Array.from({ length: 300 }, randomList)];
    // Quantities at the DOMAIN §5 tier boundary (1,000,000), at rounding boundaries of 0.02/100 (25, 75), the generated tiers' boundaries, and anywhere.
    const quantity = (list: readonly ChargeDef[]): number | string => {
      const bounds = list.flatMap((c) => (c.model === 'GRADUATED' ? (c.props as { tiers: { upTo: number | null }[] }).tiers.flatMap((t) => (t.upTo === null ? [] : [t.upTo - 1, t.upTo, t.upTo + 1])) : []));
      const r = rnd();
      if (r < 0.05) return 0;
      if (r < 0.1) return pick([25, 75, 125, 2_475, 999_999, 1_000_000, 1_000_001, 1_500_000, 12_345, 1]);
      if (r < 0.25 && bounds.length > 0) return pick(bounds);
      if (r < 0.3) return String(int(0, 9_000_000));
      if (r < 0.33) return int(0, Number.MAX_SAFE_INTEGER);
      if (r < 0.34) return pick([1.5, -3, 0.25]);
      return int(1, r < 0.7 ? 1_000 : 1_600_000);
    };
    let fixedPoint = 0;
    const cases = 30_000;
    // Compared as JSON (key order is the same by construction); the first few differences are shown.
    const differences: { input: RateBillInput; fast: unknown; reference: unknown }[] = [];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (let k = 0; k < cases; k++) {
      const charges = pick(lists);
      const totals: Record<string, number | string> = {};
      for (const c of charges) if (c.meter !== PACKAGE_METER && rnd() < 0.8) totals[c.meter] = quantity(charges);
      const days = pick([1, 1, 1, 30, 31]);
      const packagesByDay = Array.from({ length: days }, () => (rnd() < 0.5 ? [] : Array.from({ length: int(1, 3) }, () => pick(packages))));
      const input: RateBillInput = {
        charges,
        usage: { totals, packagesByDay },
        coupon: rnd() < 0.6 ? { code: 'CP', amount: pick(['50', '200', '0', '0.01', '12.345', '50.00', '3.999999', '100000']) } : null,
        discountPercent: pick([null, null, '0', '20', '12.5', '33.33', '0.01', '100', '7.000001']),
      };
      const reference = rateBillDecimal(input);
      const fast = rateBillFixedPoint(input);
      if (fast !== null) fixedPoint++;
      if ((fast !== null && !same(fast, reference)) || !same(rateBill(input), reference)) differences.push({ input, fast, reference });
    }
    expect(differences.slice(0, 3)).toEqual([]);
    // Most generated bills take the fixed-point path (the rest: blocks of 3, 7 or 12, fractional or negative quantities).
    expect(fixedPoint).toBeGreaterThan(cases * 0.6);
  });
});

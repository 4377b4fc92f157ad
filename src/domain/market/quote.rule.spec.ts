import { Quote, quote, Selection } from './quote.rule';
import { STANDARD } from './example-004.fixture';
import { BillingCycle, PurchaseKind, SaleMode } from './market.enums';

const sel = (patch: Partial<Selection> = {}): Selection => ({
  cycle: BillingCycle.YEAR,
  length: 1,
  purchase: PurchaseKind.NEW,
  quantities: [{ code: 'yonghushu', quantity: 10 }],
  choices: [
    { code: 'xinghao', value: 'APP+WAP+WeChat' },
    { code: 'quyu', value: 'Shanghai' },
  ],
  ...patch,
});

const priced = (s: Selection): Quote => {
  const r = quote(STANDARD, SaleMode.BY_CYCLE, s);
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r.value;
};

describe("quotes, 004's example 2 (standard edition)", () => {
  it('1 year new: 12 + 10 users × 10 = 100 + APP+WAP+WeChat 60 + Shanghai 36 = 208.00, a line per part', () => {
    const q = priced(sel());
    expect(q.lines.map((l) => [l.part, l.code, l.quantity, l.unitPrice.toFixed(2), l.amount.toFixed(2)])).toEqual([
      ['BASE', null, 1, '12.00', '12.00'],
      ['QUANTITY', 'yonghushu', 10, '10.00', '100.00'],
      ['ENUM', 'xinghao', 1, '60.00', '60.00'],
      ['ENUM', 'quyu', 1, '36.00', '36.00'],
    ]);
    expect(q.total.toFixed(2)).toBe('208.00');
  });

  it.each([
    // users, cycle, length, users line, total   (volume tiers: 5–9 at 12/year or 1/month; ≥ 10 at 10/year or 1/month)
    [5, BillingCycle.YEAR, 1, '60.00', '168.00'],
    [9, BillingCycle.YEAR, 1, '108.00', '216.00'],
    [10, BillingCycle.YEAR, 1, '100.00', '208.00'],
    [11, BillingCycle.YEAR, 1, '110.00', '218.00'],
    [10, BillingCycle.YEAR, 2, '200.00', '416.00'],
    [9, BillingCycle.MONTH, 1, '9.00', '18.00'],
    [10, BillingCycle.MONTH, 3, '30.00', '57.00'],
  ])('%i users, %s × %i: users line %s, total %s', (users, cycle, length, usersLine, total) => {
    const q = priced(sel({ cycle, length, quantities: [{ code: 'yonghushu', quantity: users }] }));
    expect(q.lines.find((l) => l.code === 'yonghushu')!.amount.toFixed(2)).toBe(usersLine);
    expect(q.total.toFixed(2)).toBe(total);
  });

  it.each<[string, Partial<Selection>, string, string]>([
    ['4 users, under the minimum of 5', { quantities: [{ code: 'yonghushu', quantity: 4 }] }, 'quantities.yonghushu', 'BELOW_MINIMUM'],
    ['no user count', { quantities: [] }, 'quantities.yonghushu', 'REQUIRED'],
    ['an unknown model', { choices: [{ code: 'xinghao', value: 'PC' }, { code: 'quyu', value: 'Shanghai' }] }, 'choices.xinghao', 'UNKNOWN_VALUE'],
    ['no region', { choices: [{ code: 'xinghao', value: 'APP+WAP' }] }, 'choices.quyu', 'REQUIRED'],
    ['an item the version lacks', { quantities: [{ code: 'yonghushu', quantity: 10 }, { code: 'disk', quantity: 1 }] }, 'quantities[1].code', 'UNKNOWN_ITEM'],
    ['4 years', { length: 4 }, 'length', 'OUT_OF_RANGE'],
    ['12 months', { cycle: BillingCycle.MONTH, length: 12 }, 'length', 'OUT_OF_RANGE'],
    ['a one-time purchase of a BY_CYCLE product', { cycle: BillingCycle.ONE_TIME }, 'cycle', 'CYCLE_NOT_SOLD'],
  ])('refuses %s', (_what, patch, field, rule) => {
    const r = quote(STANDARD, SaleMode.BY_CYCLE, sel(patch));
    expect(r.ok).toBe(false);
    if (!r.ok && r.refusal.kind === 'INVALID_INPUT') expect(r.refusal.violations).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('renewal uses renewal prices (004 example 1: 10/month new, 100/year renewal)', () => {
    const v = { name: 'Standard', prices: { monthNew: '1', monthRenew: '10', yearNew: '10', yearRenew: '100' }, items: [] };
    const r = quote(v, SaleMode.BY_CYCLE, { cycle: BillingCycle.YEAR, length: 1, purchase: PurchaseKind.RENEWAL, quantities: [], choices: [] });
    expect(r.ok && r.value.total.toFixed(2)).toBe('100.00');
  });

  it('a ONE_TIME product has one price, no renewal', () => {
    const v = { name: 'Lifetime', prices: { oneTime: '299.90' }, items: [] };
    const once = quote(v, SaleMode.ONE_TIME, { cycle: BillingCycle.ONE_TIME, length: 1, purchase: PurchaseKind.NEW, quantities: [], choices: [] });
    expect(once.ok && once.value.total.toFixed(2)).toBe('299.90');
    const renew = quote(v, SaleMode.ONE_TIME, { cycle: BillingCycle.ONE_TIME, length: 1, purchase: PurchaseKind.RENEWAL, quantities: [], choices: [] });
    expect(renew.ok).toBe(false);
  });
});

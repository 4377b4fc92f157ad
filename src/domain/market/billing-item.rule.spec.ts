import { BillingItem, checkBillingItems, checkFrozenStructure } from './billing-item.rule';
import { MODEL, REGION, USERS } from './example-004.fixture';
import { BillingItemKind, SaleMode } from './market.enums';

const rules = (vs: { field: string; rule: string }[]) => vs.map((v) => `${v.field}:${v.rule}`);

describe('extra billing items (004 §4.2.7)', () => {
  it("004's users, model and region items are valid", () => {
    expect(checkBillingItems([USERS, MODEL, REGION], SaleMode.BY_CYCLE)).toEqual([]);
  });

  it.each<[string, Partial<BillingItem>, string[]]>([
    ['a code with a digit', { code: 'users2' }, ['items[0].code:INVALID_CODE']],
    ['a code with a hyphen', { code: 'user-count' }, ['items[0].code:INVALID_CODE']],
    ['letters and underscores', { code: 'user_count' }, []],
    ['no unit', { unit: '' }, ['items[0].unit:REQUIRED']],
    ['a minimum of 0', { minimum: 0, tiers: [{ from: 1, prices: USERS.tiers![0].prices }] }, ['items[0].minimum:INVALID_MINIMUM']],
    ['a first tier not at the minimum', { minimum: 3 }, ['items[0].tiers[0].from:FIRST_TIER_NOT_MINIMUM']],
    ['tiers not ascending', { tiers: [USERS.tiers![0], { ...USERS.tiers![1], from: 5 }] }, ['items[0].tiers[1].from:TIERS_NOT_ASCENDING']],
    ['no tiers', { tiers: [] }, ['items[0].tiers:REQUIRED']],
    ['a tier without renewal price', { tiers: [{ from: 5, prices: { monthNew: '1', yearNew: '12', yearRenew: '12' } }] }, ['items[0].tiers[0].prices.monthRenew:REQUIRED']],
    ['a negative price', { tiers: [{ from: 5, prices: { yearNew: '-1', yearRenew: '12' } }] }, ['items[0].tiers[0].prices.yearNew:NOT_A_PRICE']],
  ])('QUANTITY with %s', (_what, patch, expected) => {
    expect(rules(checkBillingItems([{ ...USERS, ...patch }], SaleMode.BY_CYCLE))).toEqual(expected);
  });

  it.each<[string, Partial<BillingItem>, string[]]>([
    ['no values', { values: [] }, ['items[0].values:REQUIRED']],
    ['a duplicate value', { values: [MODEL.values![0], MODEL.values![0]] }, ['items[0].values[1].value:DUPLICATE']],
    ['tiers', { tiers: USERS.tiers }, ['items[0].tiers:NOT_FOR_ENUM']],
  ])('ENUM with %s', (_what, patch, expected) => {
    expect(rules(checkBillingItems([{ ...MODEL, ...patch }], SaleMode.BY_CYCLE))).toEqual(expected);
  });

  it('two items with one code are refused', () => {
    expect(rules(checkBillingItems([MODEL, { ...REGION, code: 'xinghao' }], SaleMode.BY_CYCLE))).toEqual(['items[1].code:DUPLICATE']);
  });

  it('ONE_TIME items carry a single new-purchase price, no cycle prices', () => {
    const oneTime: BillingItem = { code: 'quyu', name: 'Region', kind: BillingItemKind.ENUM, values: [{ value: 'Beijing', prices: { oneTime: '30' } }] };
    expect(checkBillingItems([oneTime], SaleMode.ONE_TIME)).toEqual([]);
    expect(rules(checkBillingItems([MODEL], SaleMode.ONE_TIME))).toContain('items[0].values[0].prices.oneTime:REQUIRED');
  });
});

describe('frozen after submission: tier starts and enum values; prices may change', () => {
  const repriced: BillingItem = { ...USERS, tiers: USERS.tiers!.map((t) => ({ ...t, prices: { ...t.prices, yearNew: '9' } })) };
  it.each<[string, BillingItem[], string[]]>([
    ['new prices only', [repriced, MODEL], []],
    ['a moved tier start', [{ ...USERS, tiers: [USERS.tiers![0], { ...USERS.tiers![1], from: 20 }] }, MODEL], ['items[0].tiers:FROZEN_AFTER_SUBMISSION']],
    ['an added tier', [{ ...USERS, tiers: [...USERS.tiers!, { from: 50, prices: USERS.tiers![1].prices }] }, MODEL], ['items[0].tiers:FROZEN_AFTER_SUBMISSION']],
    ['a changed minimum', [{ ...USERS, minimum: 6, tiers: [{ ...USERS.tiers![0], from: 6 }, USERS.tiers![1]] }, MODEL], ['items[0].minimum:FROZEN_AFTER_SUBMISSION', 'items[0].tiers:FROZEN_AFTER_SUBMISSION']],
    ['a renamed enum value', [USERS, { ...MODEL, values: [MODEL.values![0], { ...MODEL.values![1], value: 'APP' }] }], ['items[1].values:FROZEN_AFTER_SUBMISSION']],
    ['a removed item', [USERS], ['items:FROZEN_AFTER_SUBMISSION']],
    ['an added item', [USERS, MODEL, REGION], ['items[2].code:FROZEN_AFTER_SUBMISSION']],
  ])('%s → %j', (_what, after, expected) => {
    expect(rules(checkFrozenStructure([USERS, MODEL], after))).toEqual(expected);
  });
});

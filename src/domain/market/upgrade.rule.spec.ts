import { checkUpgrade, remainingDays, upgradeCharge, UpgradeEnds } from './upgrade.rule';
import { quote, PricedVersion, Selection } from './quote.rule';
import { STANDARD } from './example-004.fixture';
import { BillingCycle, PurchaseKind, SaleMode } from './market.enums';

const ends = (patch: Partial<UpgradeEnds> = {}): UpgradeEnds => ({
  fromVersionId: 'std',
  fromHidden: false,
  toVersionId: 'adv',
  toHidden: false,
  rules: [
    { fromVersionId: 'std', toVersionId: 'adv' },
    { fromVersionId: 'std', toVersionId: 'vip' },
    { fromVersionId: 'adv', toVersionId: 'vip' },
  ],
  currentQuantities: [{ code: 'yonghushu', quantity: 10 }],
  currentChoices: [{ code: 'quyu', value: 'Shanghai' }],
  targetQuantities: [{ code: 'yonghushu', quantity: 10 }],
  targetChoices: [{ code: 'quyu', value: 'Shanghai' }],
  ...patch,
});
const rules = (u: UpgradeEnds) => checkUpgrade(u).map((v) => v.rule);

describe('upgrade rules (004 §4.2.8)', () => {
  it.each<[string, Partial<UpgradeEnds>, string[]]>([
    ['standard → advanced, configured', {}, []],
    ['advanced → premium, configured', { fromVersionId: 'adv', toVersionId: 'vip' }, []],
    ['advanced → standard: a downgrade, never configured', { fromVersionId: 'adv', toVersionId: 'std' }, ['NO_UPGRADE_RULE']],
    ['premium → advanced: not configured', { fromVersionId: 'vip', toVersionId: 'adv' }, ['NO_UPGRADE_RULE']],
    ['from a hidden version', { fromHidden: true }, ['HIDDEN_VERSION']],
    ['to a hidden version', { toHidden: true }, ['HIDDEN_VERSION']],
    ['same version, 10 → 15 users (scale up)', { toVersionId: 'std', targetQuantities: [{ code: 'yonghushu', quantity: 15 }] }, []],
    ['same version, 10 → 8 users (scale down)', { toVersionId: 'std', targetQuantities: [{ code: 'yonghushu', quantity: 8 }] }, ['SCALE_DOWN']],
    ['same version, nothing more', { toVersionId: 'std' }, ['NOTHING_TO_UPGRADE']],
    ['same version, another region', { toVersionId: 'std', targetQuantities: [{ code: 'yonghushu', quantity: 15 }], targetChoices: [{ code: 'quyu', value: 'Beijing' }] }, ['NOT_A_SCALE_UP']],
    ['a hidden version scaling itself up', { toVersionId: 'std', fromHidden: true, toHidden: true, targetQuantities: [{ code: 'yonghushu', quantity: 15 }] }, ['HIDDEN_VERSION']],
  ])('%s → %j', (_what, patch, expected) => {
    expect(rules(ends(patch))).toEqual(expected);
  });
});

const q = (v: PricedVersion, s: Partial<Selection>) => {
  const r = quote(v, SaleMode.BY_CYCLE, { cycle: BillingCycle.YEAR, length: 1, purchase: PurchaseKind.NEW, quantities: [{ code: 'yonghushu', quantity: 10 }], choices: [{ code: 'xinghao', value: 'APP+WAP' }, { code: 'quyu', value: 'Shanghai' }], ...s });
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r.value;
};

describe('upgrade price difference for the remaining period (never negative)', () => {
  const ADVANCED: PricedVersion = { ...STANDARD, name: 'Advanced', prices: { monthNew: '5', monthRenew: '5', yearNew: '50', yearRenew: '50' } };
  const CHEAP: PricedVersion = { ...STANDARD, name: 'Cheap', prices: { monthNew: '0', monthRenew: '0', yearNew: '0', yearRenew: '0' } };

  it('standard → advanced with a whole year left: base 12 → 50 = 38.00, other parts 0.00', () => {
    const c = upgradeCharge(q(STANDARD, {}), q(ADVANCED, {}), BillingCycle.YEAR, 365);
    expect(c.lines.map((l) => [l.key, l.current.toFixed(2), l.target.toFixed(2), l.difference.toFixed(2)])).toEqual([
      ['BASE', '12.00', '50.00', '38.00'],
      ['yonghushu', '100.00', '100.00', '0.00'],
      ['xinghao', '24.00', '24.00', '0.00'],
      ['quyu', '36.00', '36.00', '0.00'],
    ]);
    expect(c.charged.toFixed(2)).toBe('38.00');
  });

  it('a leap year leaves 366 days: still one whole cycle, 38.00', () => {
    expect(upgradeCharge(q(STANDARD, {}), q(ADVANCED, {}), BillingCycle.YEAR, 366).charged.toFixed(2)).toBe('38.00');
  });

  it('half a year left (182 of 365 days): 38 × 182/365 = 18.95', () => {
    expect(upgradeCharge(q(STANDARD, {}), q(ADVANCED, {}), BillingCycle.YEAR, 182).charged.toFixed(2)).toBe('18.95');
  });

  it('scale-up 10 → 15 users (tier ≥ 10 at 10/year) with a year left: 50.00', () => {
    expect(upgradeCharge(q(STANDARD, {}), q(STANDARD, { quantities: [{ code: 'yonghushu', quantity: 15 }] }), BillingCycle.YEAR, 365).charged.toFixed(2)).toBe('50.00');
  });

  it('a price inversion (target cheaper) is charged 0.00, the negative difference still shown', () => {
    const c = upgradeCharge(q(STANDARD, {}), q(CHEAP, {}), BillingCycle.YEAR, 365);
    expect(c.difference.toFixed(2)).toBe('-12.00');
    expect(c.charged.toFixed(2)).toBe('0.00');
  });

  it('9 users at 12 (108.00) → 10 users at 10 (100.00): negative, charged 0.00', () => {
    const c = upgradeCharge(q(STANDARD, { quantities: [{ code: 'yonghushu', quantity: 9 }] }), q(STANDARD, {}), BillingCycle.YEAR, 365);
    expect(c.lines.find((l) => l.key === 'yonghushu')!.difference.toFixed(2)).toBe('-8.00');
    expect(c.charged.toFixed(2)).toBe('0.00');
  });

  it('remaining days count a started day', () => {
    expect(remainingDays(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-03T00:00:00Z'))).toBe(2);
    expect(remainingDays(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:01Z'))).toBe(2);
    expect(remainingDays(new Date('2026-01-05T00:00:00Z'), new Date('2026-01-02T00:00:00Z'))).toBe(0);
  });
});

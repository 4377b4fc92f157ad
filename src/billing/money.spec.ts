import { constant, D, grouped, isMoneyFormat, plain } from './money';

describe('money formatting helpers (explanations)', () => {
  it.each([
    [1_300_000, '1,300,000'],
    [0, '0'],
    [2 ** 53, '9,007,199,254,740,992'], // beyond the safe integers: printed through decimal.js
    [1e21, '1,000,000,000,000,000,000,000'], // String(1e21) would be "1e+21"
    ['1234.5', '1,234.5'],
    [new D('1234567.891'), '1,234,567.891'],
  ])('grouped(%p) → %s', (value, expected) => {
    expect(grouped(value)).toBe(expected);
  });

  it('plain drops trailing zeros; constant parses a figure once and hands out the same decimal', () => {
    expect(plain('0.10')).toBe('0.1');
    expect(plain(new D('12.500'))).toBe('12.5');
    expect(constant('0.02')).toBe(constant('0.02'));
    expect(constant('0.02').toFixed()).toBe('0.02');
  });
});

describe('isMoneyFormat: the one money-format check of every input (yuan, at most two decimals, no sign)', () => {
  it.each([
    ['208.00', 10, true],
    ['100', 10, true],
    ['0.5', 10, true],
    ['1234567890.99', 10, true],
    ['12345678901', 10, false],
    ['12345678901', 12, true],
    ['1.234', 10, false],
    ['-1.00', 10, false],
    ['1e3', 10, false],
    ['1,000.00', 10, false],
    ['.50', 10, false],
    ['1.', 10, false],
    ['', 10, false],
  ])('%s with at most %i integer digits → %s', (value, digits, expected) => {
    expect(isMoneyFormat(value, digits)).toBe(expected);
  });
});

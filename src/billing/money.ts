import Decimal from 'decimal.js';

/** A decimal.js constructor for money: 40 significant digits, half-up. Never touches a float. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** Rounds a yuan amount half-up to the fen (0.01). NOTE: half-up, so 2.505 → 2.51 and −2.505 → −2.51 (away from zero). */
export const roundFen = (amount: Dec): Dec => amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A yuan amount as a string with exactly two decimals. */
export const fen = (amount: Dec): string => roundFen(amount).toFixed(2);

/** An integer or decimal with thousands separators, for explanations: 1300000 → "1,300,000". */
export function grouped(value: Dec | number | string): string {
  const s = new D(value).toFixed();
  const [int, frac] = s.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${g}.${frac}` : g;
}

/** A decimal without trailing zeros ("0.10" → "0.1"). */
export const plain = (value: Dec | string): string => new D(value).toFixed();

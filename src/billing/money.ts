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
  // NOTE: a safe integer prints the same through String() as through decimal.js, without the parse.
  const s = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value instanceof D ? value.toFixed() : new D(value).toFixed();
  const dot = s.indexOf('.');
  const g = groupThousands(dot < 0 ? s : s.slice(0, dot));
  return dot < 0 ? g : `${g}${s.slice(dot)}`;
}

/**
 * A decimal already in plain form (as decimal.js's `toFixed()` prints one: no exponent, no trailing
 * fractional zeros) with thousands separators, without parsing it: `grouped` of the same value.
 */
export function groupedPlain(s: string): string {
  const dot = s.indexOf('.');
  return dot < 0 ? groupThousands(s) : `${groupThousands(s.slice(0, dot))}${s.slice(dot)}`;
}

/** "-1234567" → "-1,234,567" (a loop: rating calls this several times per bill, a lookahead regex cost more). */
function groupThousands(int: string): string {
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  if (digits.length <= 3) return int;
  const head = digits.length % 3 || 3;
  let out = sign + digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** A decimal without trailing zeros ("0.10" → "0.1"). */
export const plain = (value: Dec | string): string => (typeof value === 'string' ? constant(value).toFixed() : value.toFixed());

const constants = new Map<string, Dec>();

/**
 * The decimal of a price-list figure ("0.02", "50"), parsed once: rating reads the same few prices
 * for every bill. Decimals are immutable, so sharing them is safe. Bounded: a price list has a few
 * dozen figures, but operators can add lists.
 */
export function constant(value: string): Dec {
  let d = constants.get(value);
  if (!d) {
    if (constants.size >= 10_000) constants.clear();
    d = new D(value);
    constants.set(value, d);
  }
  return d;
}

/** Money as typed in an input: digits, then optionally a point and one or two decimals; no sign, exponent or grouping. */
const MONEY_FORMAT = /^(\d+)(\.\d{1,2})?$/;

/**
 * Whether `value` is a non-negative yuan amount as typed ("100", "0.5", "208.00") with at most
 * `maxIntegerDigits` digits before the point (the column it lands in: DECIMAL(12,2) holds 10).
 * The one money-format check every input uses.
 */
export function isMoneyFormat(value: string, maxIntegerDigits = 10): boolean {
  const m = MONEY_FORMAT.exec(value);
  return m !== null && m[1].length <= maxIntegerDigits;
}

import Decimal from 'decimal.js';

/** Money is yuan with 2 decimals. NOTE: rounding is half-up, once, where a line is made. */
export const money = (value: Decimal.Value): Decimal => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A money amount as the API shows it: always 2 decimals, e.g. "208.00". */
export const moneyString = (value: Decimal.Value): string => new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP);

const PRICE_RE = /^\d{1,10}(\.\d{1,2})?$/;

/** A price as entered: a non-negative decimal with at most 2 decimals. */
export const isPrice = (value: string): boolean => PRICE_RE.test(value);

import Decimal from 'decimal.js';
import { isMoneyFormat } from '../../billing/money';

/** Money is yuan with 2 decimals. NOTE: rounding is half-up, once, where a line is made. */
export const money = (value: Decimal.Value): Decimal => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A money amount as the API shows it: always 2 decimals, e.g. "208.00". */
export const moneyString = (value: Decimal.Value): string => new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP);

/** A price as entered: a non-negative decimal with at most 2 decimals (up to 10 integer digits: DECIMAL(12,2)). */
export const isPrice = (value: string): boolean => isMoneyFormat(value, 10);

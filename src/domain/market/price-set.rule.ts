import { Violation, violation } from '../common/violation';
import { isPrice } from './money';
import { SaleMode } from './market.enums';

/**
 * The prices of one priced thing (a version, a quantity tier per unit, an enum value).
 * BY_CYCLE: month and/or year, each a new-purchase and a renewal price. ONE_TIME: `oneTime` only.
 * Amounts are decimal strings (yuan).
 */
export interface PriceSet {
  monthNew?: string | null;
  monthRenew?: string | null;
  yearNew?: string | null;
  yearRenew?: string | null;
  oneTime?: string | null;
}

const has = (v: string | null | undefined): v is string => v !== undefined && v !== null && v !== '';

/**
 * Checks a price set against the sale mode: BY_CYCLE needs a complete month pair or year pair
 * (new and renewal together) and no one-time price; ONE_TIME needs a one-time price and no cycle
 * prices. Every price is a non-negative amount with at most 2 decimals.
 */
export function checkPriceSet(field: string, prices: PriceSet, saleMode: SaleMode): Violation[] {
  const out: Violation[] = [];
  for (const key of ['monthNew', 'monthRenew', 'yearNew', 'yearRenew', 'oneTime'] as const) {
    const v = prices[key];
    if (has(v) && !isPrice(v)) out.push(violation(`${field}.${key}`, 'NOT_A_PRICE', `${key} must be a non-negative amount with at most 2 decimals (got "${v}")`));
  }
  if (saleMode === SaleMode.ONE_TIME) {
    if (!has(prices.oneTime)) out.push(violation(`${field}.oneTime`, 'REQUIRED', 'a ONE_TIME product needs a one-time price'));
    for (const key of ['monthNew', 'monthRenew', 'yearNew', 'yearRenew'] as const) {
      if (has(prices[key])) out.push(violation(`${field}.${key}`, 'NOT_FOR_ONE_TIME', 'a ONE_TIME product has no cycle or renewal price'));
    }
    return out;
  }
  if (has(prices.oneTime)) out.push(violation(`${field}.oneTime`, 'NOT_FOR_BY_CYCLE', 'a BY_CYCLE product has no one-time price'));
  const month = [has(prices.monthNew), has(prices.monthRenew)];
  const year = [has(prices.yearNew), has(prices.yearRenew)];
  if (month[0] !== month[1]) out.push(violation(`${field}.${month[0] ? 'monthRenew' : 'monthNew'}`, 'REQUIRED', 'month prices come in pairs: new purchase and renewal'));
  if (year[0] !== year[1]) out.push(violation(`${field}.${year[0] ? 'yearRenew' : 'yearNew'}`, 'REQUIRED', 'year prices come in pairs: new purchase and renewal'));
  if (!month[0] && !month[1] && !year[0] && !year[1]) out.push(violation(field, 'NO_CYCLE_PRICE', 'a BY_CYCLE price needs month or year prices'));
  return out;
}

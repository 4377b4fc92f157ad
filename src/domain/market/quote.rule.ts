import Decimal from 'decimal.js';
import { invalidInput, ok, Result } from '../common/result';
import { Violation, violation } from '../common/violation';
import { BillingItem } from './billing-item.rule';
import { BillingCycle, BillingItemKind, PurchaseKind, SaleMode } from './market.enums';
import { money } from './money';
import { PriceSet } from './price-set.rule';

/** Lengths a buyer may order (004's order form: 1–11 months, 1–3 years). NOTE: our decision. */
export const CYCLE_LENGTHS = Object.freeze({ MONTH: { min: 1, max: 11 }, YEAR: { min: 1, max: 3 } });

/** What a buyer picks: the cycle and its length, quantities, enum choices, new or renewal. */
export interface Selection {
  cycle: BillingCycle;
  /** Months or years; 1 for ONE_TIME. */
  length: number;
  purchase: PurchaseKind;
  quantities: readonly { code: string; quantity: number }[];
  choices: readonly { code: string; value: string }[];
}

/** The priced parts of a version. */
export interface PricedVersion {
  name: string;
  prices: PriceSet;
  items: readonly BillingItem[];
}

export type QuoteLinePart = 'BASE' | 'QUANTITY' | 'ENUM';

/** One line of a quote: quantity × unit price × length = amount (rounded once, here). */
export interface QuoteLine {
  part: QuoteLinePart;
  /** The item's parameter code; null for the base price. */
  code: string | null;
  description: string;
  quantity: number;
  unitPrice: Decimal;
  length: number;
  amount: Decimal;
}

export interface Quote {
  lines: QuoteLine[];
  total: Decimal;
}

/** The price column for a cycle and purchase kind; null when the set has no such price. */
export function pickPrice(prices: PriceSet, cycle: BillingCycle, purchase: PurchaseKind): string | null {
  if (cycle === BillingCycle.ONE_TIME) return prices.oneTime ?? null;
  const key = `${cycle === BillingCycle.MONTH ? 'month' : 'year'}${purchase === PurchaseKind.NEW ? 'New' : 'Renew'}` as keyof PriceSet;
  return prices[key] ?? null;
}

/** Volume pricing: the tier with the highest start not above the quantity prices every unit. */
export function tierFor<T extends { from: number }>(tiers: readonly T[], quantity: number): T | null {
  let found: T | null = null;
  for (const t of tiers) if (t.from <= quantity && (!found || t.from > found.from)) found = t;
  return found;
}

const UNIT = { MONTH: 'month', YEAR: 'year', ONE_TIME: 'one-time' } as const;

/**
 * Prices a selection of a version, a line per part: the version's base price, each QUANTITY item
 * (quantity × its volume tier's unit price) and each ENUM choice, each × the length. Every item
 * of the version must be chosen; a quantity under the item's minimum is refused.
 * 004's example: standard 1 year new 12 + 10 users × 10 + APP+WAP+WeChat 60 + Shanghai 36 = 208.00.
 */
export function quote(version: PricedVersion, saleMode: SaleMode, sel: Selection): Result<Quote> {
  const out: Violation[] = [];
  const oneTime = saleMode === SaleMode.ONE_TIME;
  if (oneTime !== (sel.cycle === BillingCycle.ONE_TIME)) {
    out.push(violation('cycle', 'CYCLE_NOT_SOLD', oneTime ? 'a ONE_TIME product is bought with cycle ONE_TIME' : 'a BY_CYCLE product is bought by MONTH or YEAR'));
    return invalidInput(out);
  }
  if (oneTime) {
    if (sel.length !== 1) out.push(violation('length', 'OUT_OF_RANGE', 'a one-time purchase has length 1'));
    if (sel.purchase === PurchaseKind.RENEWAL) out.push(violation('purchase', 'NO_RENEWAL', 'a ONE_TIME product is never renewed'));
  } else {
    const { min, max } = CYCLE_LENGTHS[sel.cycle as 'MONTH' | 'YEAR'];
    if (!Number.isInteger(sel.length) || sel.length < min || sel.length > max) out.push(violation('length', 'OUT_OF_RANGE', `${sel.cycle} length is ${min} to ${max} (got ${sel.length})`));
  }
  const lines: QuoteLine[] = [];
  const line = (part: QuoteLinePart, code: string | null, description: string, quantity: number, unitPrice: string): void => {
    const unit = new Decimal(unitPrice);
    lines.push({ part, code, description, quantity, unitPrice: unit, length: sel.length, amount: money(unit.times(quantity).times(sel.length)) });
  };

  const base = pickPrice(version.prices, sel.cycle, sel.purchase);
  if (base === null) out.push(violation('cycle', 'CYCLE_NOT_PRICED', `version "${version.name}" has no ${UNIT[sel.cycle]} ${sel.purchase.toLowerCase()} price`));
  else line('BASE', null, `${version.name}, ${sel.length} ${UNIT[sel.cycle]}${sel.length > 1 ? 's' : ''}, ${sel.purchase.toLowerCase()}`, 1, base);

  const itemCodes = new Set(version.items.map((i) => i.code));
  sel.quantities.forEach((q, i) => {
    if (!itemCodes.has(q.code) || version.items.find((it) => it.code === q.code)!.kind !== BillingItemKind.QUANTITY) out.push(violation(`quantities[${i}].code`, 'UNKNOWN_ITEM', `"${q.code}" is not a QUANTITY item of this version`));
  });
  sel.choices.forEach((c, i) => {
    if (!itemCodes.has(c.code) || version.items.find((it) => it.code === c.code)!.kind !== BillingItemKind.ENUM) out.push(violation(`choices[${i}].code`, 'UNKNOWN_ITEM', `"${c.code}" is not an ENUM item of this version`));
  });

  for (const item of version.items) {
    if (item.kind === BillingItemKind.QUANTITY) {
      const q = sel.quantities.find((x) => x.code === item.code);
      if (!q) {
        out.push(violation(`quantities.${item.code}`, 'REQUIRED', `choose a quantity of "${item.code}" (at least ${item.minimum})`));
        continue;
      }
      if (!Number.isInteger(q.quantity) || q.quantity < (item.minimum ?? 1)) {
        out.push(violation(`quantities.${item.code}`, 'BELOW_MINIMUM', `"${item.code}" is sold from ${item.minimum} ${item.unit ?? ''} (got ${q.quantity})`.replace('  ', ' ')));
        continue;
      }
      const tier = tierFor(item.tiers ?? [], q.quantity);
      const unitPrice = tier ? pickPrice(tier.prices, sel.cycle, sel.purchase) : null;
      if (!tier || unitPrice === null) out.push(violation(`quantities.${item.code}`, 'CYCLE_NOT_PRICED', `"${item.code}" has no ${UNIT[sel.cycle]} price for ${q.quantity}`));
      else line('QUANTITY', item.code, `${item.name}: ${q.quantity} ${item.unit} (tier from ${tier.from})`, q.quantity, unitPrice);
    } else {
      const c = sel.choices.find((x) => x.code === item.code);
      if (!c) {
        out.push(violation(`choices.${item.code}`, 'REQUIRED', `choose a value of "${item.code}"`));
        continue;
      }
      const value = (item.values ?? []).find((v) => v.value === c.value);
      if (!value) {
        out.push(violation(`choices.${item.code}`, 'UNKNOWN_VALUE', `"${c.value}" is not a value of "${item.code}"`));
        continue;
      }
      const unitPrice = pickPrice(value.prices, sel.cycle, sel.purchase);
      if (unitPrice === null) out.push(violation(`choices.${item.code}`, 'CYCLE_NOT_PRICED', `"${c.value}" has no ${UNIT[sel.cycle]} price`));
      else line('ENUM', item.code, `${item.name}: ${c.value}`, 1, unitPrice);
    }
  }
  if (out.length > 0) return invalidInput(out);
  return ok({ lines, total: lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)) });
}

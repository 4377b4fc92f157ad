import { Violation, violation } from '../common/violation';
import { BillingItemKind, SaleMode } from './market.enums';
import { checkPriceSet, PriceSet } from './price-set.rule';

/** A volume tier: from `from` units on, every unit costs these prices. */
export interface QuantityTier {
  from: number;
  prices: PriceSet;
}

/** One priced value of an ENUM item. */
export interface EnumValue {
  value: string;
  prices: PriceSet;
}

/** An extra billing item attached to a version (004 §4.2.7). */
export interface BillingItem {
  /** Parameter code sent to the provider's production endpoint: letters and underscores. */
  code: string;
  name: string;
  kind: BillingItemKind;
  /** Required for QUANTITY (e.g. 人, account). */
  unit?: string | null;
  /** QUANTITY: the least a buyer may order; the first tier starts here. */
  minimum?: number | null;
  tiers?: readonly QuantityTier[] | null;
  values?: readonly EnumValue[] | null;
}

export const BILLING_ITEM_LIMITS = Object.freeze({ codeMax: 40, nameMax: 40, unitMax: 20, valueMax: 40, maxItems: 20, maxTiers: 20, maxValues: 50 });

const CODE_RE = /^[A-Za-z_]+$/;

/**
 * Checks a version's extra billing items: codes of letters and underscores, unique; QUANTITY
 * needs a unit, a whole minimum ≥ 1 and tiers whose starts rise strictly from the minimum;
 * ENUM needs distinct non-empty values; every price set fits the sale mode.
 */
export function checkBillingItems(items: readonly BillingItem[], saleMode: SaleMode): Violation[] {
  const out: Violation[] = [];
  if (items.length > BILLING_ITEM_LIMITS.maxItems) out.push(violation('items', 'TOO_MANY', `at most ${BILLING_ITEM_LIMITS.maxItems} extra billing items per version`));
  const codes = new Set<string>();
  items.forEach((item, i) => {
    const f = `items[${i}]`;
    if (!CODE_RE.test(item.code) || item.code.length > BILLING_ITEM_LIMITS.codeMax) {
      out.push(violation(`${f}.code`, 'INVALID_CODE', `a parameter code is 1–${BILLING_ITEM_LIMITS.codeMax} letters and underscores (got "${item.code}")`));
    } else if (codes.has(item.code)) out.push(violation(`${f}.code`, 'DUPLICATE', `parameter code "${item.code}" is used twice`));
    codes.add(item.code);
    if (item.name.trim().length === 0 || item.name.length > BILLING_ITEM_LIMITS.nameMax) out.push(violation(`${f}.name`, 'REQUIRED', `a name of 1–${BILLING_ITEM_LIMITS.nameMax} characters is required`));

    if (item.kind === BillingItemKind.QUANTITY) {
      const unit = (item.unit ?? '').trim();
      if (unit.length === 0 || unit.length > BILLING_ITEM_LIMITS.unitMax) out.push(violation(`${f}.unit`, 'REQUIRED', 'a QUANTITY item needs a unit'));
      const min = item.minimum;
      const minOk = min !== null && min !== undefined && Number.isInteger(min) && min >= 1;
      if (!minOk) out.push(violation(`${f}.minimum`, 'INVALID_MINIMUM', 'a QUANTITY item needs a whole minimum of at least 1'));
      const tiers = item.tiers ?? [];
      if (tiers.length === 0) out.push(violation(`${f}.tiers`, 'REQUIRED', 'a QUANTITY item needs at least one tier'));
      if (tiers.length > BILLING_ITEM_LIMITS.maxTiers) out.push(violation(`${f}.tiers`, 'TOO_MANY', `at most ${BILLING_ITEM_LIMITS.maxTiers} tiers`));
      tiers.forEach((tier, j) => {
        if (!Number.isInteger(tier.from) || tier.from < 1) out.push(violation(`${f}.tiers[${j}].from`, 'INVALID_TIER_START', 'a tier starts at a whole number ≥ 1'));
        else if (j === 0 && minOk && tier.from !== min) out.push(violation(`${f}.tiers[0].from`, 'FIRST_TIER_NOT_MINIMUM', `the first tier starts at the minimum ${min} (got ${tier.from})`));
        else if (j > 0 && tier.from <= tiers[j - 1].from) out.push(violation(`${f}.tiers[${j}].from`, 'TIERS_NOT_ASCENDING', 'tier starts rise strictly'));
        out.push(...checkPriceSet(`${f}.tiers[${j}].prices`, tier.prices, saleMode));
      });
      if ((item.values ?? []).length > 0) out.push(violation(`${f}.values`, 'NOT_FOR_QUANTITY', 'a QUANTITY item has tiers, not values'));
    } else {
      const values = item.values ?? [];
      if (values.length === 0) out.push(violation(`${f}.values`, 'REQUIRED', 'an ENUM item needs at least one value'));
      if (values.length > BILLING_ITEM_LIMITS.maxValues) out.push(violation(`${f}.values`, 'TOO_MANY', `at most ${BILLING_ITEM_LIMITS.maxValues} values`));
      const seen = new Set<string>();
      values.forEach((v, j) => {
        const value = v.value.trim();
        if (value.length === 0 || value.length > BILLING_ITEM_LIMITS.valueMax) out.push(violation(`${f}.values[${j}].value`, 'REQUIRED', `a value is 1–${BILLING_ITEM_LIMITS.valueMax} characters`));
        else if (seen.has(value)) out.push(violation(`${f}.values[${j}].value`, 'DUPLICATE', `value "${value}" is listed twice`));
        seen.add(value);
        out.push(...checkPriceSet(`${f}.values[${j}].prices`, v.prices, saleMode));
      });
      if ((item.tiers ?? []).length > 0) out.push(violation(`${f}.tiers`, 'NOT_FOR_ENUM', 'an ENUM item has values, not tiers'));
    }
  });
  return out;
}

/**
 * After the product is submitted for review, the structure of a version's items is frozen
 * (004 §4.2.7 g): the same items with the same kinds, minimums, tier starts and enum values.
 * Prices may change. NOTE: adding or removing an item counts as a change to the frozen part;
 * 004's remedy is to hide the version and create a new one.
 */
export function checkFrozenStructure(before: readonly BillingItem[], after: readonly BillingItem[]): Violation[] {
  const out: Violation[] = [];
  const rule = 'FROZEN_AFTER_SUBMISSION';
  const byCode = new Map(after.map((item, i) => [item.code, { item, i }]));
  for (const old of before) {
    const found = byCode.get(old.code);
    if (!found) {
      out.push(violation('items', rule, `item "${old.code}" cannot be removed after submission`));
      continue;
    }
    const { item, i } = found;
    if (item.kind !== old.kind) {
      out.push(violation(`items[${i}].kind`, rule, `the kind of "${old.code}" is frozen after submission`));
      continue;
    }
    if (old.kind === BillingItemKind.QUANTITY) {
      if (item.minimum !== old.minimum) out.push(violation(`items[${i}].minimum`, rule, `the minimum of "${old.code}" is frozen after submission (${old.minimum})`));
      const a = (old.tiers ?? []).map((t) => t.from).join(',');
      const b = (item.tiers ?? []).map((t) => t.from).join(',');
      if (a !== b) out.push(violation(`items[${i}].tiers`, rule, `the tier starts of "${old.code}" are frozen after submission (${a}); only prices may change`));
    } else {
      const a = (old.values ?? []).map((v) => v.value.trim()).join('|');
      const b = (item.values ?? []).map((v) => v.value.trim()).join('|');
      if (a !== b) out.push(violation(`items[${i}].values`, rule, `the values of "${old.code}" are frozen after submission; only prices may change`));
    }
  }
  const oldCodes = new Set(before.map((b) => b.code));
  after.forEach((item, i) => {
    if (!oldCodes.has(item.code)) out.push(violation(`items[${i}].code`, rule, `item "${item.code}" cannot be added after submission; create a new version`));
  });
  return out;
}

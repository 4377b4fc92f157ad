import { D, Dec, plain } from '../money';
import { validatePrice } from './per-block';
import { ChargeInput, PricedAmount, PricingModel } from './pricing-model';

export interface HighestPackageProps {
  /** Yuan per day for each package code, e.g. { BASIC: "0", ADVANCED: "79", PLATINUM: "149", FLAGSHIP: "299" }. */
  readonly prices: Readonly<Record<string, string>>;
}

/**
 * Highest package of the day (DOMAIN §5 data-sync package fee): each day costs the price of the
 * dearest package held that day (ADVANCED then FLAGSHIP on one day → 299); a period is the sum of
 * its days. NOTE: a package code the price list does not know costs 0 and is named in the explanation.
 */
export const highestPackagePerDayModel: PricingModel<HighestPackageProps> = {
  kind: 'HIGHEST_PACKAGE_PER_DAY',
  validate(raw) {
    const props = raw as HighestPackageProps;
    if (!props || typeof props.prices !== 'object' || props.prices === null || Object.keys(props.prices).length === 0) return ['prices must name at least one package'];
    return Object.entries(props.prices).flatMap(([code, p]) => validatePrice(p, `prices.${code}`));
  },
  price(input: ChargeInput, props: HighestPackageProps): PricedAmount {
    let precise: Dec = new D(0);
    const perPackage = new Map<string, { days: number; price: string }>();
    for (const held of input.packagesByDay) {
      if (held.length === 0) continue;
      let best = held[0];
      let bestPrice = new D(props.prices[best] ?? '0');
      for (const code of held.slice(1)) {
        const p = new D(props.prices[code] ?? '0');
        if (p.gt(bestPrice)) [best, bestPrice] = [code, p];
      }
      precise = precise.plus(bestPrice);
      const seen = perPackage.get(best) ?? { days: 0, price: plain(bestPrice) };
      seen.days += 1;
      perPackage.set(best, seen);
    }
    const parts = [...perPackage.entries()].map(([code, s]) => `${s.days} day${s.days === 1 ? '' : 's'} × ${code} ${s.price}`);
    const unitPrice = Object.entries(props.prices).map(([c, p]) => `${c} ${plain(p)}`).join(', ') + ' per day';
    return { precise, unitPrice, explanation: `highest package held each day: ${parts.join(' + ') || 'none'}` };
  },
};

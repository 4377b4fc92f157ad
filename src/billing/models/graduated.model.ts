import { constant, D, Dec, grouped, plain } from '../money';
import { validatePrice } from './per-block';
import { ChargeInput, PricedAmount, PricingModel } from './pricing-model';

export interface GraduatedTier {
  /** Units this tier covers up to (inclusive, counted from 0); null for the last, open tier. */
  readonly upTo: number | null;
  /** Yuan per `per` units inside this tier. */
  readonly price: string;
}

export interface GraduatedProps {
  readonly per: number;
  readonly tiers: readonly GraduatedTier[];
}

/**
 * Graduated tiers (DOMAIN §5 data sync: first 1,000,000 new orders 0.1/100, the rest 0.04/100):
 * each tier prices only the units that fall inside it, so 1,300,000 orders =
 * 1,000,000 × 0.1/100 + 300,000 × 0.04/100 = 1,120.00.
 */
export const graduatedModel: PricingModel<GraduatedProps> = {
  kind: 'GRADUATED',
  validate(raw) {
    const props = raw as GraduatedProps;
    const out: string[] = [];
    if (!props || !Number.isInteger(props.per) || props.per < 1) out.push('per must be a positive integer');
    if (!props || !Array.isArray(props.tiers) || props.tiers.length === 0) return [...out, 'tiers must list at least one tier'];
    let last = 0;
    props.tiers.forEach((t, i) => {
      out.push(...validatePrice(t.price, `tiers[${i}].price`));
      const isLast = i === props.tiers.length - 1;
      if (isLast && t.upTo !== null) out.push('the last tier must be open (upTo null)');
      if (!isLast && (!Number.isInteger(t.upTo) || (t.upTo as number) <= last)) out.push(`tiers[${i}].upTo must be an integer above ${last}`);
      if (!isLast) last = t.upTo as number;
    });
    return out;
  },
  price(input: ChargeInput, props: GraduatedProps, unit: string): PricedAmount {
    let precise: Dec = new D(0);
    let from = new D(0);
    const parts: string[] = [];
    for (const tier of props.tiers) {
      if (input.quantity.lte(from)) break;
      const cap = tier.upTo === null ? input.quantity : D.min(input.quantity, tier.upTo);
      const units = cap.minus(from);
      precise = precise.plus(units.mul(constant(tier.price)).div(props.per));
      parts.push(`${grouped(units)} × ${plain(tier.price)}/${grouped(props.per)}`);
      from = cap;
    }
    return { precise, unitPrice: unitPriceOf(props), explanation: `${grouped(input.quantity)} ${unit}: ${parts.length ? parts.join(' + ') : '0'}` };
  },
};

/** The tiers as shown ("0.1/100 up to 1,000,000; 0.04/100 beyond"), made once per price list's props. */
const unitPrices = new WeakMap<GraduatedProps, string>();
function unitPriceOf(props: GraduatedProps): string {
  let s = unitPrices.get(props);
  if (s === undefined) {
    s = props.tiers.map((t) => (t.upTo === null ? `${plain(t.price)}/${grouped(props.per)} beyond` : `${plain(t.price)}/${grouped(props.per)} up to ${grouped(t.upTo)}`)).join('; ');
    unitPrices.set(props, s);
  }
  return s;
}

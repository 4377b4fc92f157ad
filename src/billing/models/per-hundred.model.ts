import { perBlock, validatePrice } from './per-block';
import { ChargeInput, PricedAmount, PricingModel } from './pricing-model';

export interface PerHundredProps {
  /** Yuan per 100 units, e.g. "0.02". */
  readonly price: string;
}

/** Per-hundred units (DOMAIN §5 API calls, Wali messages): quantity × price / 100 yuan. */
export const perHundredModel: PricingModel<PerHundredProps> = {
  kind: 'PER_HUNDRED',
  validate: (props) => validatePrice((props as PerHundredProps)?.price),
  price: (input: ChargeInput, props: PerHundredProps, unit: string): PricedAmount => perBlock(input.quantity, props.price, 100, unit),
};

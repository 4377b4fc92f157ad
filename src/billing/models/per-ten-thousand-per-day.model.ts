import { perBlock, validatePrice } from './per-block';
import { ChargeInput, PricedAmount, PricingModel } from './pricing-model';

export interface PerTenThousandPerDayProps {
  /** Yuan per 10,000 units held per day, e.g. "0.06". */
  readonly price: string;
}

/**
 * Per ten thousand units held per day (DOMAIN §5 CRM user relations): relation-days × price / 10,000.
 * The quantity is the sum over the period's days of the units held each day (one day for a daily bill).
 */
export const perTenThousandPerDayModel: PricingModel<PerTenThousandPerDayProps> = {
  kind: 'PER_TEN_THOUSAND_PER_DAY',
  validate: (props) => validatePrice((props as PerTenThousandPerDayProps)?.price),
  price: (input: ChargeInput, props: PerTenThousandPerDayProps, unit: string): PricedAmount => perBlock(input.quantity, props.price, 10_000, unit, ' per day'),
};

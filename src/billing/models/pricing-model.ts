import { Dec } from '../money';

/**
 * What one charge of a price list prices: a quantity (calls, orders, messages, relation-days) and,
 * for package fees, the packages held on each day of the period.
 */
export interface ChargeInput {
  readonly quantity: Dec;
  /** One entry per day of the period: the packages held that day (package fees only). */
  readonly packagesByDay: readonly (readonly string[])[];
}

/** A priced charge before rounding: the precise amount, the unit price as shown, and how it was made. */
export interface PricedAmount {
  readonly precise: Dec;
  readonly unitPrice: string;
  /** People-readable, e.g. "1,300,000 orders: 1,000,000 × 0.1/100 + 300,000 × 0.04/100". */
  readonly explanation: string;
}

/** A pricing model (Lago's charge models): pure, one per file, all behind this interface. */
export interface PricingModel<P> {
  readonly kind: string;
  /** Checks the model's properties; returns problems as messages (empty = valid). */
  validate(props: unknown): string[];
  price(input: ChargeInput, props: P, unit: string): PricedAmount;
}

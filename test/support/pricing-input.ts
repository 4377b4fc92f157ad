import type { ChargePricingFieldsFragment, ChargePricingInput } from '../generated/graphql';

/** A charge's typed settings as read back (`ChargePricingFields`), as the typed settings to send: one member per pricing model. */
export function pricingInput(p: ChargePricingFieldsFragment): ChargePricingInput {
  switch (p.__typename) {
    case 'PerHundredPricing':
      return { perHundred: { price: p.price } };
    case 'PerTenThousandPerDayPricing':
      return { perTenThousandPerDay: { price: p.price } };
    case 'GraduatedPricing':
      return { graduated: { per: p.per, tiers: p.tiers.map((x) => ({ upTo: x.upTo, price: x.price })) } };
    case 'HighestPackagePerDayPricing':
      return { highestPackagePerDay: { prices: p.prices.map((x) => ({ packageCode: x.packageCode, price: x.price })) } };
    default:
      throw new Error(`unknown pricing ${JSON.stringify(p)}`);
  }
}

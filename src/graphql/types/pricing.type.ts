import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { GraduatedProps } from '../../billing/models/graduated.model';
import type { HighestPackageProps } from '../../billing/models/highest-package-per-day.model';

// NOTE: prices of pricing models are unit rates with up to 6 decimals ("0.004" yuan per 100 calls),
// not amounts: they are decimal strings (String), checked by the model's rule, not Money.
const RATE = 'Yuan per unit block as a decimal string with at most 6 decimals, e.g. "0.02" (a rate, not an amount: not Money)';

@ObjectType('PerHundredPricing', { simpleResolvers: true, description: 'PER_HUNDRED: price per 100 units (rounded up to whole blocks of 100)' })
export class PerHundredPricingType {
  @Field(() => String, { description: RATE })
  price: string;
}

@ObjectType('PerTenThousandPerDayPricing', { simpleResolvers: true, description: 'PER_TEN_THOUSAND_PER_DAY: price per 10,000 units of each day (relation-days)' })
export class PerTenThousandPerDayPricingType {
  @Field(() => String, { description: RATE })
  price: string;
}

@ObjectType('GraduatedTier', { simpleResolvers: true, description: 'One tier of a graduated charge: the units up to upTo (from the previous tier) cost price per `per` units' })
export class GraduatedTierType {
  @Field(() => Int, { nullable: true, description: 'Units this tier covers up to (inclusive, counted from 0); null for the last, open tier' })
  upTo: number | null;

  @Field(() => String, { description: RATE })
  price: string;
}

@ObjectType('GraduatedPricing', { simpleResolvers: true, description: 'GRADUATED: each tier prices only the units that fall inside it' })
export class GraduatedPricingType {
  @Field(() => Int, { description: 'The block size the tier prices are per (e.g. 100)' })
  per: number;

  @Field(() => [GraduatedTierType], { description: 'The tiers in order; a fixed, small list (a price list has a handful), not paged' })
  tiers: GraduatedTierType[];
}

@ObjectType('PackagePrice', { simpleResolvers: true, description: "One package's price per day" })
export class PackagePriceType {
  @Field(() => ID, { description: 'The package code' })
  packageCode: string;

  @Field(() => String, { description: 'Yuan per day, decimal string with at most 6 decimals' })
  price: string;
}

@ObjectType('HighestPackagePerDayPricing', { simpleResolvers: true, description: 'HIGHEST_PACKAGE_PER_DAY: each day costs the price of the dearest package held that day' })
export class HighestPackagePerDayPricingType {
  @Field(() => [PackagePriceType], { description: 'Every package priced; a fixed, small list, not paged' })
  prices: PackagePriceType[];
}

export const ChargePricing = createUnionType({
  name: 'ChargePricing',
  description: "A charge's pricing model with its typed settings",
  types: () => [PerHundredPricingType, PerTenThousandPerDayPricingType, GraduatedPricingType, HighestPackagePerDayPricingType] as const,
});

/** The typed settings of a stored charge (model + props, as the rating engine reads them). */
export function chargePricingType(model: string, props: Readonly<Record<string, unknown>>): typeof ChargePricing {
  switch (model) {
    case 'PER_HUNDRED':
      return Object.assign(new PerHundredPricingType(), { price: String(props.price) });
    case 'PER_TEN_THOUSAND_PER_DAY':
      return Object.assign(new PerTenThousandPerDayPricingType(), { price: String(props.price) });
    case 'GRADUATED': {
      const g = props as unknown as GraduatedProps;
      return Object.assign(new GraduatedPricingType(), { per: g.per, tiers: g.tiers.map((t) => Object.assign(new GraduatedTierType(), { upTo: t.upTo, price: t.price })) });
    }
    case 'HIGHEST_PACKAGE_PER_DAY': {
      const h = props as unknown as HighestPackageProps;
      return Object.assign(new HighestPackagePerDayPricingType(), {
        prices: Object.entries(h.prices).map(([packageCode, price]) => Object.assign(new PackagePriceType(), { packageCode, price })),
      });
    }
    default:
      throw new Error(`unknown pricing model ${model}`);
  }
}

@InputType('PriceInput', { description: 'A single unit price' })
export class PriceInput {
  @Field(() => String, { description: RATE })
  price: string;
}

@InputType('GraduatedTierInput', { description: 'One tier of a graduated charge' })
export class GraduatedTierInput {
  @Field(() => Int, { nullable: true, description: 'Units this tier covers up to (inclusive); omit or null for the last, open tier' })
  upTo?: number | null;

  @Field(() => String, { description: RATE })
  price: string;
}

@InputType('GraduatedPricingInput', { description: 'GRADUATED settings' })
export class GraduatedPricingInput {
  @Field(() => Int, { description: 'The block size the tier prices are per (e.g. 100)' })
  per: number;

  @Field(() => [GraduatedTierInput], { description: 'The tiers in order, the last one open (upTo null)' })
  tiers: GraduatedTierInput[];
}

@InputType('PackagePriceInput', { description: "One package's price per day" })
export class PackagePriceInput {
  @Field(() => ID, { description: 'The package code' })
  packageCode: string;

  @Field(() => String, { description: 'Yuan per day, decimal string with at most 6 decimals' })
  price: string;
}

@InputType('HighestPackagePerDayPricingInput', { description: 'HIGHEST_PACKAGE_PER_DAY settings' })
export class HighestPackagePerDayPricingInput {
  @Field(() => [PackagePriceInput], { description: 'Every package priced, each once' })
  prices: PackagePriceInput[];
}

@InputType('ChargePricingInput', { description: 'Exactly one pricing model with its typed settings (none or two is InvalidInput EXACTLY_ONE_MODEL)' })
export class ChargePricingInput {
  @Field(() => PriceInput, { nullable: true, description: 'PER_HUNDRED: price per 100 units' })
  perHundred?: PriceInput | null;

  @Field(() => PriceInput, { nullable: true, description: 'PER_TEN_THOUSAND_PER_DAY: price per 10,000 units of each day' })
  perTenThousandPerDay?: PriceInput | null;

  @Field(() => GraduatedPricingInput, { nullable: true, description: 'GRADUATED: tiered prices' })
  graduated?: GraduatedPricingInput | null;

  @Field(() => HighestPackagePerDayPricingInput, { nullable: true, description: 'HIGHEST_PACKAGE_PER_DAY: a price per package per day' })
  highestPackagePerDay?: HighestPackagePerDayPricingInput | null;
}

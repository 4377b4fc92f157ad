import { graduatedModel } from './graduated.model';
import { highestPackagePerDayModel } from './highest-package-per-day.model';
import { perHundredModel } from './per-hundred.model';
import { perTenThousandPerDayModel } from './per-ten-thousand-per-day.model';
import { PricingModel } from './pricing-model';

export type ChargeModelKind = 'PER_HUNDRED' | 'GRADUATED' | 'PER_TEN_THOUSAND_PER_DAY' | 'HIGHEST_PACKAGE_PER_DAY';

/** Every pricing model by kind. A price list's charge names one of these. */
export const PRICING_MODELS: Readonly<Record<ChargeModelKind, PricingModel<never>>> = {
  PER_HUNDRED: perHundredModel as PricingModel<never>,
  GRADUATED: graduatedModel as PricingModel<never>,
  PER_TEN_THOUSAND_PER_DAY: perTenThousandPerDayModel as PricingModel<never>,
  HIGHEST_PACKAGE_PER_DAY: highestPackagePerDayModel as PricingModel<never>,
};

export * from './pricing-model';

import type { GraduatedProps } from './graduated.model';
import type { HighestPackageProps } from './highest-package-per-day.model';
import type { ChargeModelKind } from './index';
import type { PerHundredProps } from './per-hundred.model';
import type { PerTenThousandPerDayProps } from './per-ten-thousand-per-day.model';

/**
 * A charge's pricing as typed settings, one optional member per pricing model (the shape of the
 * API's ChargePricingInput). Exactly one member is set; its settings become the model's props.
 */
export interface ChargePricingSettings {
  readonly perHundred?: PerHundredProps | null;
  readonly perTenThousandPerDay?: PerTenThousandPerDayProps | null;
  readonly graduated?: { readonly per: number; readonly tiers: readonly { readonly upTo?: number | null; readonly price: string }[] } | null;
  readonly highestPackagePerDay?: { readonly prices: readonly { readonly packageCode: string; readonly price: string }[] } | null;
}

export type ChargePricingOutcome =
  | { readonly ok: true; readonly model: ChargeModelKind; readonly props: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly rule: 'EXACTLY_ONE_MODEL' | 'DUPLICATE_PACKAGE'; readonly message: string };

/**
 * The model and props of typed pricing settings: exactly one model (none or two is
 * EXACTLY_ONE_MODEL), a package priced once (DUPLICATE_PACKAGE). The model's own checks
 * (prices, tiers) run after, in the price-list rule, as for every list.
 */
export function chargePricingOf(settings: ChargePricingSettings): ChargePricingOutcome {
  const set = (['perHundred', 'perTenThousandPerDay', 'graduated', 'highestPackagePerDay'] as const).filter((k) => settings[k] != null);
  if (set.length !== 1) {
    return { ok: false, rule: 'EXACTLY_ONE_MODEL', message: `set exactly one pricing model (perHundred, perTenThousandPerDay, graduated or highestPackagePerDay); got ${set.length === 0 ? 'none' : set.join(' and ')}` };
  }
  switch (set[0]) {
    case 'perHundred':
      return { ok: true, model: 'PER_HUNDRED', props: { price: settings.perHundred!.price } };
    case 'perTenThousandPerDay':
      return { ok: true, model: 'PER_TEN_THOUSAND_PER_DAY', props: { price: settings.perTenThousandPerDay!.price } };
    case 'graduated': {
      const g = settings.graduated!;
      const props: GraduatedProps = { per: g.per, tiers: g.tiers.map((t) => ({ upTo: t.upTo ?? null, price: t.price })) };
      return { ok: true, model: 'GRADUATED', props: props as unknown as Record<string, unknown> };
    }
    case 'highestPackagePerDay': {
      const prices: Record<string, string> = {};
      for (const p of settings.highestPackagePerDay!.prices) {
        if (Object.prototype.hasOwnProperty.call(prices, p.packageCode)) return { ok: false, rule: 'DUPLICATE_PACKAGE', message: `package ${p.packageCode} is priced twice` };
        prices[p.packageCode] = p.price;
      }
      const props: HighestPackageProps = { prices };
      return { ok: true, model: 'HIGHEST_PACKAGE_PER_DAY', props: props as unknown as Record<string, unknown> };
    }
  }
}

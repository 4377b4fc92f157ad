import { PACKAGE_METER } from '../domain/usage/meter';
import { ChargeModelKind, PRICING_MODELS } from './models';

/** The platform profiles (DOMAIN §5, §6). */
export enum BillingPlatform {
  /** Taobao Open Platform: one bill per appkey per Beijing day. */
  TAOBAO = 'TAOBAO',
  /** Douyin store open platform: one bill per appkey per calendar month, settled on the 5th. */
  DOUYIN = 'DOUYIN',
}

/** Meter key of the package-fee charge: it reads the packages held each day, not a quantity (spelled in src/domain/usage/meter.ts). */
export { PACKAGE_METER };

/** One priced item of a price list: which usage meter it reads, how it prices it, whether coupons cover it. */
export interface ChargeDef {
  readonly code: string;
  readonly label: string;
  /** A `usage_daily.meter` key (e.g. `API:BASIC:IN_CLOUD`), or PACKAGE_METER. */
  readonly meter: string;
  /** What the quantity counts, for explanations: "calls", "orders", "messages", "relation-days". */
  readonly unit: string;
  readonly model: ChargeModelKind;
  readonly props: Readonly<Record<string, unknown>>;
  /** Coupons cover this line (DOMAIN §5: basic and value-added API fees only). */
  readonly couponScope: boolean;
}

/** A price list in force from `effectiveFrom` (a Beijing date) until the next list of the platform. */
export interface PriceListDef {
  readonly id: string;
  readonly platform: BillingPlatform;
  readonly effectiveFrom: string;
  /** DOMAIN §6: Douyin names no prices; the seeded list copies Taobao's figures as examples. */
  readonly isExample: boolean;
  readonly charges: readonly ChargeDef[];
}

/** A coupon policy (DOMAIN §5), effective-dated: valid from `validFrom` to `validTo` inclusive (null = open). */
export interface CouponPolicy {
  readonly code: string;
  readonly platform: BillingPlatform;
  /** Yuan per appkey per day. */
  readonly amount: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** Only for developers an operator marked as qualifying new ISVs. */
  readonly newIsvOnly: boolean;
}

/** The price list in force on `date` (YYYY-MM-DD; ISO dates compare as strings): the latest that started on or before it. */
export function priceListOn<T extends { effectiveFrom: string; platform: string }>(lists: readonly T[], platform: string, date: string): T | null {
  let best: T | null = null;
  for (const l of lists) if (l.platform === platform && l.effectiveFrom <= date && (!best || l.effectiveFrom > best.effectiveFrom)) best = l;
  return best;
}

/** Checks a price list's charges: unique codes and meters, known models, valid model properties. */
export function validateCharges(charges: readonly ChargeDef[]): { field: string; rule: string; message: string }[] {
  const out: { field: string; rule: string; message: string }[] = [];
  if (charges.length === 0) out.push({ field: 'charges', rule: 'EMPTY', message: 'a price list needs at least one charge' });
  const codes = new Set<string>();
  const meters = new Set<string>();
  charges.forEach((c, i) => {
    const f = `charges[${i}]`;
    if (!/^[A-Z][A-Z0-9_]{1,47}$/.test(c.code ?? '')) out.push({ field: `${f}.code`, rule: 'BAD_CODE', message: 'code must be SCREAMING_SNAKE, 2–48 characters' });
    if (codes.has(c.code)) out.push({ field: `${f}.code`, rule: 'DUPLICATE', message: `charge ${c.code} appears twice` });
    if (meters.has(c.meter)) out.push({ field: `${f}.meter`, rule: 'DUPLICATE', message: `meter ${c.meter} is priced twice` });
    codes.add(c.code);
    meters.add(c.meter);
    // Own keys only: an input model of "constructor" or "toString" must not find Object.prototype's members.
    const model = Object.hasOwn(PRICING_MODELS, c.model ?? '') ? PRICING_MODELS[c.model] : undefined;
    if (!model) out.push({ field: `${f}.model`, rule: 'UNKNOWN_MODEL', message: `unknown pricing model ${c.model}` });
    else for (const m of model.validate(c.props)) out.push({ field: `${f}.props`, rule: 'INVALID_PROPS', message: m });
    if (c.model === 'HIGHEST_PACKAGE_PER_DAY' && c.meter !== PACKAGE_METER) out.push({ field: `${f}.meter`, rule: 'PACKAGE_METER', message: `a package fee reads meter ${PACKAGE_METER}` });
  });
  return out;
}

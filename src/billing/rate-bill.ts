import { rateBillFixedPoint } from './fixed-point-rating';
import { PRICING_MODELS } from './models';
import { constant, D, Dec, fen, grouped, plain, roundFen } from './money';
import { ChargeDef, PACKAGE_METER } from './price-list';

export type BillLineKind = 'CHARGE' | 'COUPON' | 'DISCOUNT';

/** One line of a bill: the figures it was made from, the precise amount, the rounded amount and why. */
export interface RatedLine {
  readonly kind: BillLineKind;
  readonly code: string;
  readonly label: string;
  /** Units priced (calls, orders...); days for a package fee; 1 for coupon and discount lines. */
  readonly quantity: string;
  readonly unitPrice: string;
  /** Exact amount before rounding (yuan). */
  readonly preciseAmount: string;
  /** Rounded half-up to 0.01 yuan; negative for coupon and discount lines. */
  readonly amount: string;
  readonly explanation: string;
}

export interface RatedBill {
  readonly lines: readonly RatedLine[];
  /** The sum of the rounded lines (DOMAIN §5 decision). */
  readonly total: string;
}

/** A period's usage of one appkey: summed quantities per meter and the packages held each day. */
export interface PeriodUsage {
  readonly totals: Readonly<Record<string, number | string>>;
  readonly packagesByDay: readonly (readonly string[])[];
}

export interface RateBillInput {
  readonly charges: readonly ChargeDef[];
  readonly usage: PeriodUsage;
  /** The day's coupon (daily bills), already chosen by `couponFor`; null for none. */
  readonly coupon?: { readonly code: string; readonly amount: string } | null;
  /** Quality-app discount in percent (DOMAIN §6), e.g. "20"; null or "0" for none. */
  readonly discountPercent?: string | null;
}

/**
 * Rates one bill (Lago's fees from charges): a line per charge with usage (quantity > 0, or a
 * package held), each rounded half-up to the fen; then the coupon line, −min(coupon, the rounded
 * lines in coupon scope), so a coupon never exceeds the lines it covers and its unused remainder
 * is simply lost (same-day expiry); then the discount line, −round(percent × sum of the rounded
 * lines so far). The total is the sum of the rounded lines.
 *
 * Computed in fixed point (`rateBillFixedPoint`: BigInt in scaled units) when the inputs allow an
 * exact result, which is then identical to the decimal.js reference's; otherwise by the reference.
 */
export function rateBill(input: RateBillInput): RatedBill {
  return rateBillFixedPoint(input) ?? rateBillDecimal(input);
}

/** `rateBill` in decimal.js: the reference the fixed-point path is checked against, and the path for any input it declines. */
export function rateBillDecimal(input: RateBillInput): RatedBill {
  const lines: RatedLine[] = [];
  let couponBase: Dec = new D(0);
  // The sum of the rounded lines so far (what `total` and the discount base add up).
  let rounded: Dec = new D(0);
  for (const charge of input.charges) {
    const isPackage = charge.meter === PACKAGE_METER;
    const raw = isPackage ? input.usage.packagesByDay.filter((d) => d.length > 0).length : (input.usage.totals[charge.meter] ?? 0);
    // Most charges of a list have no usage: skip them before any decimal work.
    if (typeof raw === 'number' && raw <= 0) continue;
    const quantity = new D(raw);
    if (quantity.lte(0)) continue;
    const priced = PRICING_MODELS[charge.model].price({ quantity, packagesByDay: input.usage.packagesByDay }, charge.props as never, charge.unit);
    const amount = roundFen(priced.precise);
    if (charge.couponScope) couponBase = couponBase.plus(amount);
    rounded = rounded.plus(amount);
    const precise = priced.precise.toFixed();
    const fixed = amount.toFixed(2);
    lines.push({
      kind: 'CHARGE',
      code: charge.code,
      label: charge.label,
      quantity: quantity.toFixed(),
      unitPrice: priced.unitPrice,
      preciseAmount: precise,
      amount: fixed,
      explanation: `${priced.explanation} = ${precise} → ${fixed}`,
    });
  }

  if (input.coupon && couponBase.gt(0)) {
    const face = constant(input.coupon.amount);
    const used = D.min(face, couponBase);
    rounded = rounded.minus(roundFen(used));
    lines.push({
      kind: 'COUPON',
      code: input.coupon.code,
      label: `Coupon ${input.coupon.code}`,
      quantity: '1',
      unitPrice: fen(face),
      preciseAmount: used.neg().toFixed(),
      amount: roundFen(used).neg().toFixed(2),
      explanation: `coupon ${fen(face)} against basic + value-added API fees ${fen(couponBase)}: −${fen(used)}${used.lt(face) ? ` (${fen(face.minus(used))} unused, expires today)` : ''}`,
    });
  }

  const pct = constant(input.discountPercent ?? '0');
  if (pct.gt(0)) {
    const base = rounded;
    if (base.gt(0)) {
      const precise = base.mul(pct).div(100);
      rounded = rounded.minus(roundFen(precise));
      lines.push({
        kind: 'DISCOUNT',
        code: 'QUALITY_APP_DISCOUNT',
        label: `Quality-app discount ${plain(pct)}%`,
        quantity: '1',
        unitPrice: `${plain(pct)}%`,
        preciseAmount: precise.neg().toFixed(),
        amount: roundFen(precise).neg().toFixed(2),
        explanation: `${plain(pct)}% of ${grouped(base.toFixed(2))} = ${precise.toFixed()} → −${fen(precise)}`,
      });
    }
  }

  return { lines, total: rounded.toFixed(2) };
}

import { D, Dec, grouped, roundFen } from './money';
import { ChargeDef } from './price-list';
import { BillLineKind, RatedBill, RatedLine } from './rate-bill';

/**
 * A line already billed for the period, on the first bill or on an earlier adjustment: a rated line
 * as stored (its explanation is not needed). On an adjustment line `quantity` is the change of quantity.
 */
export type BilledLine = Omit<RatedLine, 'explanation'>;

export interface AdjustmentInput {
  /** The whole period re-rated with all its usage (`rateBill`, the price list and coupon in force then). */
  readonly rerated: RatedBill;
  /** Every line of every bill of the period so far, in any order. */
  readonly billed: readonly BilledLine[];
  /** The price list's charges, for the unit of each line ("orders", "calls"). */
  readonly charges: readonly ChargeDef[];
}

/** An adjustment bill: the lines that changed and what they add up to. */
export interface Adjustment {
  /** One line per code whose amount or quantity changed; `quantity`, `preciseAmount` and `amount` are differences. */
  readonly lines: readonly RatedLine[];
  /** The sum of the lines' rounded differences = re-rated total − billed total. */
  readonly total: string;
  /** The coupon granted by this adjustment (positive yuan; may be negative when a re-rate lowers the coupon used). */
  readonly couponTotal: string;
}

interface Billed {
  kind: BillLineKind;
  label: string;
  unitPrice: string;
  quantity: Dec;
  precise: Dec;
  amount: Dec;
}

const signed = (amount: Dec): string => (amount.gte(0) ? `+${amount.toFixed(2)}` : `−${amount.abs().toFixed(2)}`);

/**
 * The difference between a period re-rated with all its usage and what its bills already charged
 * (late usage, issue 17; an operator's explicit re-rate). Per line code: re-rated amount − the sum
 * of that code's billed amounts (all bills of the period), so a coupon already used up is not
 * granted twice and tiers apply to the whole period (the re-rating did both). A line is kept when
 * its amount or quantity changed. Returns null when the difference comes to 0.00: nothing is
 * written (NOTE: the total decides — a late free-API call or a coupon absorbing a late basic call
 * changes no money, and the next difference is still taken against what was billed).
 */
export function adjustmentOf(input: AdjustmentInput): Adjustment | null {
  const billed = new Map<string, Billed>();
  for (const l of input.billed) {
    const b = billed.get(l.code);
    // Coupon and discount lines count 1 on every bill: their quantity does not add up.
    const q = l.kind === 'CHARGE' ? new D(l.quantity) : new D(1);
    if (!b) billed.set(l.code, { kind: l.kind, label: l.label, unitPrice: l.unitPrice, quantity: q, precise: new D(l.preciseAmount), amount: new D(l.amount) });
    else {
      if (l.kind === 'CHARGE') b.quantity = b.quantity.plus(q);
      b.precise = b.precise.plus(l.preciseAmount);
      b.amount = b.amount.plus(l.amount);
    }
  }
  const units = new Map(input.charges.map((c) => [c.code, c.unit]));
  const lines: RatedLine[] = [];
  let total: Dec = new D(0);
  let coupon: Dec = new D(0);
  const seen = new Set<string>();
  const push = (kind: BillLineKind, code: string, label: string, unitPrice: string, was: Billed | undefined, now: RatedLine | undefined) => {
    const oldQ = was ? was.quantity : new D(0);
    const newQ = now ? (kind === 'CHARGE' ? new D(now.quantity) : new D(1)) : new D(0);
    const oldAmount = was ? was.amount : new D(0);
    const newAmount = now ? new D(now.amount) : new D(0);
    const delta = roundFen(newAmount.minus(oldAmount));
    const dq = kind === 'CHARGE' ? newQ.minus(oldQ) : new D(0);
    if (delta.isZero() && dq.isZero()) return;
    const precise = (now ? new D(now.preciseAmount) : new D(0)).minus(was ? was.precise : 0);
    const unit = units.get(code) ?? '';
    const what =
      kind === 'CHARGE'
        ? `${label} ${grouped(oldQ)} → ${grouped(newQ)}${unit ? ` ${unit}` : ''}`
        : `${label} ${oldAmount.toFixed(2)} → ${newAmount.toFixed(2)}`;
    const explanation = `${what}: ${signed(delta)} (${newAmount.toFixed(2)} now − ${oldAmount.toFixed(2)} billed${now ? `; ${now.explanation}` : ''})`;
    lines.push({
      kind,
      code,
      label,
      quantity: kind === 'CHARGE' ? dq.toFixed() : '1',
      unitPrice,
      preciseAmount: precise.toFixed(),
      amount: delta.toFixed(2),
      explanation: explanation.slice(0, 500),
    });
    total = total.plus(delta);
    if (kind === 'COUPON') coupon = coupon.minus(delta);
  };
  for (const now of input.rerated.lines) {
    seen.add(now.code);
    push(now.kind, now.code, now.label, now.unitPrice, billed.get(now.code), now);
  }
  for (const [code, was] of billed) if (!seen.has(code)) push(was.kind, code, was.label, was.unitPrice, was, undefined);
  if (total.isZero()) return null;
  return { lines, total: total.toFixed(2), couponTotal: coupon.toFixed(2) };
}

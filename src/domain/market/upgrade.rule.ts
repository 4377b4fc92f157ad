import Decimal from 'decimal.js';
import { Violation, violation } from '../common/violation';
import { BillingCycle } from './market.enums';
import { money } from './money';
import { Quote } from './quote.rule';

export interface UpgradeEnds {
  fromVersionId: string;
  fromHidden: boolean;
  toVersionId: string;
  toHidden: boolean;
  /** Operator-configured rules: from version → to version. */
  rules: readonly { fromVersionId: string; toVersionId: string }[];
  currentQuantities: readonly { code: string; quantity: number }[];
  currentChoices: readonly { code: string; value: string }[];
  targetQuantities: readonly { code: string; quantity: number }[];
  targetChoices: readonly { code: string; value: string }[];
}

/**
 * Whether an upgrade may happen (004 §4.2.8): hidden versions can neither be upgraded nor
 * upgraded to; another version only along a configured rule (anything else, a downgrade
 * included, is refused); the same version may scale itself up (more of a quantity) but never
 * down. NOTE: within the same version an enum choice may not change — that is not scaling up.
 */
export function checkUpgrade(u: UpgradeEnds): Violation[] {
  const out: Violation[] = [];
  if (u.fromHidden) out.push(violation('subscription', 'HIDDEN_VERSION', 'the subscribed version is hidden: it cannot be upgraded (it can still be renewed)'));
  if (u.toHidden && u.toVersionId !== u.fromVersionId) out.push(violation('versionId', 'HIDDEN_VERSION', 'a hidden version cannot be upgraded to'));
  if (out.length > 0) return out;
  if (u.fromVersionId !== u.toVersionId) {
    if (!u.rules.some((r) => r.fromVersionId === u.fromVersionId && r.toVersionId === u.toVersionId)) {
      out.push(violation('versionId', 'NO_UPGRADE_RULE', 'no upgrade rule leads from the subscribed version to this one (downgrades are never configured)'));
    }
    return out;
  }
  let grew = false;
  for (const cur of u.currentQuantities) {
    const next = u.targetQuantities.find((q) => q.code === cur.code);
    if (next && next.quantity < cur.quantity) out.push(violation(`quantities.${cur.code}`, 'SCALE_DOWN', `"${cur.code}" cannot go down from ${cur.quantity} to ${next.quantity}`));
    if (next && next.quantity > cur.quantity) grew = true;
  }
  for (const cur of u.currentChoices) {
    const next = u.targetChoices.find((c) => c.code === cur.code);
    if (next && next.value !== cur.value) out.push(violation(`choices.${cur.code}`, 'NOT_A_SCALE_UP', `within the same version "${cur.code}" stays "${cur.value}"`));
  }
  if (out.length === 0 && !grew) out.push(violation('quantities', 'NOTHING_TO_UPGRADE', 'a same-version upgrade raises at least one quantity'));
  return out;
}

/** The cycle's length in days, for prorating. NOTE: a month counts 30 days, a year 365. */
export const CYCLE_DAYS = Object.freeze({ MONTH: 30, YEAR: 365 });

/** Whole days left until `expiresAt`, counting a started day as a day; 0 when past. */
export function remainingDays(now: Date, expiresAt: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000));
}

export interface UpgradeLine {
  key: string;
  description: string;
  /** The current selection's price of this part for one cycle. */
  current: Decimal;
  /** The target selection's price of this part for one cycle. */
  target: Decimal;
  /** (target − current) × remaining fraction, rounded; may be negative. */
  difference: Decimal;
}

export interface UpgradeCharge {
  lines: UpgradeLine[];
  remainingDays: number;
  cycleDays: number;
  /** Sum of the line differences; may be negative (a price inversion). */
  difference: Decimal;
  /** What the buyer pays: the difference floored at 0.00. */
  charged: Decimal;
}

/**
 * The price difference of an upgrade for the remaining period, part by part: both selections
 * are quoted for one cycle at new-purchase prices, each part's difference is prorated by
 * remaining days / cycle days, at most 1 (ONE_TIME: the whole difference), and the total is never
 * negative: a price inversion is charged 0.00 (004 §4.2.8 b).
 */
export function upgradeCharge(current: Quote, target: Quote, cycle: BillingCycle, daysLeft: number): UpgradeCharge {
  const cycleDays = cycle === BillingCycle.ONE_TIME ? 1 : CYCLE_DAYS[cycle];
  // NOTE: capped at one whole cycle: a year with a 29 February leaves 366 days, still one year's difference.
  const fraction = cycle === BillingCycle.ONE_TIME ? new Decimal(1) : Decimal.min(new Decimal(daysLeft).div(cycleDays), 1);
  const keyOf = (l: { part: string; code: string | null }) => (l.part === 'BASE' ? 'BASE' : l.code!);
  const keys: string[] = [];
  for (const l of [...target.lines, ...current.lines]) if (!keys.includes(keyOf(l))) keys.push(keyOf(l));
  const lines = keys.map((key) => {
    const c = current.lines.find((l) => keyOf(l) === key);
    const t = target.lines.find((l) => keyOf(l) === key);
    const cur = c?.amount ?? new Decimal(0);
    const tgt = t?.amount ?? new Decimal(0);
    return {
      key,
      description: `${c?.description ?? '—'} → ${t?.description ?? '—'}`,
      current: cur,
      target: tgt,
      difference: money(tgt.minus(cur).times(fraction)),
    };
  });
  const difference = lines.reduce((s, l) => s.plus(l.difference), new Decimal(0));
  return { lines, remainingDays: daysLeft, cycleDays, difference, charged: Decimal.max(difference, 0) };
}

import Decimal from 'decimal.js';
import { invalidInput, ok, Result } from '../common/result';
import { Violation, violation } from '../common/violation';
import { BillingCycle, ProductStatus, PurchaseKind, SaleMode } from './market.enums';
import { moneyString } from './money';
import { checkBuyable, checkRenewable, checkUpgradable, SubscriptionForOrder } from './order.rule';
import { PricedVersion, quote, Selection } from './quote.rule';
import { termEnd, trialEnd } from './term.rule';
import { checkUpgrade, remainingDays, upgradeCharge, UpgradeCharge } from './upgrade.rule';

/** The buyer's phone: digits with an optional +, spaces and dashes (6–29 characters). */
export const BUYER_PHONE_RE = /^\+?[0-9][0-9 -]{5,28}$/;
/** The buyer's email: local@domain.tld. */
export const BUYER_EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** The product facts an order is checked against. */
export interface OrderedProduct {
  readonly status: ProductStatus;
  readonly saleMode: SaleMode;
  readonly needsBuyerPhone: boolean;
  readonly needsBuyerEmail: boolean;
}

/** The version facts an order is checked against. */
export interface OrderedVersion {
  readonly id: string;
  readonly name: string;
  readonly hidden: boolean;
  readonly trialDays: number | null;
}

/** What the buyer sends (the parts each order type reads). */
export interface OrderRequest {
  readonly cycle?: BillingCycle | null;
  readonly length?: number | null;
  readonly quantities?: readonly { code: string; quantity: number }[] | null;
  readonly choices?: readonly { code: string; value: string }[] | null;
  readonly trial?: boolean | null;
  readonly buyerPhone?: string | null;
  readonly buyerEmail?: string | null;
}

/** A line of an order as recorded: amounts as 2-decimal strings, exactly as charged. */
export interface PlannedLine {
  readonly key: string;
  readonly description: string;
  readonly amount: string;
  readonly current?: string;
  readonly target?: string;
}

/** What an order writes: its charge, lines and length, and the subscription's term and selection. */
export interface OrderPlan {
  readonly trial: boolean;
  readonly cycle: BillingCycle;
  /** Months or years bought (0 for a trial or an upgrade). */
  readonly length: number;
  readonly amount: Decimal;
  readonly lines: readonly PlannedLine[];
  /** The subscription's new expiry; undefined when the order leaves it (an upgrade). */
  readonly expiresAt?: Date | null;
  readonly quantities: readonly { code: string; quantity: number }[];
  readonly choices: readonly { code: string; value: string }[];
  /** An upgrade's charge, part by part. */
  readonly upgrade: UpgradeCharge | null;
}

const copyQuantities = (q: readonly { code: string; quantity: number }[] | null | undefined) => (q ?? []).map((x) => ({ code: x.code, quantity: x.quantity }));
const copyChoices = (c: readonly { code: string; value: string }[] | null | undefined) => (c ?? []).map((x) => ({ code: x.code, value: x.value }));

/** The contact details the provider asks of buyers (its product's needsBuyerPhone / needsBuyerEmail). */
export function checkBuyerContact(product: OrderedProduct, input: OrderRequest): Violation[] {
  const out: Violation[] = [];
  if (product.needsBuyerPhone && !BUYER_PHONE_RE.test(input.buyerPhone?.trim() ?? '')) out.push(violation('buyerPhone', 'REQUIRED', "the provider needs the buyer's phone number"));
  if (product.needsBuyerEmail && !BUYER_EMAIL_RE.test(input.buyerEmail?.trim() ?? '')) out.push(violation('buyerEmail', 'REQUIRED', "the provider needs the buyer's email address"));
  return out;
}

/**
 * A NEW order (004 §4.2.3, DOMAIN §7): a LISTED product, a visible version, the contact details the
 * provider asks for; a trial only on a BY_CYCLE version that offers one, once per buyer and
 * version, at 0.00 for its days; otherwise the quote's total for `length` cycles from `now`.
 */
export function planNewOrder(
  f: { readonly product: OrderedProduct; readonly version: OrderedVersion; readonly priced: PricedVersion; readonly trialUsed: boolean; readonly now: Date },
  input: OrderRequest,
): Result<OrderPlan> {
  const { product, version } = f;
  const buyable = checkBuyable(product.status);
  if (!buyable.ok) return buyable;
  const violations: Violation[] = [];
  if (version.hidden) violations.push(violation('versionId', 'VERSION_HIDDEN', 'a hidden version cannot be bought (its holders may still renew)'));
  violations.push(...checkBuyerContact(product, input));
  const trial = input.trial === true;
  const cycle = input.cycle ?? (product.saleMode === SaleMode.ONE_TIME ? BillingCycle.ONE_TIME : BillingCycle.MONTH);
  const sel: Selection = { cycle, length: trial ? 1 : (input.length ?? 1), purchase: PurchaseKind.NEW, quantities: copyQuantities(input.quantities), choices: copyChoices(input.choices) };
  if (trial) {
    if (product.saleMode === SaleMode.ONE_TIME) violations.push(violation('trial', 'TRIAL_NOT_ALLOWED', 'ONE_TIME products have no trial'));
    else if (version.trialDays === null) violations.push(violation('trial', 'TRIAL_NOT_OFFERED', `version "${version.name}" offers no trial`));
    else if (f.trialUsed) violations.push(violation('trial', 'TRIAL_ALREADY_USED', 'a buyer tries a version once'));
  }
  const priced = quote(f.priced, product.saleMode, sel);
  if (!priced.ok) return priced.refusal.kind === 'INVALID_INPUT' ? invalidInput([...violations, ...priced.refusal.violations]) : priced;
  if (violations.length > 0) return invalidInput(violations);
  return ok({
    trial,
    cycle,
    length: trial ? 0 : sel.length,
    amount: trial ? new Decimal(0) : priced.value.total,
    lines: trial
      ? [{ key: 'TRIAL', description: `${version.name}: ${version.trialDays}-day trial`, amount: '0.00' }]
      : priced.value.lines.map((l) => ({ key: l.code ?? 'BASE', description: l.description, amount: moneyString(l.amount) })),
    expiresAt: trial ? trialEnd(f.now, version.trialDays!) : termEnd(f.now, cycle, sel.length),
    quantities: sel.quantities,
    choices: sel.choices,
    upgrade: null,
  });
}

/** The subscription facts a renewal or an upgrade reads. */
export interface SubscribedFor extends SubscriptionForOrder {
  readonly versionId: string;
  readonly quantities: readonly { code: string; quantity: number }[];
  readonly choices: readonly { code: string; value: string }[];
}

/**
 * A RENEW order (004 §4.2.3): a renewable subscription (`checkRenewable`) at renewal prices for
 * `length` cycles, from its expiry (or from now, once expired). Hidden versions stay renewable.
 */
export function planRenewal(f: { readonly sub: SubscribedFor; readonly saleMode: SaleMode; readonly priced: PricedVersion; readonly now: Date }, length: number | null | undefined): Result<OrderPlan> {
  const renewable = checkRenewable(f.sub, f.now);
  if (!renewable.ok) return renewable;
  const sel: Selection = { cycle: f.sub.cycle, length: length ?? 1, purchase: PurchaseKind.RENEWAL, quantities: copyQuantities(f.sub.quantities), choices: copyChoices(f.sub.choices) };
  const priced = quote(f.priced, f.saleMode, sel);
  if (!priced.ok) return priced;
  const from = f.sub.expiresAt! > f.now ? f.sub.expiresAt! : f.now;
  return ok({
    trial: false,
    cycle: f.sub.cycle,
    length: sel.length,
    amount: priced.value.total,
    lines: priced.value.lines.map((l) => ({ key: l.code ?? 'BASE', description: l.description, amount: moneyString(l.amount) })),
    expiresAt: termEnd(from, f.sub.cycle, sel.length),
    quantities: sel.quantities,
    choices: sel.choices,
    upgrade: null,
  });
}

/** A version an upgrade starts from or goes to. */
export interface UpgradeEnd {
  readonly version: OrderedVersion;
  readonly priced: PricedVersion;
}

/**
 * An UPGRADE (004 §4.2.8): an active, non-trial subscription (`checkUpgradable`), along a
 * configured rule or scaling the same version up (`checkUpgrade`), charged the difference for the
 * remaining days, never below 0.00 (`upgradeCharge`).
 */
export function planUpgradeOrder(
  f: {
    readonly sub: SubscribedFor;
    readonly saleMode: SaleMode;
    readonly current: UpgradeEnd;
    readonly target: UpgradeEnd;
    readonly rules: readonly { fromVersionId: string; toVersionId: string }[];
    readonly now: Date;
  },
  input: OrderRequest,
): Result<OrderPlan> {
  const { sub, now } = f;
  const upgradable = checkUpgradable(sub, now);
  if (!upgradable.ok) return upgradable;
  const quantities = copyQuantities(input.quantities ?? sub.quantities);
  const choices = copyChoices(input.choices ?? sub.choices);
  const violations = checkUpgrade({
    fromVersionId: f.current.version.id,
    fromHidden: f.current.version.hidden,
    toVersionId: f.target.version.id,
    toHidden: f.target.version.hidden,
    rules: f.rules,
    currentQuantities: sub.quantities,
    currentChoices: sub.choices,
    targetQuantities: quantities,
    targetChoices: choices,
  });
  if (violations.length > 0) return invalidInput(violations);
  const one = (end: UpgradeEnd, q: Selection['quantities'], c: Selection['choices']) => quote(end.priced, f.saleMode, { cycle: sub.cycle, length: 1, purchase: PurchaseKind.NEW, quantities: q, choices: c });
  const tgt = one(f.target, quantities, choices);
  if (!tgt.ok) return tgt;
  const cur = one(f.current, sub.quantities, sub.choices);
  if (!cur.ok) return cur;
  const charge = upgradeCharge(cur.value, tgt.value, sub.cycle, sub.expiresAt ? remainingDays(now, sub.expiresAt) : 0);
  return ok({
    trial: false,
    cycle: sub.cycle,
    length: 0,
    amount: charge.charged,
    lines: charge.lines.map((l) => ({ key: l.key, description: l.description, current: moneyString(l.current), target: moneyString(l.target), amount: moneyString(l.difference) })),
    quantities,
    choices,
    upgrade: charge,
  });
}

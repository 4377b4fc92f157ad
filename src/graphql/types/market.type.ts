import { Money } from './money.scalar';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  MarketNotificationEntity,
  MarketOrderEntity,
  MarketProductEntity,
  MarketSubscriptionEntity,
  MarketUpgradeRuleEntity,
  MarketVersionEntity,
} from '../../db/entities';
import { BillingItem } from '../../domain/market/billing-item.rule';
import {
  BillingCycle,
  BillingItemKind,
  NotificationAction,
  NotificationStatus,
  OrderType,
  ProductStatus,
  PurchaseKind,
  SaleMode,
  SubscriptionStatus,
} from '../../domain/market/market.enums';
import { moneyString } from '../../domain/market/money';
import { PriceSet } from '../../domain/market/price-set.rule';
import { Quote } from '../../domain/market/quote.rule';
import { subscriptionStatusAt } from '../../domain/market/production.rule';
import { UpgradeCharge } from '../../domain/market/upgrade.rule';

const m = (v: string | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : moneyString(v));

@ObjectType('PriceSet', { simpleResolvers: true, description: 'Prices in yuan as decimal strings. BY_CYCLE: month/year new and renewal; ONE_TIME: oneTime.' })
export class PriceSetType {
  @Field(() => Money, { nullable: true, description: 'Price of a new one-month purchase in yuan; null if not sold by month' }) monthNew: string | null;
  @Field(() => Money, { nullable: true, description: 'Price of a one-month renewal in yuan; null if not renewable by month' }) monthRenew: string | null;
  @Field(() => Money, { nullable: true, description: 'Price of a new one-year purchase in yuan; null if not sold by year' }) yearNew: string | null;
  @Field(() => Money, { nullable: true, description: 'Price of a one-year renewal in yuan; null if not renewable by year' }) yearRenew: string | null;
  @Field(() => Money, { nullable: true, description: 'Price of a one-time purchase in yuan; null for cycle products' }) oneTime: string | null;

  static from(p: PriceSet): PriceSetType {
    return Object.assign(new PriceSetType(), { monthNew: m(p.monthNew), monthRenew: m(p.monthRenew), yearNew: m(p.yearNew), yearRenew: m(p.yearRenew), oneTime: m(p.oneTime) });
  }
}

@ObjectType('QuantityTier', { simpleResolvers: true, description: 'Volume tier: from this many units on, every unit costs these prices' })
export class QuantityTierType {
  @Field(() => Int, { description: 'Quantity the tier starts at (its price applies to every unit from here)' }) from: number;
  @Field(() => PriceSetType, { description: 'Prices per unit per cycle in the tier' }) prices: PriceSetType;
}

@ObjectType('EnumValue', { simpleResolvers: true, description: 'One priced value of an ENUM billing item' })
export class EnumValueType {
  @Field(() => String, { description: "The value's text, e.g. \"APP+WAP\" or \"Shanghai\"" }) value: string;
  @Field(() => PriceSetType, { description: "The value's prices per cycle" }) prices: PriceSetType;
}

@ObjectType('BillingItem', { simpleResolvers: true, description: 'An extra billing item of a version (QUANTITY or ENUM)' })
export class BillingItemType {
  @Field(() => String, { description: 'Parameter code sent to the production endpoint' }) code: string;
  @Field(() => String, { description: "The item's display name (e.g. \"Users\", \"Region\")" }) name: string;
  @Field(() => BillingItemKind, { description: 'QUANTITY (counted, with tiers) or ENUM (priced choices)' }) kind: BillingItemKind;
  @Field(() => String, { nullable: true, description: 'QUANTITY: the counted unit (e.g. "user"); null for ENUM' }) unit: string | null;
  @Field(() => Int, { nullable: true, description: 'QUANTITY: the least quantity a buyer may choose (e.g. 5 users); null for ENUM' }) minimum: number | null;
  @Field(() => [QuantityTierType], { description: 'QUANTITY: volume tiers by starting quantity, each with its prices; empty for ENUM' }) tiers: QuantityTierType[];
  @Field(() => [EnumValueType], { description: 'ENUM: the values a buyer picks from, each priced; empty for QUANTITY' }) values: EnumValueType[];

  static from(i: BillingItem): BillingItemType {
    return Object.assign(new BillingItemType(), {
      code: i.code,
      name: i.name,
      kind: i.kind,
      unit: i.unit ?? null,
      minimum: i.minimum ?? null,
      tiers: (i.tiers ?? []).map((t) => Object.assign(new QuantityTierType(), { from: t.from, prices: PriceSetType.from(t.prices) })),
      values: (i.values ?? []).map((v) => Object.assign(new EnumValueType(), { value: v.value, prices: PriceSetType.from(v.prices) })),
    });
  }
}

@ObjectType('MarketVersion', { description: 'A version (edition) of a market product' })
export class MarketVersionType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the market version; the same in every answer that holds it' }) id: string;
  @Field(() => String, { description: "Generated; the provider's production system identifies the version by it" }) code: string;
  @Field(() => String, { description: 'Up to 20 digits, letters or Chinese characters' }) name: string;
  @Field(() => Int, { description: "The version's place in the product's version list (ascending)" }) displayOrder: number;
  @Field(() => Boolean, { description: 'Hidden versions are not sold nor upgraded to; at least one stays visible' }) hidden: boolean;
  @Field(() => Int, { nullable: true, description: 'BY_CYCLE only: 1–180 days' }) trialDays: number | null;
  @Field(() => PriceSetType, { description: "The version's base prices per cycle" }) prices: PriceSetType;
  productId: string;

  static from(v: MarketVersionEntity): MarketVersionType {
    return Object.assign(new MarketVersionType(), {
      id: v.id,
      code: v.code,
      name: v.name,
      displayOrder: v.displayOrder,
      hidden: v.hidden,
      trialDays: v.trialDays,
      prices: PriceSetType.from(v),
      productId: v.productId,
    });
  }
}

@ObjectType('MarketUpgradeRule', { simpleResolvers: true, description: 'An operator-configured upgrade path' })
export class MarketUpgradeRuleType {
  @Field(() => ID, { description: 'The version upgraded from' }) fromVersionId: string;
  @Field(() => ID, { description: 'The version upgraded to (never a hidden one)' }) toVersionId: string;
  @Field(() => String, { description: 'PROVIDER or OPERATOR: who set it (an operator rule overrides the provider)' }) setByRole: string;

  static from(r: MarketUpgradeRuleEntity): MarketUpgradeRuleType {
    return Object.assign(new MarketUpgradeRuleType(), { fromVersionId: r.fromVersionId, toVersionId: r.toVersionId, setByRole: r.setByRole });
  }
}

@ObjectType('MarketProduct', { description: 'A SaaS product on the cloud market (DOMAIN §7)' })
export class MarketProductType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the market product; the same in every answer that holds it' }) id: string;
  @Field(() => String, { description: 'Product name buyers see in the market' }) name: string;
  @Field(() => SaleMode, { description: 'BY_CYCLE (month/year prices, renewals, trials) or ONE_TIME (one price, no renewal)' }) saleMode: SaleMode;
  @Field(() => Boolean, { description: 'Shown in the market once listed' }) visible: boolean;
  @Field(() => Boolean, { description: 'Buyers must give a phone number when ordering' }) needsBuyerPhone: boolean;
  @Field(() => Boolean, { description: 'Buyers must give an email when ordering' }) needsBuyerEmail: boolean;
  @Field(() => ProductStatus, { description: 'DRAFT, IN_REVIEW, LISTED or REJECTED' }) status: ProductStatus;
  @Field(() => Date, { nullable: true, description: 'When it was last submitted for review; null if never' }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was first listed; null until then' }) listedAt: Date | null;
  providerId: string;
  endpoint: string | null;

  static from(p: MarketProductEntity): MarketProductType {
    return Object.assign(new MarketProductType(), {
      id: p.id,
      name: p.name,
      saleMode: p.saleMode,
      visible: p.visible,
      needsBuyerPhone: p.needsBuyerPhone,
      needsBuyerEmail: p.needsBuyerEmail,
      status: p.status,
      submittedAt: p.submittedAt,
      listedAt: p.listedAt,
      providerId: p.providerId,
      endpoint: p.endpointUrl,
    });
  }
}

@ObjectType('QuoteLine', { simpleResolvers: true, description: 'quantity × unitPrice × length = amount' })
export class QuoteLineType {
  @Field(() => String, { description: 'BASE, QUANTITY or ENUM' }) part: string;
  @Field(() => String, { nullable: true, description: "The billing item's code; null for the base line" }) code: string | null;
  @Field(() => String, { description: 'What the part is, for people' }) description: string;
  @Field(() => Int, { description: 'Units priced (1 for base and ENUM lines)' }) quantity: number;
  @Field(() => Money, { description: "Yuan per unit per cycle (the tier's price for QUANTITY)" }) unitPrice: string;
  @Field(() => Int, { description: 'How many cycles the line prices (e.g. 1 year)' }) length: number;
  @Field(() => Money, { description: 'quantity × unitPrice × length, in yuan' }) amount: string;
}

@ObjectType('Quote', { simpleResolvers: true, description: 'A selection priced line by line (nothing is written)' })
export class QuoteType {
  @Field(() => ID, { description: 'Id of the product quoted' }) productId: string;
  @Field(() => String, { description: 'The generated code of the version quoted' }) versionCode: string;
  @Field(() => [QuoteLineType], { description: 'Priced parts: base, each QUANTITY item, each ENUM value' }) lines: QuoteLineType[];
  @Field(() => Money, { description: "Sum of the lines in yuan, e.g. 208.00 for 004's example year" }) total: string;

  static from(productId: string, versionCode: string, q: Quote): QuoteType {
    return Object.assign(new QuoteType(), {
      productId,
      versionCode,
      lines: q.lines.map((l) =>
        Object.assign(new QuoteLineType(), { part: l.part, code: l.code, description: l.description, quantity: l.quantity, unitPrice: moneyString(l.unitPrice), length: l.length, amount: moneyString(l.amount) }),
      ),
      total: moneyString(q.total),
    });
  }
}

@ObjectType('QuantitySelection', { simpleResolvers: true, description: 'The quantity chosen for one QUANTITY billing item of a subscription' })
export class QuantitySelectionType {
  @Field(() => String, { description: "The item's parameter code" }) code: string;
  @Field(() => Int, { description: "How many units were bought (at least the item's minimum)" }) quantity: number;
}

@ObjectType('ChoiceSelection', { simpleResolvers: true, description: 'The value chosen for one ENUM billing item of a subscription' })
export class ChoiceSelectionType {
  @Field(() => String, { description: "The ENUM item's parameter code" }) code: string;
  @Field(() => String, { description: "The value chosen, one of the item's values (e.g. \"Shanghai\")" }) value: string;
}

@ObjectType('MarketSubscription', { simpleResolvers: true, description: "A buyer's subscription to a product version, with its selections and period" })
export class MarketSubscriptionType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the market subscription; the same in every answer that holds it' }) id: string;
  @Field(() => ID, { description: 'Id of the product subscribed to' }) productId: string;
  @Field(() => ID, { description: 'The version held now' }) versionId: string;
  @Field(() => BillingCycle, { description: 'MONTH, YEAR or ONE_TIME' }) cycle: BillingCycle;
  @Field(() => Boolean, { description: 'True while it is a free trial' }) trial: boolean;
  @Field(() => [QuantitySelectionType], { description: 'The quantities chosen for QUANTITY billing items' }) quantities: QuantitySelectionType[];
  @Field(() => [ChoiceSelectionType], { description: 'The values chosen for ENUM billing items' }) choices: ChoiceSelectionType[];
  @Field(() => Date, { description: 'When the subscription began' }) startsAt: Date;
  @Field(() => Date, { nullable: true, description: 'Null for ONE_TIME purchases' }) expiresAt: Date | null;
  @Field(() => SubscriptionStatus, { description: 'As of now: ACTIVE, CLOSED after expiry, RELEASED 7 days after expiry' }) status: SubscriptionStatus;

  static from(s: MarketSubscriptionEntity, now: Date): MarketSubscriptionType {
    return Object.assign(new MarketSubscriptionType(), {
      id: s.id,
      productId: s.productId,
      versionId: s.versionId,
      cycle: s.cycle,
      trial: s.trial,
      quantities: s.quantities,
      choices: s.choices,
      startsAt: s.startsAt,
      expiresAt: s.expiresAt,
      status: subscriptionStatusAt(s.expiresAt, now),
    });
  }
}

@ObjectType('OrderLine', { simpleResolvers: true, description: 'A line of an order; upgrades show the current and target price per cycle and the prorated difference' })
export class OrderLineType {
  @Field(() => String, { description: "Which part: BASE, or the billing item's code" }) key: string;
  @Field(() => String, { description: 'What the part is, for people' }) description: string;
  @Field(() => String, { nullable: true, description: 'What the current selection costs for the remaining period, in yuan; null if the part is new' }) current: string | null;
  @Field(() => String, { nullable: true, description: 'What the target selection costs for the remaining period, in yuan; null if the part goes away' }) target: string | null;
  @Field(() => Money, { description: "The line's difference in yuan (target − current; the charge is floored at 0.00 overall)" }) amount: string;
}

@ObjectType('UpgradeQuote', { simpleResolvers: true, description: 'An upgrade priced for the remaining period, part by part; charged = max(difference, 0.00)' })
export class UpgradeQuoteType {
  @Field(() => Int, { description: 'Days left in the current period' }) remainingDays: number;
  @Field(() => Int, { description: 'Days of one cycle used for prorating: 30 (month), 365 (year), 1 (one-time)' }) cycleDays: number;
  @Field(() => Money, { description: 'Sum of the line differences; negative on a price inversion' }) difference: string;
  @Field(() => Money, { description: 'What the upgrade costs in yuan: the difference floored at 0.00' }) charged: string;
  @Field(() => [OrderLineType], { description: 'The difference part by part' }) lines: OrderLineType[];

  static from(c: UpgradeCharge): UpgradeQuoteType {
    return Object.assign(new UpgradeQuoteType(), {
      remainingDays: c.remainingDays,
      cycleDays: c.cycleDays,
      difference: moneyString(c.difference),
      charged: moneyString(c.charged),
      lines: c.lines.map((l) =>
        Object.assign(new OrderLineType(), { key: l.key, description: l.description, current: moneyString(l.current), target: moneyString(l.target), amount: moneyString(l.difference) }),
      ),
    });
  }
}

@ObjectType('MarketOrder', { description: 'A cloud-market order: a new purchase, renewal or upgrade, paid from the balance' })
export class MarketOrderType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the market order; the same in every answer that holds it' }) id: string;
  @Field(() => OrderType, { description: 'NEW, RENEW or UPGRADE' }) type: OrderType;
  @Field(() => Boolean, { description: 'True for a free trial (cycle products, 1 to 180 days)' }) trial: boolean;
  @Field(() => ID, { description: 'Id of the product ordered' }) productId: string;
  @Field(() => ID, { description: 'The version bought (the target version for an upgrade)' }) versionId: string;
  @Field(() => ID, { description: 'The subscription the order created or changed' }) subscriptionId: string;
  @Field(() => BillingCycle, { description: 'MONTH, YEAR or ONE_TIME' }) cycle: BillingCycle;
  @Field(() => Int, { description: 'How many cycles were bought' }) length: number;
  @Field(() => Money, { description: 'Charged, yuan; an upgrade difference is floored at 0.00' }) amount: string;
  @Field(() => Money, { nullable: true, description: 'UPGRADE: the unfloored sum of the line differences' }) difference: string | null;
  @Field(() => Int, { nullable: true, description: 'UPGRADE: days left in the term' }) remainingDays: number | null;
  @Field(() => [OrderLineType], { description: 'The priced parts of the order' }) lines: OrderLineType[];
  @Field(() => Date, { description: 'When the market order was created (an instant, ISO 8601 UTC)' }) createdAt: Date;

  static from(o: MarketOrderEntity, upgrade?: { difference: { toFixed(n: number): string }; remainingDays: number } | null): MarketOrderType {
    return Object.assign(new MarketOrderType(), {
      id: o.id,
      type: o.type,
      trial: o.trial,
      productId: o.productId,
      versionId: o.versionId,
      subscriptionId: o.subscriptionId,
      cycle: o.cycle,
      length: o.length,
      amount: moneyString(o.amount),
      difference: upgrade ? upgrade.difference.toFixed(2) : null,
      remainingDays: upgrade ? upgrade.remainingDays : null,
      lines: o.lines.map((l) => Object.assign(new OrderLineType(), { key: l.key, description: l.description, current: l.current ?? null, target: l.target ?? null, amount: l.amount })),
      createdAt: o.createdAt,
    });
  }
}

@ObjectType('ProductionNotification', { simpleResolvers: true, description: "A notification to the provider's production endpoint" })
export class ProductionNotificationType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the production notification; the same in every answer that holds it' }) id: string;
  @Field(() => String, { description: 'Sent with every attempt so the provider can drop repeats' }) idempotencyKey: string;
  @Field(() => NotificationAction, { description: 'NEW, RENEW, UPGRADE or RELEASE' }) action: NotificationAction;
  @Field(() => NotificationStatus, { description: 'PENDING, DELIVERED or STOPPED' }) status: NotificationStatus;
  @Field(() => ID, { description: 'The product whose endpoint is told' }) productId: string;
  @Field(() => ID, { description: 'Id of the subscription the notification is about' }) subscriptionId: string;
  @Field(() => ID, { nullable: true, description: 'The order that caused it; null for RELEASE' }) orderId: string | null;
  @Field(() => Int, { description: 'Failed attempts since the last reset; delivery stops at 120' }) errorCount: number;
  @Field(() => Int, { description: 'Attempts so far; it stops at 120 until the provider resets the count' }) totalAttempts: number;
  @Field(() => String, { nullable: true, description: 'The last failure (status or network error); null if none' }) lastError: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was last tried; null before the first attempt' }) lastAttemptAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it will be tried next; null when delivered or stopped' }) nextAttemptAt: Date | null;

  static from(n: MarketNotificationEntity): ProductionNotificationType {
    return Object.assign(new ProductionNotificationType(), {
      id: n.id,
      idempotencyKey: n.idempotencyKey,
      action: n.action,
      status: n.status,
      productId: n.productId,
      subscriptionId: n.subscriptionId,
      orderId: n.orderId,
      errorCount: n.errors,
      totalAttempts: n.totalAttempts,
      lastError: n.lastError,
      lastAttemptAt: n.lastAttemptAt,
      nextAttemptAt: n.nextAttemptAt,
    });
  }
}

// ---- inputs ----

@InputType('CreateMarketProductInput', { description: 'A new cloud-market SaaS product, created in DRAFT' })
export class CreateMarketProductInput {
  @Field(() => String, { description: 'Product name buyers see in the market' }) name: string;
  @Field(() => SaleMode, { description: 'BY_CYCLE (month/year prices, renewals, trials) or ONE_TIME (one price, no renewal)' }) saleMode: SaleMode;
  @Field(() => Boolean, { nullable: true, description: 'Shown in the market once listed; default true' }) visible?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'True if buyers must give a phone number when ordering; default false' }) needsBuyerPhone?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'True if buyers must give an email when ordering; default false' }) needsBuyerEmail?: boolean;
}

@InputType('UpdateMarketProductInput', { description: 'Only the fields given change; the sale mode never does' })
export class UpdateMarketProductInput {
  @Field(() => String, { nullable: true, description: 'New product name buyers see' }) name?: string;
  @Field(() => Boolean, { nullable: true, description: 'Shown in the market once listed' }) visible?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Whether buyers must give a phone number' }) needsBuyerPhone?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Whether buyers must give an email' }) needsBuyerEmail?: boolean;
}

@InputType('PriceSetInput', { description: 'Decimal strings, yuan, at most 2 decimals' })
export class PriceSetInput {
  @Field(() => Money, { nullable: true, description: 'New one-month price, a decimal in yuan with at most two places' }) monthNew?: string | null;
  @Field(() => Money, { nullable: true, description: 'One-month renewal price, a decimal in yuan' }) monthRenew?: string | null;
  @Field(() => Money, { nullable: true, description: 'New one-year price, a decimal in yuan' }) yearNew?: string | null;
  @Field(() => Money, { nullable: true, description: 'One-year renewal price, a decimal in yuan' }) yearRenew?: string | null;
  @Field(() => Money, { nullable: true, description: 'One-time price (ONE_TIME products only), a decimal in yuan' }) oneTime?: string | null;
}

@InputType('MarketVersionInput', { description: 'For updates, only the fields given change; trialDays: null removes the trial' })
export class MarketVersionInput {
  @Field(() => String, { nullable: true, description: 'Up to 20 digits, letters or Chinese characters' }) name?: string;
  @Field(() => Int, { nullable: true, description: 'Trial length, 1 to 180 days; cycle products only' }) trialDays?: number | null;
  @Field(() => PriceSetInput, { nullable: true, description: "Base prices per cycle (by the product's sale mode)" }) prices?: PriceSetInput;
}

@InputType('QuantityTierInput', { description: 'A volume tier of a QUANTITY item' })
export class QuantityTierInput {
  @Field(() => Int, { description: 'Starting quantity; frozen once the product is submitted' }) from: number;
  @Field(() => PriceSetInput, { description: 'Prices per unit per cycle' }) prices: PriceSetInput;
}

@InputType('EnumValueInput', { description: 'One priced value of an ENUM billing item' })
export class EnumValueInput {
  @Field(() => String, { description: "The value's text; frozen once the product is submitted" }) value: string;
  @Field(() => PriceSetInput, { description: "The value's prices per cycle" }) prices: PriceSetInput;
}

@InputType('BillingItemInput', { description: 'An extra billing item of a version: QUANTITY with a minimum and tiers, or ENUM with priced values' })
export class BillingItemInput {
  @Field(() => String, { description: 'Parameter code, letters and underscores; unique in the version' }) code: string;
  @Field(() => String, { description: 'Name buyers see, e.g. "Users" or "Region"' }) name: string;
  @Field(() => BillingItemKind, { description: 'QUANTITY (counted, with a minimum and tiers) or ENUM (priced values)' }) kind: BillingItemKind;
  @Field(() => String, { nullable: true, description: 'QUANTITY: the counted unit; required for QUANTITY' }) unit?: string | null;
  @Field(() => Int, { nullable: true, description: 'QUANTITY: the least quantity a buyer may choose' }) minimum?: number | null;
  @Field(() => [QuantityTierInput], { nullable: true, description: 'QUANTITY: volume tiers by starting quantity (frozen once the product is submitted; prices may change)' }) tiers?: QuantityTierInput[] | null;
  @Field(() => [EnumValueInput], { nullable: true, description: 'ENUM: the priced values (frozen once the product is submitted; prices may change)' }) values?: EnumValueInput[] | null;
}

@InputType('QuantityInput', { description: 'The quantity chosen for one QUANTITY billing item' })
export class QuantityInput {
  @Field(() => String, { description: "The item's parameter code" }) code: string;
  @Field(() => Int, { description: "How many units, at least the item's minimum" }) quantity: number;
}

@InputType('ChoiceInput', { description: 'The value chosen for one ENUM billing item' })
export class ChoiceInput {
  @Field(() => String, { description: "The ENUM item's parameter code" }) code: string;
  @Field(() => String, { description: "The chosen value (one of the item's values)" }) value: string;
}

@InputType('QuoteOrderInput', { description: 'A selection to price: version, cycle and billing items' })
export class QuoteOrderInput {
  @Field(() => ID, { description: 'Id of the version to price' }) versionId: string;
  @Field(() => BillingCycle, { description: 'MONTH, YEAR or ONE_TIME' }) cycle: BillingCycle;
  @Field(() => Int, { description: 'Months (1–11) or years (1–3); 1 for ONE_TIME' }) length: number;
  @Field(() => PurchaseKind, { nullable: true, description: 'NEW (default) or RENEWAL prices' }) purchase?: PurchaseKind;
  @Field(() => [QuantityInput], { nullable: true, description: 'Quantities for QUANTITY items' }) quantities?: QuantityInput[];
  @Field(() => [ChoiceInput], { nullable: true, description: 'Values for ENUM items' }) choices?: ChoiceInput[];
}

@InputType('PlaceOrderInput', { description: 'A cloud-market order to place and pay from the balance' })
export class PlaceOrderInput {
  @Field(() => OrderType, { description: 'NEW, RENEW or UPGRADE' }) type: OrderType;
  @Field(() => ID, { nullable: true, description: 'NEW: the version; UPGRADE: the target version (default: the subscribed one)' }) versionId?: string;
  @Field(() => ID, { nullable: true, description: 'RENEW and UPGRADE' }) subscriptionId?: string;
  @Field(() => BillingCycle, { nullable: true, description: 'NEW: MONTH or YEAR (BY_CYCLE), ONE_TIME' }) cycle?: BillingCycle;
  @Field(() => Int, { nullable: true, description: 'NEW and RENEW: months or years (default 1)' }) length?: number;
  @Field(() => [QuantityInput], { nullable: true, description: "Quantities for the version's QUANTITY items (at least each minimum)" }) quantities?: QuantityInput[];
  @Field(() => [ChoiceInput], { nullable: true, description: "Values for the version's ENUM items" }) choices?: ChoiceInput[];
  @Field(() => Boolean, { nullable: true, description: "NEW: start the version's trial (free)" }) trial?: boolean;
  @Field(() => String, { nullable: true, description: 'Required when the product needs the buyer phone' }) buyerPhone?: string;
  @Field(() => String, { nullable: true, description: 'Required when the product needs the buyer email' }) buyerEmail?: string;
  @Field(() => String, { nullable: true, description: "The buyer's key for this order ([A-Za-z0-9._:-], ≤ 100): a retry with the same key answers the same order, charged once" })
  idempotencyKey?: string;
}

@InputType('QuoteUpgradeInput', { description: "An upgrade of the caller's subscription to price" })
export class QuoteUpgradeInput {
  @Field(() => ID, { description: "Id of the caller's subscription to upgrade" }) subscriptionId: string;
  @Field(() => ID, { nullable: true, description: 'The target version (default: the subscribed one, to scale up)' }) versionId?: string;
  @Field(() => [QuantityInput], { nullable: true, description: 'Default: the current quantities' }) quantities?: QuantityInput[];
  @Field(() => [ChoiceInput], { nullable: true, description: 'Default: the current choices' }) choices?: ChoiceInput[];
}
